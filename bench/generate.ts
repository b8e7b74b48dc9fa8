// Measures `idw generate` at 1,000 and 1,000,000 persons: wall time, generation time and peak memory
// (maximum resident set size from /usr/bin/time -v, which includes DuckDB's native memory).
// Run by hand: npx tsx bench/generate.ts [persons ...]   → writes docs/performance-generate.md
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const sizes = process.argv.slice(2).map(Number);
const persons = sizes.length ? sizes : [1_000, 1_000_000];
const dir = mkdtempSync(join(tmpdir(), 'idw-bench-'));

interface Run {
  persons: number;
  wall: number;
  generate: number;
  rssMiB: number;
  cpu: number;
  rows: number;
  hash: string;
  load: number;
}

function measure(n: number): Run {
  const db = join(dir, `g${n}.duckdb`);
  const timeFile = join(dir, `time${n}.txt`);
  const load = loadavg()[0]!;
  const t0 = Date.now();
  const stdout = execFileSync(
    '/usr/bin/time',
    [
      '-v',
      '-o',
      timeFile,
      process.execPath,
      'bin/idw.js',
      'generate',
      '--persons',
      String(n),
      '--seed',
      '1',
      '--db',
      db,
      '--json',
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const wall = (Date.now() - t0) / 1000;
  const res = JSON.parse(stdout) as {
    seconds: number;
    hash: string;
    counts: Record<string, number>;
  };
  const timeText = readFileSync(timeFile, 'utf8');
  const cpu =
    Number(/User time \(seconds\): ([\d.]+)/.exec(timeText)?.[1] ?? 0) +
    Number(/System time \(seconds\): ([\d.]+)/.exec(timeText)?.[1] ?? 0);
  const rssKiB = Number(
    /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'))?.[1] ?? 0,
  );
  rmSync(db, { force: true });
  return {
    persons: n,
    wall,
    generate: res.seconds,
    rssMiB: rssKiB / 1024,
    cpu,
    rows: Object.values(res.counts).reduce((x, y) => x + y, 0),
    hash: res.hash,
    load,
  };
}

const runs: Run[] = [];
for (const n of persons) {
  const r = measure(n);
  runs.push(r);
  console.log(JSON.stringify(r));
}
rmSync(dir, { recursive: true, force: true });

const fmt = (x: number, d = 1) => x.toFixed(d);
const md = `# Performance: synthetic data generation (\`idw generate\`)

Measured with \`npx tsx bench/generate.ts\` on ${new Date().toISOString().slice(0, 10)}; machine: ${cpus().length} cores,
${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, DuckDB file store on local disk, seed 1, period 2014–2024.
The machine was shared with other work while measuring (load average at the start of each run in the table),
so the times are upper bounds.

| Persons | Rows (all tables) | Generation (s) | Whole command (s) | CPU time (s) | Peak memory (MiB) | Load average | Content hash |
|---:|---:|---:|---:|---:|---:|---:|---|
${runs.map((r) => `| ${r.persons.toLocaleString('en')} | ${r.rows.toLocaleString('en')} | ${fmt(r.generate)} | ${fmt(r.wall)} | ${fmt(r.cpu)} | ${fmt(r.rssMiB, 0)} | ${fmt(r.load)} | \`${r.hash}\` |`).join('\n')}

- *Generation* is the time inside \`generate()\` (all SQL steps, the content hash and the row counts);
  *whole command* adds Node start-up, TypeScript loading and opening the store.
- *CPU time* is user + system time of the whole process (all DuckDB threads), from \`/usr/bin/time -v\`.
  It hardly depends on the load of the machine: on an idle 2-core machine the whole command takes roughly at
  most this long (one core busy) and about half of it when DuckDB keeps both cores busy.
- *Peak memory* is the maximum resident set size of the whole process (Node and DuckDB), from
  \`/usr/bin/time -v\`; DuckDB runs with its default 3 GB memory limit.
- Targets (issue 3): 1,000 persons in under 2 s; 1,000,000 persons in under 3 minutes with less than 4 GiB.
`;
writeFileSync('docs/performance-generate.md', md);
execFileSync('npx', ['prettier', '--write', 'docs/performance-generate.md']);
console.log(md);
