import { CONTRACT_TABLES } from '../contract/index.js';
import { IdwError, parseIsoDate, stableStringify, type Problem } from '../shared/index.js';
import { setMeta, snapshotId, tableCounts, type Engine } from '../store/index.js';
import { inflowSql } from './inflow.js';
import { generateMessages as m } from './messages.js';
import {
  actionsSql,
  contactsSql,
  EMPLOYMENT_SQL,
  INTERPRETER_SQL,
  PERSONS_SQL,
  REGISTRATIONS_SQL,
  residenceSql,
} from './output-sql.js';
import { personsSql } from './persons-sql.js';
import {
  FIRST_ROUND_SQL,
  nextRoundSql,
  outcomeSql,
  REGISTRATION_TABLE_SQL,
} from './registrations-sql.js';
import { macrosSql } from './sql-helpers.js';
import { smallTables, smallTablesSql } from './small-tables.js';

/** Parameters of one generation run. The data depend on `persons`, `seed`, `from` and `to` only. */
export interface GenerateOptions {
  /** Number of persons (all registered jobseekers; 1,000,000 is the full Flemish scale). */
  persons: number;
  /** Seed of the pseudo-random numbers (an integer, default 1). */
  seed?: number;
  /** First day of the data period (default 2014-01-01). */
  from?: string;
  /** Last day of the data period (default 2024-12-31). */
  to?: string;
  /** Called after each step: `(done, total, label)`. */
  onProgress?: (done: number, total: number, label?: string) => void;
}

export interface GenerateResult {
  /** Content hash of the generated store (`snapshotId`). */
  hash: string;
  counts: Record<string, number>;
  params: { persons: number; seed: number; from: string; to: string };
}

/** Default demo population used by `idw demo`: quick to build, big enough for stable indicators. */
export const DEMO_POPULATION = {
  persons: 50_000,
  seed: 1,
  from: '2014-01-01',
  to: '2024-12-31',
} as const;

const MAX_ROUNDS = 6;

function check(opts: GenerateOptions): GenerateResult['params'] {
  const seed = opts.seed ?? 1;
  const from = opts.from ?? '2014-01-01';
  const to = opts.to ?? '2024-12-31';
  const problems: Problem[] = [];
  if (!Number.isInteger(opts.persons) || opts.persons < 1 || opts.persons > 50_000_000)
    problems.push({
      code: 'GENERATE_BAD_PERSONS',
      location: { path: 'persons' },
      ...m.GENERATE_BAD_PERSONS(String(opts.persons)),
    });
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 2 ** 31)
    problems.push({
      code: 'GENERATE_BAD_SEED',
      location: { path: 'seed' },
      ...m.GENERATE_BAD_SEED(String(seed)),
    });
  for (const [k, v] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (!parseIsoDate(v) || v < '1990-01-01' || v > '2099-12-31')
      problems.push({
        code: 'GENERATE_BAD_DATE',
        location: { path: k },
        ...m.GENERATE_BAD_DATE(k, v),
      });
  if (!problems.length && from > to)
    problems.push({
      code: 'GENERATE_BAD_PERIOD',
      location: { path: 'from' },
      ...m.GENERATE_BAD_PERIOD(from, to),
    });
  if (problems.length) throw new IdwError(problems, 2);
  return { persons: opts.persons, seed, from, to };
}

/**
 * Fills every contract table with synthetic data (replacing what was there) and marks the store
 * as synthetic. Everything is generated inside DuckDB with set-based SQL and hash-based
 * pseudo-random numbers, so the result depends only on the parameters.
 */
export async function generate(engine: Engine, opts: GenerateOptions): Promise<GenerateResult> {
  const params = check(opts);
  if (engine.dialect !== 'duckdb')
    throw IdwError.single('GENERATE_NEEDS_DUCKDB', m.GENERATE_NEEDS_DUCKDB(engine.dialect));
  const { persons, seed, from, to } = params;
  const progress = opts.onProgress ?? (() => {});
  const steps: [string, () => Promise<void>][] = [];
  const run = (label: string, sql: string | (() => string)) =>
    steps.push([label, () => engine.exec(typeof sql === 'string' ? sql : sql())]);

  run('prepare', () => {
    // Row order is irrelevant (the content hash is order-independent): the callers open the store
    // with insertion order off (`bulkLoad`), as a locked store refuses SET.
    return `${macrosSql(seed)}
${CONTRACT_TABLES.map((t) => `DELETE FROM ${t.name};`).join('\n')}
${inflowSql(from, to)}`;
  });
  run('persons', personsSql(persons));
  run('registrations', REGISTRATION_TABLE_SQL + FIRST_ROUND_SQL + outcomeSql(to));
  steps.push([
    're-registrations',
    async () => {
      for (let round = 1; round < MAX_ROUNDS; round++) {
        await engine.exec(nextRoundSql(round, to));
        const [r] = await engine.query<{ n: number }>('SELECT count(*) AS n FROM g_rb');
        if (!r || r.n === 0) break;
        await engine.exec(outcomeSql(to));
      }
    },
  ]);
  run('persons table', PERSONS_SQL);
  run('residence status', residenceSql(to));
  run('registrations table', REGISTRATIONS_SQL + EMPLOYMENT_SQL);
  run('contacts', contactsSql(to));
  run('actions', actionsSql(to));
  run('interpreter sessions', INTERPRETER_SQL);
  run('small tables', smallTablesSql(smallTables(seed, from, to)));
  if (!process.env.IDW_GENERATE_KEEP)
    run(
      'clean up',
      'DROP TABLE IF EXISTS g_c; DROP TABLE IF EXISTS g_r; DROP TABLE IF EXISTS g_rb; DROP TABLE IF EXISTS g_rc; DROP TABLE IF EXISTS g_rd; DROP TABLE IF EXISTS g_p; DROP TABLE IF EXISTS g_inflow;',
    );

  await engine.transaction(async () => {
    for (const [k, [label, fn]] of steps.entries()) {
      progress(k, steps.length, label);
      await fn();
    }
  });
  progress(steps.length, steps.length, 'hash');
  await setMeta(engine, 'synthetic', 'true');
  await setMeta(engine, 'generator', stableStringify({ tool: 'idw generate', ...params }));
  const hash = await snapshotId(engine);
  const counts = await tableCounts(engine);
  return { hash, counts, params };
}
