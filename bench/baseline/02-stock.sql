-- stock-target-group on 31 December of each year (or the cut-off date), standard breakdowns.
WITH refs AS (
  SELECT least(make_date(y, 12, 31), DATE '{{AS_OF}}') AS ref, y
  FROM range((SELECT min(yr) FROM tg), year(DATE '{{AS_OF}}') + 1) t(y)
)
SELECT y, age_band, sex, education_level, origin_group, region, dutch_level, count(DISTINCT person_id) AS n
FROM (
  SELECT refs.y, tg.person_id, tg.sex, tg.education_level, tg.origin_group, tg.region, tg.dutch_level,
    CASE WHEN refs.y - tg.birth_year < 25 THEN '<25' WHEN refs.y - tg.birth_year < 35 THEN '25-34'
      WHEN refs.y - tg.birth_year < 50 THEN '35-49' ELSE '50+' END AS age_band
  FROM tg JOIN refs ON tg.t0 <= refs.ref AND (tg.ended_on IS NULL OR tg.ended_on > refs.ref)
)
GROUP BY GROUPING SETS ((y), (y, age_band), (y, sex), (y, education_level), (y, origin_group), (y, region), (y, dutch_level));
