import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { CONTRACT_TABLES, codes } from '../contract/index.js';
import { addMonths, daysBetween, fromEpochDay, toEpochDay } from '../shared/index.js';
import { getMeta, openStore, type Engine } from '../store/index.js';
import { COACHING_HOURS, generate } from './index.js';

// One population big enough for stable calibration checks (about 7,000 target-group registrations
// in 2015–2017), generated with a seed that was NOT used to tune the model.
const N = 80_000;
const SEED = 7;
const TO = '2024-12-31';
let db: Engine;
let hash: string;

interface Reg {
  registration_id: string;
  person_id: string;
  registered_on: string;
  ended_on: string | null;
  end_reason: string | null;
  dutch_language_deficit: boolean;
}
interface Spell {
  person_id: string;
  started_on: string;
  ended_on: string | null;
}
interface Status {
  person_id: string;
  status: string;
  work_access: string;
  valid_from: string;
  valid_to: string | null;
}

let regs: Reg[];
let persons: Map<string, { birth_year: number; migration_background: boolean }>;
let jobs: Map<string, Spell[]>;
let statuses: Map<string, Status[]>;

function groupBy<T extends { person_id: string }>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const l = m.get(r.person_id);
    if (l) l.push(r);
    else m.set(r.person_id, [r]);
  }
  return m;
}

beforeAll(async () => {
  db = await openStore(':memory:');
  ({ hash } = await generate(db, { persons: N, seed: SEED }));
  regs = await db.query<Reg & Record<string, unknown>>(
    'SELECT registration_id, person_id, registered_on, ended_on, end_reason, dutch_language_deficit FROM registrations',
  );
  const ps = await db.query<{
    person_id: string;
    birth_year: number;
    migration_background: boolean;
  }>('SELECT person_id, birth_year, migration_background FROM persons');
  persons = new Map(ps.map((p) => [p.person_id, p]));
  jobs = groupBy(
    await db.query<Spell & Record<string, unknown>>(
      'SELECT person_id, started_on, ended_on FROM employment_spells',
    ),
  );
  statuses = groupBy(
    await db.query<Status & Record<string, unknown>>('SELECT * FROM residence_status_spells'),
  );
  for (const l of statuses.values()) l.sort((a, b) => a.valid_from.localeCompare(b.valid_from));
}, 60_000);
afterAll(async () => db.close());

const covers = (s: { started_on: string; ended_on: string | null }, d: string) =>
  s.started_on <= d && (s.ended_on === null || s.ended_on >= d);
const statusOn = (pid: string, d: string) =>
  statuses.get(pid)?.find((s) => s.valid_from <= d && (s.valid_to === null || s.valid_to >= d));
const isTarget = (r: Reg) =>
  r.dutch_language_deficit && persons.get(r.person_id)!.migration_background;

describe('generate: determinism', () => {
  it('gives the same hash for the same parameters and other data for another seed', async () => {
    const run = async (seed: number) => {
      const s = await openStore(':memory:');
      const r = await generate(s, { persons: 1500, seed });
      const rows = await s.query<{ birth_year: number }>(
        'SELECT birth_year FROM persons ORDER BY person_id LIMIT 200',
      );
      await s.close();
      return { hash: r.hash, years: rows.map((x) => x.birth_year) };
    };
    const a = await run(11);
    const b = await run(11);
    const c = await run(12);
    expect(b.hash).toBe(a.hash);
    expect(c.hash).not.toBe(a.hash);
    const same = a.years.filter((y, k) => y === c.years[k]).length;
    expect(same).toBeLessThan(60); // birth years are drawn anew, not copied
  });

  it('marks the store as synthetic with its parameters', async () => {
    expect(await getMeta(db, 'synthetic')).toBe('true');
    expect(JSON.parse((await getMeta(db, 'generator'))!)).toMatchObject({ persons: N, seed: SEED });
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('rejects bad parameters with a usage error', async () => {
    await expect(generate(db, { persons: 0 })).rejects.toThrow('GENERATE_BAD_PERSONS');
    await expect(
      generate(db, { persons: 5, from: '2020-01-01', to: '2019-01-01' }),
    ).rejects.toThrow('GENERATE_BAD_PERIOD');
  });
});

describe('generate: referential integrity', () => {
  it('fills every contract table', async () => {
    for (const t of CONTRACT_TABLES) {
      const [r] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${t.name}`);
      expect(r!.n, t.name).toBeGreaterThan(0);
    }
  });

  it('resolves every foreign key and keeps primary keys unique', async () => {
    for (const t of CONTRACT_TABLES) {
      for (const fk of t.foreignKeys ?? []) {
        const col = fk.fields[0]!;
        const [r] = await db.query<{ n: number }>(
          `SELECT count(*) AS n FROM ${t.name} x WHERE x.${col} IS NOT NULL AND NOT EXISTS
           (SELECT 1 FROM ${fk.reference.resource} y WHERE y.${fk.reference.fields[0]} = x.${col})`,
        );
        expect(r!.n, `${t.name}.${col}`).toBe(0);
      }
      const pk = (t.primaryKey ?? []).join(', ');
      const [d] = await db.query<{ n: number; k: number }>(
        `SELECT count(*) AS n, count(DISTINCT (${pk})) AS k FROM ${t.name}`,
      );
      expect(d!.k, t.name).toBe(d!.n);
    }
  });

  it('never ends a spell, registration or action before it starts, and keeps actions in the period and after birth', async () => {
    const bad = await db.query<{ t: string; n: number }>(`
      SELECT 'reg' AS t, count(*) AS n FROM registrations WHERE ended_on < registered_on OR registered_on > DATE '${TO}' OR ended_on > DATE '${TO}'
      UNION ALL SELECT 'job', count(*) FROM employment_spells WHERE ended_on < started_on OR started_on > DATE '${TO}' OR ended_on > DATE '${TO}'
      UNION ALL SELECT 'status', count(*) FROM residence_status_spells WHERE valid_to < valid_from OR valid_to > DATE '${TO}'
      UNION ALL SELECT 'action', count(*) FROM actions a JOIN persons p USING (person_id)
        WHERE a.ended_on < a.started_on OR a.started_on > DATE '${TO}' OR a.ended_on > DATE '${TO}'
          OR year(a.started_on) < p.birth_year + 15 OR (a.ended_on IS NULL) <> (a.outcome = 'ongoing')
      UNION ALL SELECT 'contact', count(*) FROM contacts c JOIN registrations r USING (registration_id)
        WHERE c.contact_on < r.registered_on OR c.contact_on > coalesce(r.ended_on, DATE '${TO}') OR c.person_id <> r.person_id
      UNION ALL SELECT 'interpreter', count(*) FROM interpreter_sessions WHERE session_on > DATE '${TO}'`);
    for (const b of bad) expect(b.n, b.t).toBe(0);
  });

  it('keeps the registrations of a person apart and their end reason consistent with the jobs', () => {
    const byPerson = groupBy(regs);
    let work = 0;
    for (const [pid, list] of byPerson) {
      list.sort((a, b) => a.registered_on.localeCompare(b.registered_on));
      for (let k = 1; k < list.length; k++)
        expect(list[k - 1]!.ended_on! < list[k]!.registered_on).toBe(true);
      for (const r of list) {
        const next = r.ended_on && fromEpochDay(toEpochDay(r.ended_on) + 1);
        const startsJob = !!next && (jobs.get(pid) ?? []).some((j) => j.started_on === next);
        expect(r.end_reason === 'work', r.registration_id).toBe(startsJob);
        if (r.end_reason === 'work') work++;
      }
    }
    expect(work).toBeGreaterThan(1000);
  });
});

describe('generate: residence status and the legal timeline of access to work', () => {
  it('makes status spells contiguous and follows the waiting period and the 2019 reform', () => {
    let seekers = 0;
    for (const list of statuses.values()) {
      for (let k = 1; k < list.length; k++) {
        expect(list[k - 1]!.valid_to).not.toBeNull();
        expect(daysBetween(list[k - 1]!.valid_to!, list[k]!.valid_from)).toBe(1);
      }
      for (const s of list) {
        if (s.work_access === 'work_permit_c')
          expect(s.valid_to !== null && s.valid_to <= '2018-12-31').toBe(true);
        if (s.work_access === 'residence_document') expect(s.valid_from >= '2019-01-01').toBe(true);
        if (s.status === 'recognised_refugee') expect(s.work_access).toBe('unrestricted');
      }
      const first = list[0]!;
      if (first.status !== 'asylum_seeker') continue;
      seekers++;
      expect(first.work_access).toBe('none');
      const wait = first.valid_from >= '2015-11-09' ? 4 : 6;
      const accessFrom = addMonths(first.valid_from, wait);
      const next = list[1];
      if (next?.status === 'asylum_seeker') expect(next.valid_from).toBe(accessFrom);
      else expect(first.valid_to! < accessFrom).toBe(true); // decided before the wait was over
    }
    expect(seekers).toBeGreaterThan(1000);
  });

  it('never registers anyone while they have no access to work', () => {
    for (const r of regs)
      expect(statusOn(r.person_id, r.registered_on)?.work_access).not.toBe('none');
  });

  it('follows the CGVS refugee : subsidiary ratio of 2016 (45.8 % : 11.9 %)', () => {
    let refugee = 0;
    let subsidiary = 0;
    for (const list of statuses.values())
      for (const s of list) {
        if (!s.valid_from.startsWith('2016')) continue;
        const prev = list[list.indexOf(s) - 1];
        if (prev?.status !== 'asylum_seeker') continue;
        if (s.status === 'recognised_refugee') refugee++;
        if (s.status === 'subsidiary_protection') subsidiary++;
      }
    expect(refugee / subsidiary).toBeGreaterThan(45.8 / 11.9 - 0.9);
    expect(refugee / subsidiary).toBeLessThan(45.8 / 11.9 + 0.9);
  });
});

describe('generate: calibration (computed here by brute force)', () => {
  it('puts the 2015–2017 target-group inflow at work after 6/12/24 months in 28/36/44 % (± 2)', () => {
    const cohort = regs.filter(
      (r) => isTarget(r) && r.registered_on >= '2015-01-01' && r.registered_on <= '2017-12-31',
    );
    expect(cohort.length).toBeGreaterThan(5000);
    const atWork = (h: number) =>
      cohort.filter((r) => {
        const d = addMonths(r.registered_on, h);
        return (jobs.get(r.person_id) ?? []).some((j) => covers(j, d));
      }).length / cohort.length;
    expect(Math.abs(atWork(6) - 0.28)).toBeLessThan(0.02);
    expect(Math.abs(atWork(12) - 0.36)).toBeLessThan(0.02);
    expect(Math.abs(atWork(24) - 0.44)).toBeLessThan(0.02);
  });

  it('lets about 12 % of asylum seekers with work permit C find work within 6 months', () => {
    const cohort = regs.filter(
      (r) =>
        statusOn(r.person_id, r.registered_on)?.work_access === 'work_permit_c' &&
        statusOn(r.person_id, r.registered_on)?.status === 'asylum_seeker',
    );
    expect(cohort.length).toBeGreaterThan(1000);
    const found =
      cohort.filter((r) => {
        const until = addMonths(r.registered_on, 6);
        return (jobs.get(r.person_id) ?? []).some(
          (j) => j.started_on >= r.registered_on && j.started_on <= until,
        );
      }).length / cohort.length;
    expect(found).toBeGreaterThan(0.09);
    expect(found).toBeLessThan(0.15);
  });

  it('has about 28,000 target-group registrations a year in 2015–2017 at full scale, stepping up from April 2016', () => {
    const perYear = (y: string) =>
      regs.filter((r) => isTarget(r) && r.registered_on.startsWith(y)).length;
    const full = ((perYear('2015') + perYear('2016') + perYear('2017')) / 3) * (1_000_000 / N);
    expect(full).toBeGreaterThan(25_000);
    expect(full).toBeLessThan(31_000);
    const monthly = (a: string, b: string, months: number) =>
      regs.filter((r) => isTarget(r) && r.registered_on >= a && r.registered_on <= b).length /
      months;
    expect(monthly('2016-04-01', '2016-12-31', 9)).toBeGreaterThan(
      1.25 * monthly('2015-04-01', '2016-03-31', 12),
    );
  });

  it('peaks the inflow in July', () => {
    const byMonth = new Array(12).fill(0);
    for (const r of regs) byMonth[Number(r.registered_on.slice(5, 7)) - 1]++;
    expect(Math.max(...byMonth)).toBe(byMonth[6]);
  });

  it('gives the first personal service a median of 2–3 weeks after registration', async () => {
    const rows = await db.query<{ d: number }>(
      `SELECT c.contact_on - r.registered_on AS d FROM contacts c JOIN registrations r USING (registration_id) WHERE c.kind = 'first_personal_service'`,
    );
    const d = rows.map((r) => r.d).sort((a, b) => a - b);
    const median = d[Math.floor(d.length / 2)]!;
    expect(median).toBeGreaterThanOrEqual(14);
    expect(median).toBeLessThanOrEqual(21);
  });
});

describe('generate: trajectories and small tables', () => {
  it('uses every action type with its providers', async () => {
    const rows = await db.query<{ action_type: string; provider: string; n: number }>(
      'SELECT action_type, provider, count(*) AS n FROM actions GROUP BY ALL',
    );
    for (const t of codes.ACTION_TYPE)
      expect(
        rows.some((r) => r.action_type === t),
        t,
      ).toBe(true);
    const providers = (t: string) =>
      new Set(rows.filter((r) => r.action_type === t).map((r) => r.provider));
    expect([...providers('entrepreneurship_coaching')]).toEqual(['esf_tender']);
    for (const t of ['nt2_course', 'integrated_language_trajectory'])
      expect(providers(t).has('cvo') && providers(t).has('cbe')).toBe(true);
  });

  it('keeps the seed answer\u2019s NODW and IBO-T hours for 2014–2017 exactly', async () => {
    const rows = await db.query<{
      kind: string;
      period_start: string;
      period_end: string;
      hours: number;
    }>('SELECT * FROM language_coaching_hours');
    const seed: [number, number, number][] = [
      [2014, 7656, 2177],
      [2015, 5873, 2717],
      [2016, 4926, 2347],
      [2017, 3809, 4182],
    ];
    for (const [y, nodw, ibot] of seed) {
      const get = (k: string) => rows.find((r) => r.kind === k && r.period_start === `${y}-01-01`);
      expect(get('nodw')).toMatchObject({ period_end: `${y}-12-31`, hours: nodw });
      expect(get('ibo_t')).toMatchObject({ period_end: `${y}-12-31`, hours: ibot });
    }
    expect(rows).toHaveLength(22);
    expect(COACHING_HOURS[2014]).toEqual({ nodw: 7656, ibo_t: 2177 });
  });

  it('has campaigns, agreements, trainings and synthetic manual values in plausible volumes', async () => {
    const [c] = await db.query<{ lo: number; hi: number; td22: number; td31: number }>(
      `SELECT min(n) AS lo, max(n) AS hi, sum(CASE WHEN o = 'TD2.2' THEN n END) AS td22, sum(CASE WHEN o = 'TD3.1' THEN n END) AS td31
       FROM (SELECT year(started_on) y, objective_id o, count(*) n FROM campaigns GROUP BY ALL)`,
    );
    expect(c!.lo).toBeGreaterThanOrEqual(1);
    expect(c!.hi).toBeLessThanOrEqual(40);
    expect(c!.td22).toBeGreaterThan(0);
    expect(c!.td31).toBeGreaterThan(0);
    const mv = await db.query<{ result_id: string; source: string }>('SELECT * FROM manual_values');
    expect(new Set(mv.map((m) => m.result_id))).toEqual(new Set(['TD2.2.A', 'TD3.1.B']));
    for (const m of mv) expect(m.source).toMatch(/SYNTHETIC/);
    const [a] = await db.query<{ n: number; o: number }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE objective_id <> 'TD4.1') AS o FROM partner_agreements`,
    );
    expect(a!.o).toBe(0);
    const [s] = await db.query<{ n: number; sp: number }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE provider = 'spoor21') AS sp FROM staff_trainings`,
    );
    expect(s!.sp / s!.n).toBeGreaterThan(0.5);
  });
});
