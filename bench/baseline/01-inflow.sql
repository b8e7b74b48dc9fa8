-- inflow-target-group per year with its standard breakdowns.
SELECT yr, age_band, sex, education_level, origin_group, residence_status, region, dutch_level, count(*) AS n
FROM cohort
GROUP BY GROUPING SETS ((yr), (yr, age_band), (yr, sex), (yr, education_level), (yr, origin_group),
  (yr, residence_status), (yr, region), (yr, dutch_level), (yr, age_band, sex));
