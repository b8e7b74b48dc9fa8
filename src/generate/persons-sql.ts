import { GROUP_SHARES, GROUPS, BINS } from './inflow.js';
import { expo, normal, pick, plusMonths } from './sql-helpers.js';

const NATIONALITIES: Record<string, [string, number][]> = {
  middle_east: [
    ['SY', 5],
    ['IQ', 3],
    ['PS', 1],
    ['IR', 1],
  ],
  afghanistan_pakistan: [
    ['AF', 85],
    ['PK', 15],
  ],
  sub_saharan_africa: [
    ['ER', 3],
    ['SO', 2.5],
    ['GN', 2],
    ['CD', 1.5],
    ['CM', 1],
  ],
  maghreb: [
    ['MA', 8],
    ['DZ', 1],
    ['TN', 1],
  ],
  eastern_europe_non_eu: [
    ['RU', 4],
    ['UA', 3],
    ['AL', 3],
  ],
  other_asia: [
    ['IN', 3],
    ['CN', 3],
    ['PH', 2],
    ['NP', 2],
  ],
  latin_america: [
    ['BR', 1],
    ['CO', 1],
  ],
  other: [
    ['TR', 7],
    ['US', 3],
  ],
  eu_efta: [
    ['NL', 30],
    ['PL', 20],
    ['RO', 20],
    ['BG', 10],
    ['FR', 10],
    ['IT', 5],
    ['ES', 5],
  ],
  belgian: [['BE', 1]],
};

const ORIGIN_BY_GROUP: Record<string, [string, number][]> = {
  asylum: [
    ['middle_east', 45],
    ['afghanistan_pakistan', 27],
    ['sub_saharan_africa', 20],
    ['eastern_europe_non_eu', 4],
    ['other', 4],
  ],
  tg_other: [
    ['maghreb', 30],
    ['other', 15],
    ['sub_saharan_africa', 15],
    ['middle_east', 10],
    ['other_asia', 12],
    ['eastern_europe_non_eu', 10],
    ['latin_america', 8],
  ],
  mig: [
    ['maghreb', 40],
    ['other', 20],
    ['sub_saharan_africa', 15],
    ['eastern_europe_non_eu', 10],
    ['other_asia', 8],
    ['latin_america', 7],
  ],
};

/** First nationality from the origin group (`u` uniform). */
function nationalitySql(u: string): string {
  const arms = Object.entries(NATIONALITIES).map(
    ([o, list]) => `WHEN '${o}' THEN ${pick(u, list)}`,
  );
  return `(CASE origin_group ${arms.join(' ')} END)`;
}

/** Interpreter language of a first nationality. */
export const LANGUAGE_SQL = `(CASE first_nationality WHEN 'SY' THEN 'ar' WHEN 'IQ' THEN 'ar' WHEN 'PS' THEN 'ar'
 WHEN 'MA' THEN 'ar' WHEN 'DZ' THEN 'ar' WHEN 'TN' THEN 'ar' WHEN 'IR' THEN 'fa' WHEN 'AF' THEN 'prs'
 WHEN 'PK' THEN 'ur' WHEN 'ER' THEN 'ti' WHEN 'SO' THEN 'so' WHEN 'GN' THEN 'fr' WHEN 'CD' THEN 'fr'
 WHEN 'CM' THEN 'fr' WHEN 'RU' THEN 'ru' WHEN 'UA' THEN 'uk' WHEN 'AL' THEN 'sq' WHEN 'TR' THEN 'tr'
 WHEN 'CN' THEN 'zh' WHEN 'IN' THEN 'hi' WHEN 'NP' THEN 'ne' WHEN 'PH' THEN 'tl' WHEN 'BR' THEN 'pt'
 WHEN 'CO' THEN 'es' WHEN 'PL' THEN 'pl' WHEN 'RO' THEN 'ro' WHEN 'BG' THEN 'bg' ELSE 'en' END)`;

/**
 * Internal person table `g_p`: profile, first registration date and, for the asylum path, the
 * application date, the end of the waiting period, the decision date and its outcome.
 */
export function personsSql(n: number): string {
  const groupCase = pick(
    'rnd(1, i)',
    GROUPS.map((g) => [g, GROUP_SHARES[g]] as const),
  );
  const tg = `grp IN ('asylum', 'tg_other')`;
  const ageCase = `(CASE WHEN ${tg} THEN ${pick('rnd(4, i)', [
    [0, 20],
    [1, 40],
    [2, 30],
    [3, 10],
  ])} ELSE ${pick('rnd(4, i)', [
    [0, 24],
    [1, 30],
    [2, 30],
    [3, 16],
  ])} END)`;
  return `
CREATE OR REPLACE TEMP TABLE g_p1 AS
SELECT i, b.grp, f.month_start + CAST(floor(rnd(2, i) * f.days) AS INTEGER) AS reg1
FROM (SELECT range + 1 AS i, ${groupCase} AS grp FROM range(${n})) b
JOIN g_inflow f ON f.grp = b.grp AND f.bin = CAST(floor(rnd(3, i) * ${BINS}) AS INTEGER);

CREATE OR REPLACE TEMP TABLE g_p2 AS
SELECT *,
  year(reg1) - age AS birth_year,
  CASE WHEN rnd(5, i) < 0.001 THEN 'X'
       WHEN rnd(5, i) < (CASE WHEN ${tg} THEN 0.62 ELSE 0.53 END) THEN 'M' ELSE 'F' END AS sex,
  CASE WHEN ${tg} THEN ${pick('rnd(6, i)', [
    ['low', 45],
    ['medium', 28],
    ['high', 22],
    ['unknown', 5],
  ])} ELSE ${pick('rnd(6, i)', [
    ['low', 30],
    ['medium', 44],
    ['high', 25],
    ['unknown', 1],
  ])} END AS education_level,
  CASE grp WHEN 'be' THEN 'belgian' WHEN 'eu' THEN 'eu_efta'
    WHEN 'asylum' THEN ${pick('rnd(7, i)', ORIGIN_BY_GROUP.asylum!)}
    WHEN 'tg_other' THEN ${pick('rnd(7, i)', ORIGIN_BY_GROUP.tg_other!)}
    ELSE ${pick('rnd(7, i)', ORIGIN_BY_GROUP.mig!)} END AS origin_group,
  ${pick('rnd(9, i)', [
    ['ant', 30],
    ['ovl', 22],
    ['wvl', 15],
    ['vbr', 14],
    ['lim', 13],
    ['bru', 6],
  ])} AS region
FROM (SELECT *, CASE ${ageCase} WHEN 0 THEN 18 + CAST(floor(rnd(41, i) * 7) AS INTEGER)
  WHEN 1 THEN 25 + CAST(floor(rnd(41, i) * 10) AS INTEGER)
  WHEN 2 THEN 35 + CAST(floor(rnd(41, i) * 15) AS INTEGER)
  ELSE 50 + CAST(floor(rnd(41, i) * 15) AS INTEGER) END AS age FROM g_p1);

CREATE OR REPLACE TEMP TABLE g_p3 AS
SELECT *,
  -- Back from the first registration: the waiting period ends a few months before it.
  reg1 - CAST(floor(${expo('rnd(10, i)', 110)}) AS INTEGER) AS access_on0
FROM (SELECT *, ${nationalitySql('rnd(8, i)')} AS first_nationality FROM g_p2);

CREATE OR REPLACE TEMP TABLE g_p4 AS
SELECT *,
  ${plusMonths('app', 'wait_months')} AS access_on,
  app + CAST(exp(ln(300) + 0.55 * ${normal('rnd(11, i)', 'rnd(12, i)')}) AS INTEGER) AS dec0
FROM (SELECT *,
  CASE WHEN ${plusMonths('access_on0', -4)} >= DATE '2015-11-09' THEN 4 ELSE 6 END AS wait_months,
  CASE WHEN ${plusMonths('access_on0', -4)} >= DATE '2015-11-09' THEN ${plusMonths('access_on0', -4)}
       ELSE ${plusMonths('access_on0', -6)} END AS app
  FROM g_p3);

CREATE OR REPLACE TEMP TABLE g_p AS
SELECT i, grp, reg1, birth_year, sex, education_level, origin_group, region, first_nationality,
  CASE WHEN grp = 'mig' AND rnd(15, i) < 0.6 THEN 'BE'
       WHEN grp IN ('asylum', 'tg_other') AND year(reg1) >= 2019 AND rnd(15, i) < 0.08 THEN 'BE'
       ELSE first_nationality END AS nationality,
  grp IN ('asylum', 'tg_other', 'mig') AS migration_background,
  CASE WHEN grp = 'asylum' THEN app END AS app,
  CASE WHEN grp = 'asylum' THEN access_on END AS access_on,
  CASE WHEN grp <> 'asylum' THEN NULL
       WHEN outcome = 'refused' AND dec0 <= reg1 THEN reg1 + 30 + CAST(floor(rnd(14, i) * 300) AS INTEGER)
       ELSE dec0 END AS decided_on,
  CASE WHEN grp = 'asylum' THEN outcome END AS outcome
FROM (SELECT *, CASE
    WHEN year(dec0) <= 2016 THEN ${pick('rnd(13, i)', [
      ['refugee', 45.8],
      ['subsidiary', 11.9],
      ['refused', 42.3],
    ])}
    WHEN year(dec0) = 2017 THEN ${pick('rnd(13, i)', [
      ['refugee', 38.7],
      ['subsidiary', 12.0],
      ['refused', 49.3],
    ])}
    ELSE ${pick('rnd(13, i)', [
      ['refugee', 36],
      ['subsidiary', 11],
      ['refused', 53],
    ])} END AS outcome FROM g_p4);
DROP TABLE g_p1; DROP TABLE g_p2; DROP TABLE g_p3; DROP TABLE g_p4;
`;
}
