-- outflow-to-work: 5 horizons × 4 variants, crude counts and observed counts per cohort year.
-- Each member's jobs are joined once, with a flag per horizon; the horizons become rows after.
WITH m AS (
  SELECT person_id, yr, t0, residence_status, age_band, sex, education_level, CAST(t0 + to_months(6) AS DATE) AS hd6, CAST(t0 + to_months(12) AS DATE) AS hk6, CAST(t0 + to_months(12) AS DATE) AS hd12, CAST(t0 + to_months(18) AS DATE) AS hk12, CAST(t0 + to_months(18) AS DATE) AS hd18, CAST(t0 + to_months(24) AS DATE) AS hk18, CAST(t0 + to_months(24) AS DATE) AS hd24, CAST(t0 + to_months(30) AS DATE) AS hk24, CAST(t0 + to_months(30) AS DATE) AS hd30, CAST(t0 + to_months(36) AS DATE) AS hk30
  FROM cohort
),
s AS (
  SELECT person_id, started_on, CASE WHEN ended_on <= DATE '{{AS_OF}}' THEN ended_on END AS ended_on
  FROM employment_spells WHERE started_on <= DATE '{{AS_OF}}'
),
j AS (
  SELECT m.*,
    coalesce(bool_or(s.started_on <= m.hd6 AND (s.ended_on IS NULL OR s.ended_on >= m.hd6)), false) AS aw6, coalesce(bool_or(s.started_on <= m.hk6 AND (s.ended_on IS NULL OR s.ended_on >= m.hk6)), false) AS ak6,
    coalesce(bool_or(s.started_on >= m.t0 AND s.started_on < m.hd6), false) AS f1_6,
    coalesce(bool_or(s.started_on >= m.t0 AND s.started_on < m.hd6
      AND date_diff('day', s.started_on, coalesce(s.ended_on, DATE '{{AS_OF}}')) + 1 >= 28), false) AS f28_6,
    coalesce(bool_or(s.started_on <= m.hd12 AND (s.ended_on IS NULL OR s.ended_on >= m.hd12)), false) AS aw12, coalesce(bool_or(s.started_on <= m.hk12 AND (s.ended_on IS NULL OR s.ended_on >= m.hk12)), false) AS ak12,
    coalesce(bool_or(s.started_on >= m.t0 AND s.started_on < m.hd12), false) AS f1_12,
    coalesce(bool_or(s.started_on >= m.t0 AND s.started_on < m.hd12
      AND date_diff('day', s.started_on, coalesce(s.ended_on, DATE '{{AS_OF}}')) + 1 >= 28), false) AS f28_12,
    coalesce(bool_or(s.started_on <= m.hd18 AND (s.ended_on IS NULL OR s.ended_on >= m.hd18)), false) AS aw18, coalesce(bool_or(s.started_on <= m.hk18 AND (s.ended_on IS NULL OR s.ended_on >= m.hk18)), false) AS ak18,
    coalesce(bool_or(s.started_on >= m.t0 AND s.started_on < m.hd18), false) AS f1_18,
    coalesce(bool_or(s.started_on >= m.t0 AND s.started_on < m.hd18
      AND date_diff('day', s.started_on, coalesce(s.ended_on, DATE '{{AS_OF}}')) + 1 >= 28), false) AS f28_18,
    coalesce(bool_or(s.started_on <= m.hd24 AND (s.ended_on IS NULL OR s.ended_on >= m.hd24)), false) AS aw24, coalesce(bool_or(s.started_on <= m.hk24 AND (s.ended_on IS NULL OR s.ended_on >= m.hk24)), false) AS ak24,
    coalesce(bool_or(s.started_on >= m.t0 AND s.started_on < m.hd24), false) AS f1_24,
    coalesce(bool_or(s.started_on >= m.t0 AND s.started_on < m.hd24
      AND date_diff('day', s.started_on, coalesce(s.ended_on, DATE '{{AS_OF}}')) + 1 >= 28), false) AS f28_24,
    coalesce(bool_or(s.started_on <= m.hd30 AND (s.ended_on IS NULL OR s.ended_on >= m.hd30)), false) AS aw30, coalesce(bool_or(s.started_on <= m.hk30 AND (s.ended_on IS NULL OR s.ended_on >= m.hk30)), false) AS ak30,
    coalesce(bool_or(s.started_on >= m.t0 AND s.started_on < m.hd30), false) AS f1_30,
    coalesce(bool_or(s.started_on >= m.t0 AND s.started_on < m.hd30
      AND date_diff('day', s.started_on, coalesce(s.ended_on, DATE '{{AS_OF}}')) + 1 >= 28), false) AS f28_30
  FROM m LEFT JOIN s ON s.person_id = m.person_id
  GROUP BY ALL
),
o AS (
  SELECT yr, residence_status, age_band, sex, education_level,
    unnest([6, 12, 18, 24, 30]) AS h, unnest([hd6, hd12, hd18, hd24, hd30]) AS hd, unnest([hk6, hk12, hk18, hk24, hk30]) AS hk,
    unnest([aw6, aw12, aw18, aw24, aw30]) AS at_work, unnest([ak6, ak12, ak18, ak24, ak30]) AS at_k,
    unnest([f1_6, f1_12, f1_18, f1_24, f1_30]) AS found1, unnest([f28_6, f28_12, f28_18, f28_24, f28_30]) AS found28
  FROM j
)
SELECT yr, h, residence_status, age_band, sex, education_level, count(*) AS n,
  count(*) FILTER (at_work) AS at_work, count(*) FILTER (found1) AS found1,
  count(*) FILTER (found28) AS found28, count(*) FILTER (at_work AND at_k) AS durable,
  count(*) FILTER (hd <= DATE '{{AS_OF}}') AS obs, count(*) FILTER (hk <= DATE '{{AS_OF}}') AS obs_k
FROM o
GROUP BY GROUPING SETS ((yr, h), (yr, h, residence_status), (yr, h, age_band), (yr, h, sex), (yr, h, education_level));
