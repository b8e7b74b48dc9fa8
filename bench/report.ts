// Times the report stage: model, charts and every format, from a protected result set covering the
// whole IDW plan. Run by hand: `npx tsx bench/report.ts` → docs/performance-report.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { loadPlan } from '../src/plan/index.js';
import {
  buildReport,
  renderCharts,
  renderDocx,
  renderHtml,
  renderPdf,
  renderXlsx,
  writeReport,
} from '../src/report/index.js';
import { fixtureFindings, fixtureResultSet } from '../src/report/test-fixture.js';

const RUNS = 3;
const { plan } = await loadPlan(
  new URL('../plans/integratie-door-werk.yaml', import.meta.url).pathname,
);
const rs = fixtureResultSet(plan);
const findings = fixtureFindings(rs);
mkdirSync('bench/out', { recursive: true });
// Also the input for trying the CLI: `idw report --results bench/out/report-input.json …`
writeFileSync('bench/out/report-input.json', JSON.stringify({ resultSet: rs, findings }));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return median(out);
}

const opts = { lang: 'nl', audience: 'board', asOf: '2018-03-31' } as const;
const q = buildReport(plan, rs, findings, { ...opts, kind: 'quarterly' });
const charts = await renderCharts(q);
const rows: [string, number][] = [
  [
    'model (quarterly + overview)',
    await time(() => {
      buildReport(plan, rs, findings, { ...opts, kind: 'quarterly' });
      buildReport(plan, rs, findings, { ...opts, kind: 'overview' });
    }),
  ],
  [`charts (${charts.size} Vega-Lite → SVG → PNG)`, await time(() => renderCharts(q))],
  ['HTML', await time(() => renderHtml(q, charts))],
  ['PDF', await time(() => renderPdf(q, charts))],
  ['DOCX (quarterly)', await time(() => renderDocx(q, charts))],
  ['XLSX (quarterly)', await time(() => renderXlsx(q))],
  [
    'all outputs + manifest (`writeReport`)',
    await time(() =>
      writeReport(plan, rs, findings, { ...opts, version: 'bench' }, async (n, d) =>
        writeFileSync(`bench/out/${n}`, d),
      ),
    ),
  ],
];
const date = new Date().toISOString().slice(0, 10);
const md = `# Performance: report stage

Measured ${date} with \`npx tsx bench/report.ts\` on ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}; load average at the start ${loadavg()[0]!.toFixed(1)}
(other jobs were running on the machine: figures on an idle machine are lower).
Input: a protected result set covering every result of \`plans/integratie-door-werk.yaml\`
(${rs.cells.length} cells, ${findings.length} findings; the test fixture of \`src/report/test-fixture.ts\`).
Median of ${RUNS} runs, in milliseconds. Target: every format in under 10 s after compute.

| Step | ms |
|---|---:|
${rows.map(([k, v]) => `| ${k} | ${Math.round(v)} |`).join('\n')}

The last row is the end-to-end figure (charts rendered once, six files written: quarterly report in
HTML, PDF, DOCX, XLSX; overview in DOCX and XLSX; plus \`manifest.json\`).
`;
writeFileSync('docs/performance-report.md', md);
console.log(md);
