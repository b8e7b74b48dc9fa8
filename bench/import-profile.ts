// Statement-level profile of one import: npx tsx bench/import-profile.ts [rows]
// Times every SQL statement the importer runs (wall and CPU time), prints the slowest ones.
// FAST=0 profiles the exact path instead of the fast path; EXPLAIN=1 shows the plan of the read.
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { importFiles } from '../src/ingest/index.js';
import { openStore } from '../src/store/index.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const persons = Math.max(1, Math.floor(rows / 5));
const dir = join('bench', 'out', 'import-profile');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const key = { bytes: Buffer.from('bench-key-0123456789abcdef') };
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

const times: { sql: string; ms: number; cpu: number }[] = [];
const proto = DuckDBConnection.prototype as unknown as Record<
  string,
  (...a: unknown[]) => Promise<unknown>
>;
const origRead = proto.runAndReadAll!;
let depth = 0; // runAndReadAll calls run: time the outer call only
for (const m of ['runAndReadAll', 'run']) {
  const orig = proto[m]!;
  proto[m] = async function (this: unknown, ...a: unknown[]) {
    if (depth > 0) return orig.apply(this, a);
    const sql = String(a[0]);
    if (
      process.env.EXPLAIN &&
      /^CREATE (OR REPLACE )?TEMP TABLE _(stage|fast) AS .*v_spell_id/.test(sql)
    ) {
      const sel = sql.replace(/^CREATE (OR REPLACE )?TEMP TABLE \S+ AS /, '');
      const r = (await origRead.call(this, `EXPLAIN ANALYZE ${sel}`)) as {
        getRowsJS(): unknown[][];
      };
      console.log(String(r.getRowsJS()[0]![1]).split('\n').join('\n'));
    }
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    depth++;
    try {
      return await orig.apply(this, a);
    } finally {
      depth--;
      times.push({
        sql: String(a[0])
          .replace(/'[0-9a-f]{64,}'/g, "'…'")
          .replace(/\s+/g, ' ')
          .slice(0, 160),
        ms: performance.now() - t0,
        cpu: ((u) => (u.user + u.system) / 1000)(process.cpuUsage(c0)),
      });
    }
  };
}
const store = await openStore(join(dir, 'bench.duckdb'), {
  fileAccess: { directories: [tmpdir(), process.cwd()] },
});
for (const f of [personsCsv, spellsCsv]) {
  times.length = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await importFiles(store, { paths: [f], key, fastPath: process.env.FAST !== '0' });
  const c = process.cpuUsage(c0);
  const total = performance.now() - t0;
  console.log(
    `\n${f}: ${(total / 1000).toFixed(2)} s wall, ${((c.user + c.system) / 1e6).toFixed(2)} s CPU, load ${loadavg()[0]!.toFixed(1)}`,
  );
  const sqlMs = times.reduce((s, t) => s + t.ms, 0);
  console.log(
    `  SQL total ${(sqlMs / 1000).toFixed(2)} s; outside SQL ${((total - sqlMs) / 1000).toFixed(2)} s`,
  );
  for (const t of [...times].sort((a, b) => b.ms - a.ms).slice(0, 12))
    console.log(
      `  ${(t.ms / 1000).toFixed(2).padStart(6)} s ${(t.cpu / 1000).toFixed(2).padStart(6)} s cpu  ${t.sql.slice(0, 120)}`,
    );
}
await store.close();
