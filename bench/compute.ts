// Benchmark of the indicator engine (run by hand:
//   `npx tsx bench/compute.ts [--persons N] [--fresh] [--profile] [--repeat R]`).
// 1. Generates (once) a store of N synthetic persons (default 1,000,000) under bench/out/.
// 2. Times `compute` for the whole IDW plan with every standard breakdown.
// 3. Times, in the same run, the heaviest indicators through the engine and as the hand-tuned
//    DuckDB SQL of bench/baseline/*.sql (same answers), and reports the ratio.
// With --repeat R, steps 2–3 run R times (engine and baseline alternate, so load changes hit
// both); the ratio is reported per round and as the ratio of the medians.
// Every line gives wall time, the process's CPU time (DuckDB's worker threads included: it runs
// in-process) and the load average, because the machine may be shared.
// --db FILE uses that store instead.
// --profile prints the time of every statement over 0.2 s (per indicator) for the whole plan.
// Peak memory is the process's maximum resident set size.
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { compute } from '../src/compute/index.js';
import { kaplanMeier, kmQuantiles } from '../src/compute/survival/index.js';
import { generate } from '../src/generate/index.js';
import { loadPlan } from '../src/plan/index.js';
import { daysBetween } from '../src/shared/index.js';
import { snapshotId, openStore, type Engine } from '../src/store/index.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const persons = Number(arg('persons', '1000000'));
const db = arg('db', `bench/out/compute-${persons}.duckdb`);
const root = new URL('../', import.meta.url).pathname;

const load = () =>
  loadavg()
    .slice(0, 2)
    .map((x) => x.toFixed(1))
    .join('/');

let lastCpuMs = 0;

async function timed<T>(label: string, fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const c = process.cpuUsage();
  const l0 = load();
  const out = await fn();
  const ms = performance.now() - t;
  const cpu = process.cpuUsage(c);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  lastCpuMs = cpuS * 1000;
  console.log(
    `${label.padEnd(44)} wall ${(ms / 1000).toFixed(2).padStart(6)} s   cpu ${cpuS.toFixed(2).padStart(6)} s   load(1/5 min) ${l0} → ${load()}`,
  );
  return [out, ms];
}

/** The engine with every statement timed (label: the indicator being computed). */
function profiled(engine: Engine, log: { label: string; ms: number; sql: string }[]) {
  let current = '(start)';
  const wrap =
    <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      const t = performance.now();
      const out = await fn(...a);
      log.push({ label: current, ms: performance.now() - t, sql: String(a[0]) });
      return out;
    };
  const wrapped: Engine = {
    dialect: engine.dialect,
    location: engine.location,
    query: wrap(engine.query.bind(engine)) as Engine['query'],
    exec: wrap(engine.exec.bind(engine)),
    transaction: (fn) => engine.transaction(fn),
    close: () => engine.close(),
  };
  return { engine: wrapped, next: (label: string) => (current = label) };
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
  const s = await openStore(db, { bulkLoad: { insertionOrder: false } });
  await timed(`generate ${persons.toLocaleString('en')} persons`, () =>
    generate(s, { persons, seed: 1 }),
  );
  await s.close();
}
const engine = await openStore(db, { readOnly: true });
const { plan } = await loadPlan(`${root}plans/integratie-door-werk.yaml`);
const counts = await engine.query<{ n: number }>('SELECT count(*) AS n FROM registrations');
console.log(`store: ${persons} persons, ${counts[0]!.n} registrations`);

const threads = await engine.query<{ v: string }>("SELECT current_setting('threads') AS v");
console.log(
  `DuckDB threads: ${threads[0]!.v}; load average (1/5/15 min): ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')}`,
);

// The snapshot id (a hash of every row), part of every compute: timed here on its own.
await timed('snapshot id', () => snapshotId(engine));

const log: { label: string; ms: number; sql: string }[] = [];
const prof = profiled(engine, log);
const profile = process.argv.includes('--profile');
const perIndicator: { label: string; ms: number; sqlMs: number }[] = [];
let since = performance.now();
let logged = 0;
const [rs] = await timed('compute: whole plan, standard breakdowns', () =>
  compute(profile ? prof.engine : engine, plan, {
    progress: (_d, _t, label) => {
      const now = performance.now();
      const sqlMs = log.slice(logged).reduce((a, e) => a + e.ms, 0);
      perIndicator.push({ label, ms: now - since, sqlMs });
      [since, logged] = [now, log.length];
      prof.next(`after ${label}`);
    },
  }),
);
console.log(`  ${rs.cells.length} cells, cut-off ${rs.asOf}`);
if (profile) {
  // A statement is labelled by the indicator computed before it: name the next one instead.
  console.log('  per indicator (wall, of which SQL), over 0.2 s:');
  for (const e of perIndicator.filter((x) => x.ms > 200))
    console.log(
      `  ${(e.ms / 1000).toFixed(2).padStart(6)} s  (SQL ${(e.sqlMs / 1000).toFixed(2)} s)  ${e.label}`,
    );
  console.log('  statements over 0.2 s:');
  for (const e of log.filter((x) => x.ms > 200))
    console.log(
      `  ${(e.ms / 1000).toFixed(2).padStart(6)} s  ${e.label.padEnd(40)} ${e.sql.replace(/\s+/g, ' ').slice(0, 90)}`,
    );
}
const heavy = ['SD1.A', 'SD2.A', 'SD1.B', 'TD1.1.A', 'TD1.1.B'];
const repeat = Number(arg('repeat', '1'));
const engs: number[] = [];
const bases: number[] = [];
const engCpu: number[] = [];
const baseCpu: number[] = [];
for (let r = 0; r < repeat; r++) {
  const [, eng] = await timed(`compute: ${heavy.join(' ')}`, () =>
    compute(engine, plan, { results: heavy }),
  );
  engCpu.push(lastCpuMs);
  const [, base] = await timed('hand-tuned SQL baseline, same indicators', () =>
    baseline(engine, rs.asOf),
  );
  baseCpu.push(lastCpuMs);
  engs.push(eng);
  bases.push(base);
  console.log(
    `ratio engine / baseline (round ${r + 1}): wall ${(eng / base).toFixed(2)}, CPU ${(engCpu[r]! / baseCpu[r]!).toFixed(2)}`,
  );
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const k = Math.floor(s.length / 2);
  return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
};
if (repeat > 1)
  console.log(
    `ratio of the medians engine / baseline: wall ${(median(engs) / median(bases)).toFixed(2)}, CPU ${(median(engCpu) / median(baseCpu)).toFixed(2)}`,
  );
const maxRss = process.resourceUsage().maxRSS / 1024 / 1024;
console.log(`peak memory (max RSS): ${maxRss.toFixed(2)} GiB`);
await engine.close();
