import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTRACT_TABLES } from '../contract/index.js';
import { IdwError, type Location } from '../shared/index.js';
import { NAME } from './check-contract.js';
import { parsePlan, validatePlan } from './load-plan.js';
import type { Plan } from './schema.js';

const T = { nl: 'a', en: 'a' };
/** A small valid plan touching every part of the schema; the fuzzer breaks it one value at a time. */
const BASE = {
  plan: {
    id: 'p',
    title: T,
    organisation: 'o',
    period: { from: '2016-01-01', to: '2018-12-31' },
    source: 's',
  },
  objectives: [
    { id: 'SD1', level: 'strategic', text: T, short: T, notes: ['n'] },
    { id: 'TD1.1', level: 'tactical', parent: 'SD1', text: T, short: T },
  ],
  results: [
    {
      id: 'SD1.A',
      objective: 'SD1',
      text: T,
      short: T,
      status: 'defined',
      indicators: ['reach', 'inflow', 'share', 'outflow'],
      targets: [{ value: 1, period: '2018', direction: 'at-least', source: 's' }],
    },
    { id: 'TD1.1.A', objective: 'TD1.1', text: T, short: T, status: 'manual', indicators: ['m'] },
    { id: 'SD1.B', objective: 'SD1', text: T, short: T, status: 'undefined', reason: T },
  ],
  series: [
    {
      id: 's1',
      text: T,
      short: T,
      origin: 'question',
      source: 's',
      indicators: ['flow', 'duration'],
    },
  ],
  populations: {
    newcomers: {
      title: T,
      definition: T,
      where: [{ column: 'persons.migration_background', equals: true }],
    },
  },
  dimensions: {
    sex: { title: T, column: 'persons.sex' },
    age_band: {
      title: T,
      column: 'persons.birth_year',
      age_bands: [
        { code: '<25', to: 24 },
        { code: '25+', from: 25 },
      ],
    },
    residence_status: { title: T, column: 'residence_status_spells.status' },
  },
  indicators: [
    {
      id: 'reach',
      kind: 'sum',
      table: 'campaigns',
      date: 'started_on',
      measure: 'potential_reach',
      title: T,
      definition: T,
    },
    {
      id: 'inflow',
      kind: 'count',
      of: 'inflow',
      population: 'newcomers',
      unit: 'persons',
      where: [{ dimension: 'age_band', in: ['<25'] }],
      breakdowns: [['sex'], ['age_band', 'sex']],
      title: T,
      definition: T,
    },
    {
      id: 'share',
      kind: 'share',
      of: 'events',
      table: 'actions',
      date: 'started_on',
      numerator: [
        {
          any: [
            { column: 'actions.action_type', in: ['mentoring'] },
            { all: [{ column: 'actions.provider', not_null: true }] },
          ],
        },
      ],
      fixed: [],
      residence_at: 'reference',
      title: T,
      definition: T,
    },
    {
      id: 'outflow',
      kind: 'cohort-outflow',
      horizons: [12],
      variants: [{ type: 'durable', k: 6 }],
      breakdowns: [['residence_status']],
      title: T,
      definition: T,
    },
    { id: 'flow', kind: 'flow', action_types: ['mentoring'], title: T, definition: T },
    {
      id: 'duration',
      kind: 'duration',
      segments: ['registration-outflow'],
      title: T,
      definition: T,
    },
    { id: 'm', kind: 'manual', result_id: 'TD1.1.A', title: T, definition: T },
  ],
};

/** Every path into the base plan (objects, arrays and leaves). */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(v)) return [...here, ...v.flatMap((x, i) => paths(x, [...at, i]))];
  if (v && typeof v === 'object')
    return [...here, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))];
  return here;
}
const PATHS = paths(BASE).filter((p) => p.length > 0);

const HOSTILE_STRINGS = [
  `started_on) AS d FROM campaigns; COPY (SELECT content FROM read_text('/etc/passwd')) TO 'x.csv'; SELECT min(started_on`,
  'x; DROP TABLE persons; --',
  `potential_reach * 0 + (SELECT count(*) FROM read_csv('/etc/passwd'))`,
  "'; DELETE FROM audit_log; --",
  '"sex"',
  'persons.person_id',
  'registrations.registration_id',
  'campaigns.title',
  'a\u0000b',
  '\u001b[31mred\u001b[0m',
  '\r\n\t',
  'x'.repeat(100_000),
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ☃ \u202e',
  '__proto__',
  'constructor',
  '',
  ' ',
  '18 - 20',
  '2018-13-01',
  "ATTACH '/tmp/x.duckdb' AS x",
  'INSTALL httpfs; LOAD httpfs; SET enable_external_access = true',
];
const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.tuple(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 8 })).map(([a, b]) => a + b),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  fc.constantFrom(null, true, -1, 0, 1e308, Number.NaN, 2 ** 53 + 1),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 2 }),
);

/** The base plan with `path` set to `value` (a key renamed when the path ends in a record key). */
function mutate(base: unknown, path: (string | number)[], value: unknown, renameKey: boolean) {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const k of path.slice(0, -1)) {
    const next = node[k];
    // An earlier mutation replaced a parent of this path: nothing left to mutate.
    if (!next || typeof next !== 'object') return copy;
    node = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (renameKey && typeof last === 'string' && typeof value === 'string') {
    const v = node[last];
    delete node[last];
    node[value] = v;
  } else node[last] = value;
  return copy;
}
const mutation = fc.record({
  path: fc.constantFrom(...PATHS),
  value: hostileValue,
  renameKey: fc.boolean(),
});

const where = (p: readonly (string | number)[]): Location => ({
  file: 'fuzz.yaml',
  path: p.join('.'),
});
const columnOf = (t: string, c: string) =>
  CONTRACT_TABLES.find((x) => x.name === t)?.fields.find((f) => f.name === c);

/** Fails the property with a message (plain checks: `expect` is too slow for 10,000 runs). */
function must(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

/** What must hold of any plan the loader accepts: only contract names can reach the SQL writer. */
function assertSafe(plan: Plan): void {
  for (const name of [...Object.keys(plan.dimensions), ...Object.keys(plan.populations)])
    must(NAME.test(name), `name ${name}`);
  for (const d of Object.values(plan.dimensions)) {
    const [t = '', c = ''] = d.column.split('.');
    const f = columnOf(t, c);
    must(f !== undefined && f.sensitivity !== 'identifying', `dimension column ${d.column}`);
    must(f?.dimension === true || d.age_bands !== undefined, `dimension column ${d.column}`);
  }
  for (const ind of plan.indicators) {
    if ('table' in ind && ind.table !== undefined && 'date' in ind && ind.date !== undefined)
      must(columnOf(ind.table, ind.date)?.type === 'date', `date ${ind.date}`);
    if (ind.kind === 'sum')
      must(['integer', 'number'].includes(columnOf(ind.table, ind.measure)?.type ?? ''), 'measure');
  }
}

/** Accepted and safe, or refused with a clear, located error: never anything else. */
function check(run: () => Plan): void {
  let plan: Plan;
  try {
    plan = run();
  } catch (e) {
    if (!(e instanceof IdwError)) throw e;
    must(e.problems.length > 0, 'an error without problems');
    for (const p of e.problems) {
      must(/^PLAN_[A-Z_]+$/.test(p.code), `code ${p.code}`);
      must(p.location.file === 'fuzz.yaml', 'no file in the location');
      must(typeof p.nl === 'string' && p.nl.length > 0 && typeof p.en === 'string', 'no message');
      must(p.en.length < 2000 && p.nl.length < 2000, 'a message longer than 2,000 characters');
    }
    return;
  }
  assertSafe(plan);
}

describe('hostile plans', () => {
  it('the base plan is valid', () => {
    expect(validatePlan(BASE, where).indicators).toHaveLength(7);
  });

  it('10,000 plans with hostile values in every field: accepted and safe, or refused with a located IdwError; nothing written', () => {
    // The loader has no file-writing code at all; the working folder must stay as it was.
    const before = readdirSync('.').join('|');
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
        const raw = ms.reduce<unknown>((acc, m) => mutate(acc, m.path, m.value, m.renameKey), BASE);
        check(() => validatePlan(raw, where));
      }),
      { numRuns: 10_000, seed: 14 },
    );
    expect(readdirSync('.').join('|')).toBe(before);
  }, 120_000);

  it('200 hostile YAML texts through the whole loader (parser included)', () => {
    const text = JSON.stringify(BASE, null, 1);
    fc.assert(
      fc.property(fc.nat(text.length), hostileString, mutation, (at, s, m) => {
        // Either a hostile value in a field, or hostile text spliced anywhere into the file.
        check(() =>
          parsePlan(JSON.stringify(mutate(BASE, m.path, m.value, m.renameKey)), 'fuzz.yaml'),
        );
        check(() => parsePlan(text.slice(0, at) + s + text.slice(at), 'fuzz.yaml'));
      }),
      { numRuns: 100, seed: 14 },
    );
  }, 120_000);
});
