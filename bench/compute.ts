// Benchmark of the indicator engine (run by hand: `npx tsx bench/compute.ts [--persons N] [--fresh]`).
// 1. Generates (once) a store of N synthetic persons (default 1,000,000) under bench/out/.
// 2. Times `compute` for the whole IDW plan with every standard breakdown.
// 3. Times, in the same run, the heaviest indicators through the engine and as the hand-tuned
//    DuckDB SQL of bench/baseline/*.sql (same answers), and reports the ratio.
// Peak memory is the process's maximum resident set size (DuckDB runs in-process).
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { compute } from '../src/compute/index.js';
import { kaplanMeier, kmQuantiles } from '../src/compute/survival/index.js';
import { generate } from '../src/generate/index.js';
import { loadPlan } from '../src/plan/index.js';
import { daysBetween } from '../src/shared/index.js';
import { openStore, type Engine } from '../src/store/index.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const persons = Number(arg('persons', '1000000'));
const db = `bench/out/compute-${persons}.duckdb`;
const root = new URL('../', import.meta.url).pathname;

async function timed<T>(label: string, fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await fn();
  const ms = performance.now() - t;
  console.log(`${label.padEnd(48)} ${(ms / 1000).toFixed(2)} s`);
  return [out, ms];
}

/** The hand-tuned baseline: the SQL files in order, then KM quartiles of the durations in JS. */
async function baseline(engine: Engine, asOf: string): Promise<number> {
  let rows = 0;
  const files = readdirSync(`${root}bench/baseline`)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  for (const f of files) {
    const sql = readFileSync(`${root}bench/baseline/${f}`, 'utf8').replaceAll('{{AS_OF}}', asOf);
    const statements = sql
      .split(/;\s*\n/)
      .map((s) => s.trim())
      .filter((s) => s && !/^(--[^\n]*\n?)*$/.test(s));
    for (const st of statements) {
      const r = await engine.query(st);
      rows += r.length;
      if (f.startsWith('05-')) durationQuantiles(r, asOf);
    }
  }
  return rows;
}

function durationQuantiles(rows: Record<string, unknown>[], asOf: string): void {
  const segs = [
    ['t0', 't1'],
    ['t1', 't2'],
    ['t2', 't3'],
    ['t3', 't4'],
    ['t0', 't4'],
  ] as const;
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const r of rows)
    for (const k of [`${r.yr}`, `${r.yr}|${r.age_band}`]) {
      const g = groups.get(k);
      if (g) g.push(r);
      else groups.set(k, [r]);
    }
  for (const g of groups.values())
    for (const [a, b] of segs) {
      const times: number[] = [];
      const ev: number[] = [];
      for (const r of g) {
        if (!r[a]) continue;
        const end = (r[b] ?? r.t4 ?? asOf) as string;
        times.push(Math.max(0, daysBetween(r[a] as string, end)));
        ev.push(r[b] ? 1 : 0);
      }
      if (times.length) kmQuantiles(kaplanMeier(times, ev));
    }
}

if (process.argv.includes('--fresh')) rmSync(db, { force: true });
if (!existsSync(db)) {
  const s = await openStore(db);
  await timed(`generate ${persons.toLocaleString('en')} persons`, () =>
    generate(s, { persons, seed: 1 }),
  );
  await s.close();
}
const engine = await openStore(db, { readOnly: true });
const { plan } = await loadPlan(`${root}plans/integratie-door-werk.yaml`);
const counts = await engine.query<{ n: number }>('SELECT count(*) AS n FROM registrations');
console.log(`store: ${persons} persons, ${counts[0]!.n} registrations`);

const [rs] = await timed('compute: whole plan, standard breakdowns', () => compute(engine, plan));
console.log(`  ${rs.cells.length} cells, cut-off ${rs.asOf}`);
const heavy = ['SD1.A', 'SD2.A', 'SD1.B', 'TD1.1.A', 'TD1.1.B'];
const [, eng] = await timed(`compute: ${heavy.join(' ')}`, () =>
  compute(engine, plan, { results: heavy }),
);
const [, base] = await timed('hand-tuned SQL baseline, same indicators', () =>
  baseline(engine, rs.asOf),
);
const maxRss = process.resourceUsage().maxRSS / 1024 / 1024;
console.log(`ratio engine / baseline: ${(eng / base).toFixed(2)}`);
console.log(`peak memory (max RSS): ${maxRss.toFixed(2)} GiB`);
await engine.close();
