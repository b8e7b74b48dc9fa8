-- outflow-to-work: 5 horizons × 4 variants, crude counts and observed counts per cohort year.
WITH ch AS (
  SELECT c.*, h, CAST(c.t0 + to_months(h) AS DATE) AS hd, CAST(c.t0 + to_months(h + 6) AS DATE) AS hk
  FROM cohort c, (VALUES (6), (12), (18), (24), (30)) hz(h)
),
s AS (
  SELECT person_id, started_on, CASE WHEN ended_on <= DATE '{{AS_OF}}' THEN ended_on END AS ended_on
  FROM employment_spells WHERE started_on <= DATE '{{AS_OF}}'
),
o AS (
  SELECT ch.person_id, ch.yr, ch.h, ch.hd, ch.hk, ch.residence_status, ch.age_band, ch.sex, ch.education_level,
    coalesce(bool_or(s.started_on <= ch.hd AND (s.ended_on IS NULL OR s.ended_on >= ch.hd)), false) AS at_work,
    coalesce(bool_or(s.started_on <= ch.hk AND (s.ended_on IS NULL OR s.ended_on >= ch.hk)), false) AS at_k,
    coalesce(bool_or(s.started_on >= ch.t0 AND s.started_on < ch.hd), false) AS found1,
    coalesce(bool_or(s.started_on >= ch.t0 AND s.started_on < ch.hd
      AND date_diff('day', s.started_on, coalesce(s.ended_on, DATE '{{AS_OF}}')) + 1 >= 28), false) AS found28
  FROM ch LEFT JOIN s ON s.person_id = ch.person_id
  GROUP BY ALL
)
SELECT yr, h, residence_status, age_band, sex, education_level, count(*) AS n,
  count(*) FILTER (at_work) AS at_work, count(*) FILTER (found1) AS found1,
  count(*) FILTER (found28) AS found28, count(*) FILTER (at_work AND at_k) AS durable,
  count(*) FILTER (hd <= DATE '{{AS_OF}}') AS obs, count(*) FILTER (hk <= DATE '{{AS_OF}}') AS obs_k
FROM o
GROUP BY GROUPING SETS ((yr, h), (yr, h, residence_status), (yr, h, age_band), (yr, h, sex), (yr, h, education_level));
