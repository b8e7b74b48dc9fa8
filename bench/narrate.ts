// Measures `narrate` (generation plus the checker on every finding) on synthetic result cells:
// R results, each a monthly series with a total and two breakdowns (5 and 3 groups), 1 cell in 20 hidden.
// Run by hand: npx tsx bench/narrate.ts [results ...]   → writes docs/performance-narrate.md
// (then npx prettier --write docs/performance-narrate.md)
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parsePlan } from '../src/plan/index.js';
import type { ProtectedCell } from '../src/protect/index.js';
import { narrate } from '../src/narrate/index.js';

const plan = parsePlan(
  readFileSync('plans/example-small.yaml', 'utf8'),
  'plans/example-small.yaml',
);
const sizes = process.argv.slice(2).map(Number);
const runs = sizes.length ? sizes : [10, 100, 1000];

function cells(results: number): ProtectedCell[] {
  let seed = 1;
  const rnd = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const out: ProtectedCell[] = [];
  for (let r = 0; r < results; r++)
    for (let m = 0; m < 24; m++) {
      const period = `${2016 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
      const a = [0, 1, 2, 3, 4].map(() => Math.round(rnd() * 500));
      const b = [0, 1, 2].map(() => Math.round(rnd() * 800));
      const total = a.reduce((x, y) => x + y, 0);
      const base = {
        result: `R${r}`,
        indicator: 'inflow',
        measure: 'value',
        unit: 'persons',
        status: 'ok' as const,
        provenance: 'bench',
      };
      const mk = (value: number, breakdown: Record<string, string>): ProtectedCell =>
        rnd() < 0.05
          ? {
              ...base,
              period,
              breakdown,
              value: null,
              disclosure: 'suppressed',
              reason: 'primary-count',
              symbol: 'x',
            }
          : { ...base, period, breakdown, value, disclosure: 'shown' };
      out.push(
        mk(total, {}),
        ...a.map((v, i) => mk(v, { origin: `o${i}` })),
        ...b.map((v, i) => mk(v, { age: `a${i}` })),
      );
    }
  return out;
}

const rows: string[] = [];
for (const n of runs) {
  const input = cells(n);
  narrate(input.slice(0, 90), plan); // warm up
  const load = loadavg()[0]!;
  const t0 = performance.now();
  const findings = narrate(input, plan);
  const ms = performance.now() - t0;
  rows.push(
    `| ${n.toLocaleString('en')} | ${input.length.toLocaleString('en')} | ${findings.length.toLocaleString('en')} | ${(ms / 1000).toFixed(2)} | ${((ms * 1000) / findings.length).toFixed(0)} | ${load.toFixed(1)} |`,
  );
  console.log(rows.at(-1));
}

const doc = `# Performance: findings in words (\`narrate\`)

Measured with \`npx tsx bench/narrate.ts\` on ${new Date().toISOString().slice(0, 10)}; machine: ${cpus().length} cores,
${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}. The machine was shared with other work while measuring
(load average in the table), so the times are upper bounds.

Input: per result a monthly series over 24 months with a total and two breakdowns (5 and 3 groups);
about 1 cell in 20 suppressed. The time includes writing the sentences in both languages and running
the checker on every finding.

| Results | Cells | Findings | Time (s) | µs per finding | Load average |
|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}
`;
writeFileSync('docs/performance-narrate.md', doc);
