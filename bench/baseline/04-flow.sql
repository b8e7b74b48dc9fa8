-- flow-into-actions and flow-into-training-workplace: 6 and 12 months, by age band.
WITH ch AS (
  SELECT c.person_id, c.yr, c.t0, c.age_band, h, CAST(c.t0 + to_months(h) AS DATE) AS hd
  FROM cohort c, (VALUES (6), (12)) hz(h)
),
a AS (SELECT person_id, started_on, action_type IN ('vocational_training', 'workplace_learning', 'ibo', 'ibo_t') AS training
  FROM actions WHERE action_type <> 'okan_handover' AND started_on <= DATE '{{AS_OF}}'),
o AS (
  SELECT ch.person_id, ch.yr, ch.h, ch.hd, ch.age_band,
    coalesce(bool_or(a.started_on >= ch.t0 AND a.started_on < ch.hd), false) AS any_action,
    coalesce(bool_or(a.training AND a.started_on >= ch.t0 AND a.started_on < ch.hd), false) AS training
  FROM ch LEFT JOIN a ON a.person_id = ch.person_id
  GROUP BY ALL
)
SELECT yr, h, age_band, count(*) AS n, count(*) FILTER (any_action) AS any_action,
  count(*) FILTER (training) AS training, count(*) FILTER (hd <= DATE '{{AS_OF}}') AS obs
FROM o GROUP BY GROUPING SETS ((yr, h), (yr, h, age_band));
