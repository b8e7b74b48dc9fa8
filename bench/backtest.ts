// Backtest of the censored outflow estimates (run by hand:
//   `npx tsx bench/backtest.ts [--persons N] [--seed S] [--db FILE] [--all]`).
// On one generated store, SD1.B (outflow to work) is computed at several early cut-off dates, where
// young cohorts are still being followed and get an estimate with a 95 % interval, and at a late
// cut-off date (2024-12-31) where the same cells are fully observed crude rates: the eventual truth.
// Per variant it prints the number of cells compared, the mean error (estimate − truth, in
// percentage points), the mean absolute error and how often the interval holds the truth.
// Only cells that would be published are compared (at least 10 members still followed, the
// default `statisticN`); `--all` compares every censored cell with an estimate.
// Results and the method: docs/statistics.md, "Backtest".
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { cellKey, compute } from '../src/compute/index.js';
import { generate } from '../src/generate/index.js';
import { loadPlan } from '../src/plan/index.js';
import { openStore } from '../src/store/index.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const persons = Number(arg('persons', '30000'));
const seed = Number(arg('seed', '11'));
const root = new URL('../', import.meta.url).pathname;
const db = arg('db', `${root}bench/out/backtest-${persons}-${seed}.duckdb`);
const EARLY = arg('cutoffs', '2017-03-31,2018-03-31,2019-06-30,2020-03-31,2021-03-31').split(',');
const LATE = arg('truth', '2024-12-31');
const MIN_AT_RISK = process.argv.includes('--all') ? 1 : 10;

if (!existsSync(db)) {
  mkdirSync(`${root}bench/out`, { recursive: true });
  const s = await openStore(db);
  const t = performance.now();
  await generate(s, { persons, seed });
  await s.close();
  console.log(
    `generated ${persons} persons (seed ${seed}) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
}
const engine = await openStore(db, { readOnly: true });
const { plan } = await loadPlan(`${root}plans/integratie-door-werk.yaml`);
const opts = { results: ['SD1.B'], grains: ['year', 'quarter'] as ('year' | 'quarter')[] };
const t0 = performance.now();
const truth = new Map(
  (await compute(engine, plan, { ...opts, asOf: LATE })).cells.map((c) => [cellKey(c), c]),
);

interface Row {
  variant: string;
  cutoff: string;
  err: number;
  covered: boolean;
  width: number;
}
const rows: Row[] = [];
let durableAboveAtWork = 0;
let pairs = 0;
for (const asOf of EARLY) {
  const cells = (await compute(engine, plan, { ...opts, asOf })).cells;
  const byKey = new Map(cells.map((c) => [cellKey(c), c]));
  for (const c of cells) {
    if (c.status !== 'censored' || c.value === null || (c.at_risk ?? 0) < MIN_AT_RISK) continue;
    const tr = truth.get(cellKey(c));
    if (!tr || tr.status !== 'ok' || tr.value === null) continue;
    rows.push({
      variant: c.variant!,
      cutoff: asOf,
      err: c.value - tr.value,
      covered: c.ci_low! <= tr.value && tr.value <= c.ci_high!,
      width: c.ci_high! - c.ci_low!,
    });
    if (c.variant === 'durable') {
      const aw = byKey.get(cellKey({ ...c, variant: 'at-work' }));
      if (aw?.value !== null && aw?.value !== undefined) {
        pairs++;
        if (c.value > aw.value + 1e-12) durableAboveAtWork++;
      }
    }
  }
}
const secs = (performance.now() - t0) / 1000;

const pct = (x: number) => (100 * x).toFixed(2);
const table = (label: string, sel: (r: Row) => string) => {
  console.log(
    `\n| ${label} | cells | mean error (points) | mean abs. error (points) | worst (points) | mean CI width (points) | 95 % CI coverage |`,
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(sel(r), [...(groups.get(sel(r)) ?? []), r]);
  for (const [k, rs] of [...groups].sort()) {
    const mean = rs.reduce((a, r) => a + r.err, 0) / rs.length;
    const mae = rs.reduce((a, r) => a + Math.abs(r.err), 0) / rs.length;
    const worst = rs.reduce((a, r) => (Math.abs(r.err) > Math.abs(a) ? r.err : a), 0);
    const cov = rs.filter((r) => r.covered).length / rs.length;
    const width = rs.reduce((a, r) => a + r.width, 0) / rs.length;
    console.log(
      `| ${k} | ${rs.length} | ${pct(mean)} | ${pct(mae)} | ${pct(worst)} | ${pct(width)} | ${(100 * cov).toFixed(1)} % |`,
    );
  }
};
console.log(
  `store ${db.replace(root, '')}: ${persons} persons, seed ${seed}; SD1.B at ${EARLY.join(', ')} against ${LATE}; cells with ≥ ${MIN_AT_RISK} still followed; ${secs.toFixed(1)} s; load ${loadavg()
    .map((x) => x.toFixed(1))
    .join('/')}`,
);
table('variant', (r) => r.variant);
table('variant × cut-off', (r) => `${r.variant} @ ${r.cutoff}`);
console.log(`\ndurable above at-work (same censored cell): ${durableAboveAtWork} of ${pairs}`);
await engine.close();
