import { LANGUAGE_SQL } from './persons-sql.js';
import { expo, normal, pick } from './sql-helpers.js';

const pidSql = (i: string) => `printf('P%08d', ${i})`;
const ridSql = (r: string) => `printf('R%09d', ${r})`;

/** persons: one row per generated person; a valid (fake) national register number for most. */
export const PERSONS_SQL = `
INSERT INTO persons
SELECT ${pidSql('i')},
  CASE WHEN rnd(16, i) < 0.9 THEN nrn_base || lpad(CAST(97 - (CAST(CASE WHEN birth_year >= 2000 THEN '2' || nrn_base ELSE nrn_base END AS BIGINT) % 97) AS VARCHAR), 2, '0') END,
  birth_year, sex, education_level, nationality, first_nationality, migration_background, origin_group
FROM (SELECT *, lpad(CAST(birth_year % 100 AS VARCHAR), 2, '0')
    || lpad(CAST(1 + CAST(floor(rnd(17, i) * 12) AS INTEGER) AS VARCHAR), 2, '0')
    || lpad(CAST(1 + CAST(floor(rnd(18, i) * 28) AS INTEGER) AS VARCHAR), 2, '0')
    || lpad(CAST(CAST(floor(rnd(19, i) * 499) AS INTEGER) * 2 + CASE WHEN sex = 'M' THEN 1 ELSE 2 END AS VARCHAR), 3, '0') AS nrn_base
  FROM g_p);
`;

/**
 * residence_status_spells: the asylum path (procedure without access to work, with work permit C
 * or residence document, then the decision) or one open spell for everyone else.
 */
export function residenceSql(to: string): string {
  const end = `DATE '${to}'`;
  return `
CREATE OR REPLACE TEMP TABLE g_s AS
SELECT i, 'asylum_seeker' AS status, 'none' AS work_access, app AS valid_from, least(access_on, decided_on) - 1 AS valid_to
FROM g_p WHERE grp = 'asylum'
UNION ALL
SELECT i, 'asylum_seeker', 'work_permit_c', access_on, least(decided_on - 1, DATE '2018-12-31')
FROM g_p WHERE grp = 'asylum' AND access_on < decided_on AND access_on <= DATE '2018-12-31'
UNION ALL
SELECT i, 'asylum_seeker', 'residence_document', greatest(access_on, DATE '2019-01-01'), decided_on - 1
FROM g_p WHERE grp = 'asylum' AND access_on < decided_on AND decided_on > DATE '2019-01-01'
UNION ALL
SELECT i, 'recognised_refugee', 'unrestricted', decided_on, NULL
FROM g_p WHERE grp = 'asylum' AND outcome = 'refugee'
UNION ALL
SELECT i, 'subsidiary_protection', 'work_permit_c', decided_on, DATE '2018-12-31'
FROM g_p WHERE grp = 'asylum' AND outcome = 'subsidiary' AND decided_on <= DATE '2018-12-31'
UNION ALL
SELECT i, 'subsidiary_protection', 'residence_document', greatest(decided_on, DATE '2019-01-01'), NULL
FROM g_p WHERE grp = 'asylum' AND outcome = 'subsidiary'
UNION ALL
SELECT i, CASE WHEN nationality = 'BE' THEN 'belgian' WHEN grp = 'eu' THEN 'eu_efta' ELSE 'other_non_eu' END,
  'unrestricted',
  CASE WHEN grp = 'be' THEN make_date(CAST(birth_year AS INTEGER), 1, 1)
       ELSE greatest(make_date(CAST(birth_year AS INTEGER) + 18, 1, 1), reg1 - 365 - CAST(floor(rnd(20, i) * 3650) AS INTEGER)) END,
  NULL
FROM g_p WHERE grp <> 'asylum';

INSERT INTO residence_status_spells
SELECT ${pidSql('i')}, status, work_access, valid_from, CASE WHEN valid_to > ${end} THEN NULL ELSE valid_to END
FROM g_s WHERE valid_from <= ${end} AND (valid_to IS NULL OR valid_to >= valid_from);
DROP TABLE g_s;
`;
}

export const REGISTRATIONS_SQL = `
INSERT INTO registrations
SELECT ${ridSql('r.rid')}, ${pidSql('r.i')}, r.reg, r.ended_on, r.end_reason, r.category, r.deficit, r.dutch_level, p.region
FROM g_r r JOIN g_p p USING (i);
`;

export const EMPLOYMENT_SQL = `
INSERT INTO employment_spells
SELECT printf('J%09d', rid), ${pidSql('i')}, job_start, job_end, sector FROM g_r WHERE job_start IS NOT NULL;
`;

/** contacts: the first personal service (median about 17 days) and later counselling contacts. */
export function contactsSql(to: string): string {
  const end = `DATE '${to}'`;
  return `
CREATE OR REPLACE TEMP TABLE g_c AS
SELECT rid, i, reg, tg, dutch_level, least(coalesce(ended_on, ${end}), ${end}) AS last_day,
  reg + CAST(round(exp(ln(17) + 0.7 * ${normal('rnd(40, rid)', 'rnd(42, rid)')})) AS INTEGER) AS fps
FROM g_r WHERE rnd(43, rid) < 0.93;

CREATE OR REPLACE TEMP TABLE g_k AS
SELECT rid, i, 0 AS j, fps AS contact_on, 'first_personal_service' AS kind
FROM g_c WHERE fps <= last_day;

INSERT INTO g_k
SELECT rid, i, j, d,
  CASE WHEN year(d) >= 2020 THEN ${pick('rnd(45, rid * 16 + j)', [
    ['counselling', 40],
    ['digital', 40],
    ['follow_up', 20],
  ])} ELSE ${pick('rnd(45, rid * 16 + j)', [
    ['counselling', 60],
    ['digital', 20],
    ['follow_up', 20],
  ])} END
FROM (SELECT rid, i, CAST(jj AS INTEGER) AS j, last_day,
    fps + CAST(jj AS INTEGER) * gap + CAST(floor(rnd(44, rid * 16 + j) * 21) AS INTEGER) - 10 AS d
  FROM (SELECT *, CASE WHEN tg THEN 42 ELSE 70 END AS gap FROM g_c WHERE fps <= last_day) c
  CROSS JOIN range(1, 13) AS t(jj)
  WHERE jj <= CAST((last_day - fps) / gap AS INTEGER))
WHERE d <= last_day;

INSERT INTO contacts
SELECT printf('C%09d-%02d', rid, j), ${pidSql('i')}, ${ridSql('rid')}, contact_on, kind FROM g_k;
`;
}

interface ActionType {
  t: string;
  /** probability for a target-group registration / for another registration */
  pTg: number;
  pOther: number;
  /** mean days from the first personal service to the start */
  offset: number;
  dur: [number, number];
  complete: number;
  providers: [string, number][];
  /** only for registrations with a Dutch-language deficit */
  deficitOnly?: boolean;
}

export const ACTION_TYPES: readonly ActionType[] = [
  {
    t: 'orientation',
    pTg: 0.6,
    pOther: 0.4,
    offset: 20,
    dur: [5, 20],
    complete: 0.9,
    providers: [
      ['vdab', 85],
      ['partner', 15],
    ],
  },
  {
    t: 'technical_screening',
    pTg: 0.25,
    pOther: 0.05,
    offset: 40,
    dur: [1, 10],
    complete: 0.85,
    providers: [['vdab', 100]],
  },
  {
    t: 'nt2_course',
    pTg: 0.7,
    pOther: 0.1,
    offset: 30,
    dur: [60, 240],
    complete: 0.65,
    providers: [
      ['cvo', 55],
      ['cbe', 35],
      ['vdab', 10],
    ],
    deficitOnly: true,
  },
  {
    t: 'integrated_language_trajectory',
    pTg: 0.15,
    pOther: 0.02,
    offset: 45,
    dur: [120, 360],
    complete: 0.6,
    providers: [
      ['cvo', 60],
      ['cbe', 40],
    ],
    deficitOnly: true,
  },
  {
    t: 'vocational_training',
    pTg: 0.25,
    pOther: 0.15,
    offset: 90,
    dur: [60, 240],
    complete: 0.7,
    providers: [
      ['vdab', 75],
      ['partner', 25],
    ],
  },
  {
    t: 'workplace_learning',
    pTg: 0.1,
    pOther: 0.06,
    offset: 120,
    dur: [30, 120],
    complete: 0.75,
    providers: [
      ['vdab', 60],
      ['partner', 40],
    ],
  },
  {
    t: 'ibo',
    pTg: 0.08,
    pOther: 0.06,
    offset: 150,
    dur: [28, 182],
    complete: 0.8,
    providers: [['vdab', 100]],
  },
  {
    t: 'ibo_t',
    pTg: 0.04,
    pOther: 0.01,
    offset: 150,
    dur: [28, 182],
    complete: 0.78,
    providers: [['vdab', 100]],
    deficitOnly: true,
  },
  {
    t: 'mentoring',
    pTg: 0.06,
    pOther: 0.01,
    offset: 60,
    dur: [90, 270],
    complete: 0.7,
    providers: [['partner', 100]],
  },
  {
    t: 'job_coaching',
    pTg: 0.1,
    pOther: 0.08,
    offset: 100,
    dur: [60, 180],
    complete: 0.75,
    providers: [
      ['vdab', 60],
      ['partner', 40],
    ],
  },
  {
    t: 'entrepreneurship_coaching',
    pTg: 0.015,
    pOther: 0.01,
    offset: 60,
    dur: [60, 180],
    complete: 0.6,
    providers: [['esf_tender', 100]],
  },
];

/** actions: each type with its own probability, start, duration and completion rate; OKAN hand-over. */
export function actionsSql(to: string): string {
  const end = `DATE '${to}'`;
  const params = ACTION_TYPES.map(
    (a, k) =>
      `(${k}, '${a.t}', ${a.pTg}, ${a.pOther}, ${a.offset}, ${a.dur[0]}, ${a.dur[1] - a.dur[0]}, ${a.complete}, ${a.deficitOnly === true})`,
  ).join(', ');
  const provider = `(CASE k ${ACTION_TYPES.map((a, k) => `WHEN ${k} THEN ${pick('rnd(51, rid * 16 + k)', a.providers)}`).join(' ')} END)`;
  // One pass over registrations × action types: draw which actions happen, then only for those
  // the provider, start, duration and outcome.
  return `
CREATE OR REPLACE TEMP TABLE g_a AS
SELECT r.rid, r.i, r.reg, r.tg, r.deficit, r.age, r.round, c.fps, least(coalesce(r.ended_on, ${end}), ${end}) AS last_day
FROM g_r r LEFT JOIN g_c c USING (rid);
CREATE OR REPLACE TEMP TABLE g_at (k INTEGER, action_type VARCHAR, p_tg DOUBLE, p_other DOUBLE, offset_days DOUBLE,
  dur_min INTEGER, dur_range INTEGER, complete DOUBLE, deficit_only BOOLEAN);
INSERT INTO g_at VALUES ${params};

INSERT INTO actions
SELECT printf('A%09d-%02d', rid, k), ${pidSql('i')}, printf('R%09d', rid), action_type, provider, started_on,
  CASE WHEN started_on + dur > ${end} THEN NULL WHEN completes THEN started_on + dur
       ELSE started_on + CAST(floor(dur * rnd(55, rid * 16 + k)) AS INTEGER) END,
  CASE WHEN started_on + dur > ${end} THEN 'ongoing' WHEN completes THEN 'completed' ELSE 'dropped_out' END
FROM (
  SELECT rid, i, k, action_type, last_day, ${provider} AS provider,
    coalesce(fps, reg) + CAST(floor(${expo('rnd(52, rid * 16 + k)', 'offset_days')}) AS INTEGER) AS started_on,
    dur_min + CAST(floor(rnd(53, rid * 16 + k) * dur_range) AS INTEGER) AS dur,
    rnd(54, rid * 16 + k) < complete AS completes
  FROM (SELECT a.*, t.* FROM g_a a CROSS JOIN g_at t
        WHERE (a.deficit OR NOT t.deficit_only)
          AND rnd(50, a.rid * 16 + t.k) < CASE WHEN a.tg THEN t.p_tg ELSE t.p_other END)
)
WHERE started_on <= last_day;

INSERT INTO actions
SELECT printf('A%09d-15', rid), ${pidSql('i')}, printf('R%09d', rid), 'okan_handover', 'vdab', reg, reg, 'completed'
FROM g_a WHERE tg AND round = 1 AND age <= 21 AND rnd(56, rid) < 0.6;
DROP TABLE g_a; DROP TABLE g_at;
`;
}

/** interpreter_sessions: in a share of the counselling contacts of people who speak no Dutch. */
export const INTERPRETER_SQL = `
INSERT INTO interpreter_sessions
SELECT 'T' || substr(contact_id, 2), contact_on, ${LANGUAGE_SQL},
  CASE WHEN year(contact_on) >= 2020 THEN ${pick('rnd(61, contact_id)', [
    ['on_site', 25],
    ['phone', 40],
    ['video', 35],
  ])} ELSE ${pick('rnd(61, contact_id)', [
    ['on_site', 50],
    ['phone', 45],
    ['video', 5],
  ])} END,
  region
FROM (SELECT printf('C%09d-%02d', k.rid, k.j) AS contact_id, k.contact_on, p.first_nationality, p.region
  FROM g_k k JOIN g_r r USING (rid) JOIN g_p p ON p.i = r.i
  WHERE r.dutch_level = 'none' AND p.migration_background AND k.kind IN ('first_personal_service', 'counselling'))
WHERE rnd(60, contact_id) < 0.35;
DROP TABLE g_k;
`;
