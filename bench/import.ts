// Import speed: a clean CSV of N rows (default 10 million employment spells over N/5 persons), with
// validation, pseudonymisation, key and reference checks. Run by hand: npx tsx bench/import.ts [rows]
// Writes the figures to docs/performance-import.md.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { importFiles, type ImportSummary } from '../src/ingest/index.js';
import { openStore } from '../src/store/index.js';

const rows = Number(process.argv[2] ?? 10_000_000);
const load0 = loadavg()[0]!.toFixed(1);
const persons = Math.max(1, Math.floor(rows / 5));
const dir = join('bench', 'out', 'import');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const key = { bytes: Buffer.from('bench-key-0123456789abcdef') };

// Source files written by DuckDB itself (fast); Belgian style: ';' and day-first dates.
const gen = await (await DuckDBInstance.create(':memory:')).connect();
const personsCsv = join(dir, 'persons.csv');
const spellsCsv = join(dir, 'employment_spells.csv');
await gen.run(`COPY (SELECT 'P' || lpad(i::VARCHAR, 8, '0') AS person_id, NULL AS national_register_number,
  1950 + i % 50 AS birth_year, ['M','F','X'][1 + i % 3] AS sex, ['low','medium','high','unknown'][1 + i % 4] AS education_level,
  'SY' AS nationality, 'SY' AS first_nationality, 'true' AS migration_background, 'middle_east' AS origin_group
  FROM range(${persons}) t(i)) TO '${personsCsv}' (HEADER, DELIMITER ';')`);
await gen.run(`COPY (SELECT 'S' || i::VARCHAR AS spell_id, 'P' || lpad((i % ${persons})::VARCHAR, 8, '0') AS person_id,
  strftime(DATE '2015-01-01' + (i % 1400)::INT, '%d/%m/%Y') AS started_on,
  CASE WHEN i % 3 = 0 THEN NULL ELSE strftime(DATE '2015-01-01' + (i % 1400 + 30 + i % 200)::INT, '%d/%m/%Y') END AS ended_on,
  chr(65 + (i % 21)::INT) AS sector FROM range(${rows}) t(i)) TO '${spellsCsv}' (HEADER, DELIMITER ';')`);

const db = join(dir, 'bench.duckdb');
const store = await openStore(db, {
  fileAccess: { directories: [tmpdir(), process.cwd()] },
  bulkLoad: { dictionaryCompression: false },
});
const paths: Record<string, string> = {};
/** Wall time, and CPU time of the process (all threads, DuckDB's included). */
async function timed(path: string): Promise<{ s: number; cpu: number; sum: ImportSummary }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const sum = await importFiles(store, {
    paths: [path],
    key,
    onPath: (f, how) => (paths[f] = how),
    ...(process.stderr.isTTY ? { onProgress: bar() } : {}),
  });
  const c = process.cpuUsage(c0);
  if (process.stderr.isTTY) process.stderr.write('\n');
  return { s: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, sum };
}
/** A one-line progress indicator on a terminal (the CLI's bar lives in the cli stage). */
function bar() {
  return (done: number, total: number, label: string) =>
    process.stderr.write(`\r${`${done}/${total} ${label}`.padEnd(60)}`);
}
const p = await timed(personsCsv);
const e = await timed(spellsCsv);
// The floor: DuckDB's reader straight into the table, no checks and no pseudonyms (rolled back).
const floor = await (async () => {
  const conn = store.connection;
  await conn.run('BEGIN TRANSACTION');
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await conn.run(
    `INSERT INTO employment_spells SELECT * FROM read_csv('${spellsCsv}', header=true, delim=';', dateformat='%d/%m/%Y', columns={'spell_id': 'VARCHAR', 'person_id': 'VARCHAR', 'started_on': 'DATE', 'ended_on': 'DATE', 'sector': 'VARCHAR'})`,
  );
  const c = process.cpuUsage(c0);
  const r = { s: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
  await conn.run('ROLLBACK');
  return r;
})();
await store.close();
const mb = statSync(spellsCsv).size / 1e6;
const cores = cpus().length;
const line = (name: string, n: number, r: { s: number; cpu: number; sum: ImportSummary }) =>
  `| ${name} | ${n.toLocaleString('en')} | ${r.s.toFixed(1)} s | ${Math.round(n / r.s).toLocaleString('en')} | ${r.cpu.toFixed(1)} s | ${Math.round(n / (r.cpu / cores)).toLocaleString('en')} | ${r.sum.totals.loaded.toLocaleString('en')} / ${r.sum.totals.quarantined} |`;
// The hand-written analysis below the figures (from "## Where the time goes") is kept as it is.
const doc = existsSync('docs/performance-import.md')
  ? readFileSync('docs/performance-import.md', 'utf8')
  : '';
const cut = doc.indexOf('## Where the time goes');
const analysis = cut >= 0 ? doc.slice(cut).trimEnd() : '';
const load1 = loadavg()[0]!.toFixed(1);
const md = `# Import performance

Measured by \`npx tsx bench/import.ts ${rows}\` on ${new Date().toISOString().slice(0, 10)}: ${cores} cores,
${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, DuckDB store on local disk. Load average (1 min)
at the start and end of the run: ${load0} → ${load1}${Number(load0) > cores + 1 ? ' (other processes shared the cores: wall times are longer than on an idle machine, and CPU times somewhat longer too)' : ''}.

The files are clean Belgian-style CSV (\`;\`, day-first dates). Path taken: ${Object.entries(paths)
  .map(([f, how]) => `${f} ${how}`)
  .join(', ')}. Every import includes: content hash, UTF-8 check, the typed read,
type/code/range/date checks, end ≥ start, primary-key uniqueness (in the file and against the
store), references (spells → persons), HMAC-SHA-256 of every identifying column inside DuckDB (once
per distinct value), the insert and the commit.

| file | rows | wall time | rows/s (wall) | CPU time | rows/s if ${cores} idle cores | loaded / quarantined |
|---|---|---|---|---|---|---|
${line('persons.csv', persons, p)}
${line(`employment_spells.csv (${mb.toFixed(0)} MB)`, rows, e)}
| floor: bare read into the table | ${rows.toLocaleString('en')} | ${floor.s.toFixed(1)} s | ${Math.round(rows / floor.s).toLocaleString('en')} | ${floor.cpu.toFixed(1)} s | ${Math.round(rows / (floor.cpu / cores)).toLocaleString('en')} | (rolled back) |

"rows/s if idle cores" divides the rows by the process's CPU time spread over all cores: what the
run would take alone on the machine if every step used both cores fully (an upper bound; a few
steps are single-threaded). The floor is DuckDB's reader inserting the spells file straight into
the table: no checks, no pseudonyms, nothing else.

${analysis}
`;
writeFileSync('docs/performance-import.md', md);
console.log(md);
