-- trajectory-duration: milestone dates per cohort member (quantiles are then taken per segment).
WITH k AS (SELECT registration_id, min(contact_on) AS t1 FROM contacts
    WHERE kind = 'first_personal_service' AND contact_on <= DATE '{{AS_OF}}' GROUP BY registration_id),
  a AS (SELECT registration_id, min(started_on) AS t2, max(ended_on) AS last_end,
    bool_or(ended_on IS NULL OR ended_on > DATE '{{AS_OF}}') AS open_action
    FROM actions WHERE started_on <= DATE '{{AS_OF}}' GROUP BY registration_id)
SELECT c.yr, c.age_band, c.t0, CASE WHEN k.t1 >= c.t0 THEN k.t1 END AS t1, a.t2,
  CASE WHEN c.t4 IS NOT NULL AND NOT a.open_action THEN a.last_end END AS t3, c.t4
FROM cohort c LEFT JOIN k USING (registration_id) LEFT JOIN a USING (registration_id);
