-- Hand-tuned baseline, step 0: the target group's registrations once, with the person's profile,
-- the residence status at registration (ASOF join) and the first registration per person and year.
CREATE OR REPLACE TEMP TABLE tg AS
SELECT g.person_id, g.registration_id, g.registered_on AS t0,
  CASE WHEN g.ended_on <= DATE '{{AS_OF}}' THEN g.ended_on END AS t4,
  CASE WHEN g.ended_on <= DATE '{{AS_OF}}' THEN g.end_reason END AS reason,
  g.ended_on, year(g.registered_on) AS yr, g.region, g.dutch_level,
  p.sex, p.education_level, p.origin_group, p.birth_year,
  coalesce(CASE WHEN r.valid_to IS NULL OR r.valid_to >= g.registered_on THEN r.status END, 'unknown') AS residence_status
FROM registrations g
JOIN persons p USING (person_id)
ASOF LEFT JOIN residence_status_spells r ON r.person_id = g.person_id AND g.registered_on >= r.valid_from
WHERE g.dutch_language_deficit AND p.migration_background AND g.registered_on <= DATE '{{AS_OF}}';

CREATE OR REPLACE TEMP TABLE cohort AS
SELECT *, CASE WHEN yr - birth_year < 25 THEN '<25' WHEN yr - birth_year < 35 THEN '25-34'
  WHEN yr - birth_year < 50 THEN '35-49' ELSE '50+' END AS age_band
FROM tg QUALIFY row_number() OVER (PARTITION BY person_id, yr ORDER BY t0, registration_id) = 1;
