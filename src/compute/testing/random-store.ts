// Test support: small random stores with the awkward cases (month ends, several registrations per
// person, spells touching horizon days). Used by the compute tests only.
import { addMonths, fromEpochDay, toEpochDay } from '../../shared/index.js';
import { openStore, type Engine } from '../../store/index.js';

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Person {
  person_id: string;
  birth_year: number;
  sex: string;
  education_level: string;
  migration_background: boolean;
  origin_group: string;
}
export interface Registration {
  registration_id: string;
  person_id: string;
  registered_on: string;
  ended_on: string | null;
  end_reason: string | null;
  dutch_language_deficit: boolean;
  region: string;
}
export interface Spell {
  spell_id: string;
  person_id: string;
  started_on: string;
  ended_on: string | null;
}
export interface ResidenceSpell {
  person_id: string;
  status: string;
  work_access: string;
  valid_from: string;
  valid_to: string | null;
}
export interface Action {
  action_id: string;
  person_id: string;
  registration_id: string;
  action_type: string;
  provider: string;
  started_on: string;
  ended_on: string | null;
}
export interface Contact {
  contact_id: string;
  person_id: string;
  registration_id: string;
  contact_on: string;
  kind: string;
}
export interface Data {
  persons: Person[];
  registrations: Registration[];
  spells: Spell[];
  residence: ResidenceSpell[];
  actions: Action[];
  contacts: Contact[];
  coaching: { kind: string; period_start: string; period_end: string; hours: number }[];
}

/** The seed's table of NODW and IBO-T hours (written question 473 of 10 April 2018). */
export const SEED_HOURS: Record<string, { nodw: number; ibo_t: number }> = {
  '2014': { nodw: 7656, ibo_t: 2177 },
  '2015': { nodw: 5873, ibo_t: 2717 },
  '2016': { nodw: 4926, ibo_t: 2347 },
  '2017': { nodw: 3809, ibo_t: 4182 },
};

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** A random date between `from` and `to`, often on the 28th–31st of a month. */
function date(r: () => number, from: string, to: string): string {
  const a = toEpochDay(from);
  const b = toEpochDay(to);
  const d = fromEpochDay(a + Math.floor(r() * (b - a + 1)));
  if (r() < 0.3) {
    const end = addMonths(`${d.slice(0, 7)}-01`, 1);
    const last = fromEpochDay(toEpochDay(end) - 1 - Math.floor(r() * 3));
    return last <= to ? last : d;
  }
  return d;
}

export function randomData(seed: number, persons = 60): Data {
  const r = rng(seed);
  const data: Data = {
    persons: [],
    registrations: [],
    spells: [],
    residence: [],
    actions: [],
    contacts: [],
    coaching: [],
  };
  for (let i = 0; i < persons; i++) {
    const pid = `p${i}`;
    data.persons.push({
      person_id: pid,
      birth_year: 1960 + Math.floor(r() * 45),
      sex: pick(r, ['M', 'F']),
      education_level: pick(r, ['low', 'medium', 'high']),
      migration_background: r() < 0.7,
      origin_group: pick(r, ['maghreb', 'middle_east', 'belgian']),
    });
    const nReg = 1 + Math.floor(r() * 3);
    let cursor = '2015-01-01';
    for (let j = 0; j < nReg && cursor < '2019-06-01'; j++) {
      const reg = date(r, cursor, addMonths(cursor, 14));
      const open = r() < 0.25;
      const end = open ? null : date(r, reg, addMonths(reg, 20));
      const rid = `r${i}_${j}`;
      data.registrations.push({
        registration_id: rid,
        person_id: pid,
        registered_on: reg,
        ended_on: end,
        end_reason: end ? pick(r, ['work', 'work', 'training', 'illness', 'other']) : null,
        dutch_language_deficit: r() < 0.7,
        region: pick(r, ['ant', 'ovl', 'bru']),
      });
      // Jobs, some starting or ending exactly on a horizon day.
      for (let k = 0; k < Math.floor(r() * 3); k++) {
        const h = pick(r, [6, 12, 18]);
        const start = r() < 0.3 ? addMonths(reg, h) : date(r, reg, addMonths(reg, 30));
        const ended =
          r() < 0.3 ? null : r() < 0.3 ? addMonths(reg, h) : date(r, start, addMonths(start, 10));
        data.spells.push({
          spell_id: `s${i}_${j}_${k}`,
          person_id: pid,
          started_on: start,
          ended_on: ended,
        });
      }
      for (let k = 0; k < Math.floor(r() * 3); k++) {
        const start = r() < 0.2 ? addMonths(reg, 6) : date(r, reg, addMonths(reg, 14));
        data.actions.push({
          action_id: `a${i}_${j}_${k}`,
          person_id: pid,
          registration_id: rid,
          action_type: pick(r, ['technical_screening', 'mentoring', 'nt2_course', 'ibo']),
          provider: pick(r, ['vdab', 'cvo']),
          started_on: start,
          ended_on: r() < 0.2 ? null : date(r, start, addMonths(start, 6)),
        });
      }
      if (r() < 0.8)
        data.contacts.push({
          contact_id: `c${i}_${j}`,
          person_id: pid,
          registration_id: rid,
          contact_on: date(r, reg, addMonths(reg, 2)),
          kind: pick(r, ['first_personal_service', 'first_personal_service', 'counselling']),
        });
      cursor = end ?? addMonths(reg, 18);
    }
    const from = date(r, '2010-01-01', '2016-12-31');
    const change = r() < 0.5 ? date(r, from, '2019-12-31') : null;
    const st = pick(r, ['asylum_seeker', 'recognised_refugee', 'other_non_eu']);
    data.residence.push({
      person_id: pid,
      status: st,
      work_access: st === 'asylum_seeker' ? pick(r, ['none', 'work_permit_c']) : 'unrestricted',
      valid_from: from,
      valid_to: change ? fromEpochDay(toEpochDay(change) - 1) : null,
    });
    if (change)
      data.residence.push({
        person_id: pid,
        status: pick(r, ['recognised_refugee', 'subsidiary_protection']),
        work_access: 'unrestricted',
        valid_from: change,
        valid_to: null,
      });
  }
  // Coaching hours: monthly rows that add up exactly to the seed's yearly table.
  for (const [y, v] of Object.entries(SEED_HOURS))
    for (const kind of ['nodw', 'ibo_t'] as const) {
      const total = v[kind];
      const base = Math.floor(total / 12);
      for (let mo = 1; mo <= 12; mo++) {
        const start = `${y}-${String(mo).padStart(2, '0')}-01`;
        data.coaching.push({
          kind,
          period_start: start,
          period_end: fromEpochDay(toEpochDay(addMonths(start, 1)) - 1),
          hours: mo === 12 ? total - base * 11 : base,
        });
      }
    }
  return data;
}

const lit = (v: unknown): string =>
  v === null || v === undefined ? 'NULL' : typeof v === 'string' ? `'${v}'` : String(v);

async function insert(engine: Engine, table: string, rows: readonly object[]): Promise<void> {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]!);
  const values = rows.map(
    (x) => `(${cols.map((c) => lit((x as Record<string, unknown>)[c])).join(', ')})`,
  );
  await engine.exec(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${values.join(', ')}`);
}

/** An in-memory store holding `data` (other tables get what the contract requires). */
export async function storeWith(data: Data, path = ':memory:'): Promise<Engine> {
  const engine = await openStore(path);
  await insert(
    engine,
    'persons',
    data.persons.map((p) => ({ ...p, nationality: 'SY', first_nationality: 'SY' })),
  );
  await insert(
    engine,
    'registrations',
    data.registrations.map((x) => ({ ...x, category: 'other_jobseeker', dutch_level: 'basic' })),
  );
  await insert(
    engine,
    'employment_spells',
    data.spells.map((s) => ({ ...s, sector: 'C' })),
  );
  await insert(engine, 'residence_status_spells', data.residence);
  await insert(
    engine,
    'actions',
    data.actions.map((a) => ({ ...a, outcome: a.ended_on ? 'completed' : 'ongoing' })),
  );
  await insert(engine, 'contacts', data.contacts);
  await insert(engine, 'language_coaching_hours', data.coaching);
  return engine;
}
