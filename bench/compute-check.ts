// Same answers before and after a change to the engine (run by hand):
//   npx tsx bench/compute-check.ts --db bench/out/compute-50000.duckdb --save bench/out/before.json
//   npx tsx bench/compute-check.ts --db bench/out/compute-50000.duckdb --compare bench/out/before.json
// Runs `compute` (unprotected) on several configurations: the whole plan by year, every grain,
// and an earlier cut-off date (more censored cohorts). The snapshot id and provenance SQL may
// change with the engine; every cell (values, intervals, counts, status) must stay identical.
import { readFileSync, writeFileSync } from 'node:fs';
import { compute, type ComputeOptions } from '../src/compute/index.js';
import { loadPlan } from '../src/plan/index.js';
import { openStore } from '../src/store/index.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const db = arg('db') ?? 'bench/out/compute-50000.duckdb';
const root = new URL('../', import.meta.url).pathname;
const engine = await openStore(db, { readOnly: true });
const { plan } = await loadPlan(`${root}plans/integratie-door-werk.yaml`);
const configs: Record<string, ComputeOptions> = {
  year: {},
  grains: { grains: ['year', 'quarter', 'month'] },
  early: { asOf: '2019-06-30', grains: ['year', 'quarter'] },
  custom: {
    results: ['SD1.A', 'SD2.A', 'SD1.B', 'TD1.1.A', 'TD1.1.B'],
    breakdowns: [['sex'], ['age_band', 'region']],
  },
};
const out: Record<string, unknown> = {};
for (const [name, opts] of Object.entries(configs)) {
  const t = performance.now();
  const rs = await compute(engine, plan, opts);
  console.log(
    `${name}: ${rs.cells.length} cells, ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  // Provenance ids hash the SQL text: compare the cells without them.
  out[name] = rs.cells.map(({ provenance: _p, ...c }) => c);
}
await engine.close();
const save = arg('save');
if (save) writeFileSync(save, JSON.stringify(out));
const cmp = arg('compare');
if (cmp) {
  const old = JSON.parse(readFileSync(cmp, 'utf8')) as Record<string, unknown[]>;
  let bad = 0;
  for (const [name, cells] of Object.entries(out) as [string, unknown[]][]) {
    const before = old[name] ?? [];
    if (before.length !== cells.length)
      console.log(`${name}: ${before.length} cells before, ${cells.length} now`);
    const n = Math.max(before.length, cells.length);
    for (let i = 0; i < n; i++) {
      const a = JSON.stringify(before[i]);
      const b = JSON.stringify(cells[i]);
      if (a !== b) {
        if (++bad <= 10) console.log(`${name} #${i}\n  before ${a}\n  now    ${b}`);
      }
    }
  }
  console.log(bad ? `${bad} cells differ` : 'identical: every cell of every configuration');
  process.exitCode = bad ? 1 : 0;
}
