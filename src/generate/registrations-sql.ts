import { expo, pick } from './sql-helpers.js';

/** Tunable hazards of the registration model (monthly rates). See docs/synthetic-data.md. */
export const HAZARDS = {
  /** Base monthly rate of finding work, by group or asylum status at registration. */
  work: {
    be: 0.115,
    eu: 0.1,
    mig: 0.085,
    tg_other: 0.12,
    seeker: 0.027,
    refugee: 0.09,
    subsidiary: 0.08,
    refused: 0.03,
  },
  /** Monthly rate of leaving the register for another reason (competing risk). */
  other: { tg: 0.008, rest: 0.04 },
  /** Unobserved heterogeneity: share and multiplier of fast, average and slow finders. */
  frailty: [
    [0.3, 2.6],
    [0.45, 1],
    [0.25, 0.35],
  ],
  /** Probability that a job is short (the risk of losing it), first job vs later jobs. */
  loseFirstJob: 0.24,
  loseLaterJob: 0.2,
} as const;

const SECTORS_TG: [string, number][] = [
  ['N', 25],
  ['C', 15],
  ['I', 12],
  ['G', 10],
  ['H', 10],
  ['Q', 8],
  ['F', 7],
  ['P', 3],
  ['M', 3],
  ['S', 3],
  ['A', 2],
  ['J', 1],
  ['O', 1],
];
const SECTORS: [string, number][] = [
  ['G', 15],
  ['C', 14],
  ['N', 12],
  ['Q', 12],
  ['F', 7],
  ['H', 7],
  ['I', 6],
  ['M', 6],
  ['P', 6],
  ['O', 5],
  ['J', 4],
  ['K', 2],
  ['S', 2],
  ['A', 1],
  ['R', 1],
];

const DAYS_PER_MONTH = 30.44;

/** Round 1: every person's first registration. */
export const FIRST_ROUND_SQL = `CREATE OR REPLACE TEMP TABLE g_rb AS SELECT i AS rid, i, 1 AS round, reg1 AS reg FROM g_p;`;

/**
 * Outcome of every registration in `g_rb`, appended to `g_r`: profile at registration, time to
 * work and to another exit (competing risks), the end of the registration and the job it led to.
 */
export function outcomeSql(to: string): string {
  const h = HAZARDS;
  const w = h.work;
  const frail = `(CASE WHEN rnd(22, rid) < ${h.frailty[0][0]} THEN ${h.frailty[0][1]}
    WHEN rnd(22, rid) < ${h.frailty[0][0] + h.frailty[1][0]} THEN ${h.frailty[1][1]} ELSE ${h.frailty[2][1]} END)`;
  const rateW = `(CASE st WHEN 'seeker' THEN ${w.seeker} WHEN 'refugee' THEN ${w.refugee}
      WHEN 'subsidiary' THEN ${w.subsidiary} WHEN 'refused' THEN ${w.refused} WHEN 'be' THEN ${w.be}
      WHEN 'eu' THEN ${w.eu} WHEN 'mig' THEN ${w.mig} ELSE ${w.tg_other} END)
    * (CASE education_level WHEN 'low' THEN 0.75 WHEN 'high' THEN 1.25 WHEN 'unknown' THEN 0.7 ELSE 1 END)
    * (CASE WHEN age < 25 THEN 1.1 WHEN age < 35 THEN 1.05 WHEN age < 50 THEN 0.9 ELSE 0.5 END)
    * (CASE WHEN sex = 'F' AND tg THEN 0.75 WHEN sex = 'F' THEN 0.95 ELSE 1 END)
    * (CASE dutch_level WHEN 'none' THEN 0.8 WHEN 'basic' THEN 0.95 ELSE 1 END)
    * ${frail}`;
  const rateO = `(CASE WHEN tg THEN ${h.other.tg} ELSE ${h.other.rest} END)`;
  const end = `DATE '${to}'`;
  return `
CREATE OR REPLACE TEMP TABLE g_rc AS
SELECT b.*, p.grp, p.birth_year, p.sex, p.education_level, p.decided_on, p.outcome,
  year(b.reg) - p.birth_year AS age,
  p.grp IN ('asylum', 'tg_other') AS tg,
  CASE WHEN p.grp = 'asylum' AND b.reg < p.decided_on THEN 'seeker'
       WHEN p.grp = 'asylum' THEN p.outcome ELSE p.grp END AS st,
  CASE WHEN p.grp IN ('asylum', 'tg_other') THEN (b.round = 1 OR rnd(21, b.rid) < 0.85)
       WHEN p.grp = 'eu' THEN rnd(21, b.rid) < 0.35
       WHEN p.grp = 'mig' THEN rnd(21, b.rid) < 0.03 ELSE false END AS deficit
FROM g_rb b JOIN g_p p USING (i);

CREATE OR REPLACE TEMP TABLE g_rd AS
SELECT *,
  1 + CAST(floor(${expo('rnd(23, rid)', `${DAYS_PER_MONTH} / (${rateW})`)}) AS INTEGER) AS tw,
  CAST(least(1 + CAST(floor(${expo('rnd(24, rid)', `${DAYS_PER_MONTH} / ${rateO}`)}) AS INTEGER),
        CASE WHEN outcome = 'refused' AND decided_on >= reg THEN decided_on + 30 - reg END) AS INTEGER) AS tother,
  outcome = 'refused' AND decided_on >= reg AND decided_on + 30 - reg
    <= 1 + CAST(floor(${expo('rnd(24, rid)', `${DAYS_PER_MONTH} / ${rateO}`)}) AS INTEGER) AS admin_exit
FROM (SELECT *, CASE WHEN deficit THEN ${pick('rnd(25, rid)', [
    ['none', 40],
    ['basic', 45],
    ['intermediate', 15],
  ])} ELSE ${pick('rnd(25, rid)', [
    ['intermediate', 20],
    ['good', 80],
  ])} END AS dutch_level FROM g_rc);

INSERT INTO g_r
SELECT rid, i, round, reg, deficit, dutch_level, tg, age, st,
  CASE WHEN age < 25 AND round = 1 AND rnd(26, rid) < 0.35 THEN 'young_school_leaver'
       ELSE ${pick('rnd(27, rid)', [
         ['unemployed_benefit', 50],
         ['unemployed_no_benefit', 35],
         ['other_jobseeker', 15],
       ])} END AS category,
  CASE WHEN reg + exit_days >= ${end} THEN NULL ELSE reg + exit_days END AS ended_on,
  CASE WHEN reg + exit_days >= ${end} THEN NULL WHEN work THEN 'work' WHEN admin_exit THEN 'administrative'
       ELSE ${pick('rnd(28, rid)', [
         ['training', 15],
         ['education', 10],
         ['illness', 15],
         ['moved_abroad', 10],
         ['administrative', 30],
         ['other', 20],
       ])} END AS end_reason,
  CASE WHEN work AND reg + tw <= ${end} THEN reg + tw END AS job_start,
  CASE WHEN NOT work OR reg + tw > ${end} THEN NULL
       WHEN (CASE WHEN outcome = 'refused' THEN least(reg + tw + job_days, decided_on + 30)
             ELSE reg + tw + job_days END) > ${end} THEN NULL
       WHEN outcome = 'refused' THEN least(reg + tw + job_days, decided_on + 30)
       ELSE reg + tw + job_days END AS job_end,
  CASE WHEN tg THEN ${pick('rnd(29, rid)', SECTORS_TG)} ELSE ${pick('rnd(29, rid)', SECTORS)} END AS sector,
  coalesce(admin_exit AND NOT work, false) AS refused_exit
FROM (SELECT *, tw < tother OR tother IS NULL AS work,
  CASE WHEN tw < tother OR tother IS NULL THEN tw - 1 ELSE tother END AS exit_days,
  CASE WHEN rnd(31, rid) < (CASE WHEN round = 1 THEN ${h.loseFirstJob} ELSE ${h.loseLaterJob} END)
       THEN 14 + CAST(floor(${expo('rnd(32, rid)', 100)}) AS INTEGER)
       ELSE 60 + CAST(floor(${expo('rnd(32, rid)', 2500)}) AS INTEGER) END AS job_days
  FROM g_rd);
`;
}

/** The next round of registrations: re-registration after a lost job or after another exit. */
export function nextRoundSql(round: number, to: string): string {
  return `
CREATE OR REPLACE TEMP TABLE g_rb AS
SELECT (SELECT max(rid) FROM g_r) + row_number() OVER (ORDER BY n.rid) AS rid, i, ${round + 1} AS round, nreg AS reg
FROM (SELECT rid, i, CASE
    WHEN job_end IS NOT NULL AND NOT refused_exit AND rnd(30, rid) < 0.6
      THEN job_end + 1 + CAST(floor(${expo('rnd(33, rid)', 45)}) AS INTEGER)
    WHEN job_start IS NULL AND ended_on IS NOT NULL AND NOT refused_exit AND end_reason <> 'moved_abroad'
      AND rnd(30, rid) < 0.35
      THEN ended_on + 1 + CAST(floor(${expo('rnd(33, rid)', 200)}) AS INTEGER) END AS nreg
  FROM g_r WHERE round = ${round}) n
JOIN g_p p USING (i)
WHERE nreg <= DATE '${to}' AND NOT coalesce(p.outcome = 'refused' AND p.decided_on <= nreg, false);
`;
}

export const REGISTRATION_TABLE_SQL = `CREATE OR REPLACE TEMP TABLE g_r (rid BIGINT, i BIGINT, round INTEGER, reg DATE,
  deficit BOOLEAN, dutch_level VARCHAR, tg BOOLEAN, age INTEGER, st VARCHAR, category VARCHAR,
  ended_on DATE, end_reason VARCHAR, job_start DATE, job_end DATE, sector VARCHAR, refused_exit BOOLEAN);`;
