// Times the report stage, by hand: `npx tsx bench/report.ts` → docs/performance-report.md.
//
// The measured part replaces what stands between the bench markers of that page.
//
// 1. `idw demo --json` end to end (50,000 synthetic persons) in a child process: its wall time and
//    the timings it prints; its `results.json` (15,000 protected cells and the findings) is then the
//    demo-sized input of the steps below.
// 2. Per step and format on one thread, on the demo input and on the 374-cell test fixture: the
//    first (cold) call and the median of three, wall clock and CPU.
// 3. `writeReport` end to end, each run in a fresh process as in the CLI, with the worker thread
//    (default) and without it.
// The machine is often shared: every row carries the load average (1 minute) when it was measured.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import * as prettier from 'prettier';
import type { Finding } from '../src/narrate/index.js';
import { loadPlan } from '../src/plan/index.js';
import type { ProtectedResultSet } from '../src/protect/index.js';
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

const { plan } = await loadPlan(
  new URL('../plans/integratie-door-werk.yaml', import.meta.url).pathname,
);
const opts = { lang: 'nl', audience: 'board', asOf: '2018-03-31' } as const;
const load = () => loadavg()[0]!.toFixed(1);
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

/** Input of a run: the saved `results.json` of `idw demo` (`{ ...resultSet, findings }`). */
function readResults(file: string): { rs: ProtectedResultSet; findings: Finding[] } {
  const { findings, ...rs } = JSON.parse(readFileSync(file, 'utf8')) as ProtectedResultSet & {
    findings: Finding[];
  };
  return { rs, findings };
}

// Child mode: one cold `writeReport` in this fresh process; prints wall and CPU as JSON.
if (process.argv[2] === '--once') {
  const { rs, findings } = readResults(process.argv[3]!);
  const out = process.argv[5]!;
  mkdirSync(out, { recursive: true });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const files: Record<string, number> = {};
  await writeReport(
    plan,
    rs,
    findings,
    {
      ...opts,
      version: 'bench',
      parallel: process.argv[4] === 'parallel',
      onFile: (n, ms) => (files[n] = Math.round(ms)),
    },
    async (n, d) => writeFileSync(`${out}/${n}`, d),
  );
  const wall = performance.now() - t0;
  console.log(JSON.stringify({ wall, cpu: cpuMs(process.cpuUsage(c0)), files }));
  process.exit(0);
}

interface Row {
  step: string;
  cold: number;
  coldCpu: number;
  median: number;
  medianCpu: number;
  load: string;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(step: string, fn: () => Promise<unknown> | unknown): Promise<Row> {
  const l = load();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    cpu.push(cpuMs(process.cpuUsage(c0)));
  }
  return {
    step,
    cold: wall[0]!,
    coldCpu: cpu[0]!,
    median: median(wall),
    medianCpu: median(cpu),
    load: l,
  };
}

async function perFormat(rs: ProtectedResultSet, findings: readonly Finding[]): Promise<Row[]> {
  const q = buildReport(plan, rs, findings, { ...opts, kind: 'quarterly' });
  const o = buildReport(plan, rs, findings, { ...opts, kind: 'overview' });
  const rows = [
    await time('model (quarterly + overview)', () => {
      buildReport(plan, rs, findings, { ...opts, kind: 'quarterly' });
      buildReport(plan, rs, findings, { ...opts, kind: 'overview' });
    }),
  ];
  const charts = await renderCharts(q);
  rows.push(await time(`charts (${charts.size} Vega-Lite → SVG → PNG)`, () => renderCharts(q)));
  rows.push(await time('HTML', () => renderHtml(q, charts)));
  rows.push(await time('PDF', () => renderPdf(q, charts)));
  rows.push(await time('DOCX quarterly', () => renderDocx(q, charts)));
  rows.push(await time('DOCX overview', () => renderDocx(o, charts)));
  rows.push(await time('XLSX quarterly', () => renderXlsx(q)));
  rows.push(await time('XLSX overview', () => renderXlsx(o)));
  return rows;
}

/** `writeReport` cold, in fresh processes, alternating with and without the worker thread. */
function endToEnd(input: string, runs: number) {
  const res: Record<string, { wall: number; cpu: number; load: string }[]> = {
    parallel: [],
    sequential: [],
  };
  for (let i = 0; i < runs; i++)
    for (const mode of ['parallel', 'sequential'] as const) {
      const l = load();
      const out = execFileSync(
        process.execPath,
        ['--import', 'tsx', 'bench/report.ts', '--once', input, mode, `bench/out/e2e-${mode}`],
        { encoding: 'utf8' },
      );
      res[mode]!.push({ ...(JSON.parse(out) as { wall: number; cpu: number }), load: l });
    }
  return res;
}

mkdirSync('bench/out', { recursive: true });
// 1. The whole demo.
const demoDir = 'bench/out/demo';
rmSync(demoDir, { recursive: true, force: true });
const demoLoad = load();
const d0 = performance.now();
const demo = JSON.parse(
  execFileSync(process.execPath, ['bin/idw.js', 'demo', '--out', demoDir, '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  }),
) as { cells: number; findings: number; timings: Record<string, unknown> };
const demoWall = performance.now() - d0;
const demoInput = `${demoDir}/report/results.json`;

// 2. Per format.
const demoData = readResults(demoInput);
const demoRows = await perFormat(demoData.rs, demoData.findings);
const fixture = fixtureResultSet(plan);
const fixtureRows = await perFormat(fixture, fixtureFindings(fixture));
// Also the input for trying the CLI: `idw report --results bench/out/report-input.json …`
writeFileSync(
  'bench/out/report-input.json',
  JSON.stringify({ resultSet: fixture, findings: fixtureFindings(fixture) }),
);

// 3. End to end.
const e2e = endToEnd(demoInput, 3);

const ms = (x: number) => Math.round(x).toLocaleString('en');
const table = (rows: Row[]) =>
  [
    '| Step | cold ms | cold CPU ms | median ms | median CPU ms | load |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.step} | ${ms(r.cold)} | ${ms(r.coldCpu)} | ${ms(r.median)} | ${ms(r.medianCpu)} | ${r.load} |`,
    ),
  ].join('\n');
const e2eRow = (mode: string, runs: { wall: number; cpu: number; load: string }[]) =>
  `| ${mode} | ${runs.map((r) => ms(r.wall)).join(', ')} | ${ms(median(runs.map((r) => r.wall)))} | ${ms(median(runs.map((r) => r.cpu)))} | ${runs.map((r) => r.load).join(', ')} |`;
const t = demo.timings as {
  compute: number;
  narrate: number;
  render: number;
  renderCpu: number;
  disclosure?: number;
  files: Record<string, number>;
};
const now = new Date().toISOString();
const md = `Measured ${now.slice(0, 10)} (${now.slice(11, 16)} UTC) with \`npx tsx bench/report.ts\` on ${cpus().length} cores,
${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}. Load average (1 minute) when the bench started:
${demoLoad}. **Target: every format in under 10 s after compute, for the demo data**; aim ≤ 6 s on a quiet machine.

## The whole demo: \`idw demo --json\` (50,000 persons)

${ms(demoWall)} ms wall for the whole command (generate, compute, protect, narrate, render, disclosure check);
${demo.cells.toLocaleString('en')} cells, ${demo.findings} findings. Timings it prints, in ms:

| compute | narrate | render (wall) | render (CPU, all threads) | disclosure check |
|---:|---:|---:|---:|---:|
| ${ms(t.compute)} | ${ms(t.narrate)} | **${ms(t.render)}** | ${ms(t.renderCpu)} | ${ms(t.disclosure ?? 0)} |

Per file (renderer on whichever thread made it, plus writing it; the threads overlap, so these do not add up):
${Object.entries(t.files)
  .map(([k, v]) => `\`${k}\` ${ms(v)}`)
  .join(', ')}.

## \`writeReport\` end to end on the demo input, cold, one fresh process per run

| mode | wall ms per run | median wall ms | median CPU ms | load per run |
|---|---|---:|---:|---|
${e2eRow('worker thread (default)', e2e.parallel!)}
${e2eRow('one thread (parallel: false)', e2e.sequential!)}

## Per step, one thread, demo input (${demoData.rs.cells.length.toLocaleString('en')} cells, ${demoData.findings.length} findings)

"cold" is the first call in the process (as in the CLI, which renders once); the median is over three calls.

${table(demoRows)}

## Per step, one thread, test fixture (${fixture.cells.length} cells; \`src/report/test-fixture.ts\`)

${table(fixtureRows)}
`;
// The measured part goes between the markers of the page; the text around it is written by hand.
const page = 'docs/performance-report.md';
const [start, end] = ['<!-- bench:start -->', '<!-- bench:end -->'];
const old = readFileSync(page, 'utf8');
const i = old.indexOf(start);
const j = old.indexOf(end);
const text =
  i >= 0 && j > i
    ? `${old.slice(0, i + start.length)}\n\n${md}\n${old.slice(j)}`
    : `# Performance: report stage\n\n${start}\n\n${md}\n${end}\n`;
// Formatted as \`npm test\` (prettier --check) wants it.
writeFileSync(
  page,
  await prettier.format(text, { ...(await prettier.resolveConfig(page)), filepath: page }),
);
console.log(md);
