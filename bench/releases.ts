// Protects the demo report's result set (years and quarters) at several quarterly cut-off dates for
// the public and the board, and checks all outputs together as one reader holding them all would
// (the "done when" of the disclosure issue). Computed result sets are cached next to the store.
// Run by hand: npx tsx bench/releases.ts <store.duckdb> [2017-06-30,2017-09-30,…]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { compute, specialDimensions, type ResultSet } from '../src/compute/index.js';
import { loadPlan, nonPersonalIndicators } from '../src/plan/index.js';
import { checkDisclosure, loadAccess, protect } from '../src/protect/index.js';
import { openStore } from '../src/store/index.js';

const db = process.argv[2] ?? 'out/demo/idw-demo.duckdb';
const dates = (process.argv[3] ?? '2017-06-30,2017-09-30,2017-12-31,2018-03-31').split(',');
const { plan } = await loadPlan('plans/integratie-door-werk.yaml');
const access = await loadAccess('config/access.yaml');
const special = specialDimensions(plan);
const sets: ResultSet[] = [];
for (const asOf of dates) {
  const cache = `${db}.${asOf}.results.json`;
  if (!existsSync(cache)) {
    const engine = await openStore(db, { readOnly: true });
    const rs = await compute(engine, plan, { asOf, grains: ['year', 'quarter'] });
    await engine.close();
    writeFileSync(cache, JSON.stringify(rs));
  }
  sets.push(JSON.parse(readFileSync(cache, 'utf8')) as ResultSet);
}
const outputs = [];
for (const [i, rs] of sets.entries())
  for (const audience of ['public', 'board'] as const) {
    const t0 = performance.now();
    const p = protect(rs, {
      audience,
      thresholds: access.thresholds[audience],
      specialDimensions: special,
      nonPersonal: nonPersonalIndicators(plan.indicators),
    });
    const ms = Math.round(performance.now() - t0);
    console.log(
      JSON.stringify({
        asOf: dates[i],
        audience,
        ms,
        ...p.protection,
        unresolved: p.protection?.unresolved.length,
      }),
    );
    outputs.push({
      file: `${dates[i]}-${audience}`,
      kind: 'json' as const,
      audience,
      asOf: dates[i],
      cells: p.cells,
      personal: [],
    });
  }
const report = checkDisclosure(outputs, access.thresholds.public);
const byCode = new Map<string, number>();
for (const p of report.problems) byCode.set(p.code, (byCode.get(p.code) ?? 0) + 1);
console.log(
  JSON.stringify({
    ok: report.ok,
    cells: report.cells,
    suppressed: report.suppressed,
    problems: Object.fromEntries(byCode),
    infeasible: report.infeasible.length,
  }),
);
for (const p of report.problems.slice(0, 8)) console.log(p.code, p.location.path ?? '', p.en);
