import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdwError, writeZip } from '../shared/index.js';
import { openStore, snapshotId, type Engine } from '../store/index.js';
import { importFileAccess, importFiles } from './index.js';

/**
 * Throws generated malformed source files at the importer, many files per import: wrong and mixed
 * encodings, broken quotes, huge fields, control characters, odd line ends, truncated and damaged
 * zips and Parquet files. Whatever happens: either a summary where read = loaded + quarantined for
 * every file and the store grew by exactly the loaded rows, or a clear IdwError and the store
 * unchanged; and nothing written outside the import's own temporary folder.
 */

const root = mkdtempSync(join(tmpdir(), 'idw-fuzz-'));
const work = join(root, 'work');
const tmp = join(root, 'tmp');
const key = { bytes: Buffer.from('fuzz-test-key-0123456789ab') };
const P =
  'person_id;national_register_number;birth_year;sex;education_level;nationality;first_nationality;migration_background;origin_group';
const MAX_LINE = 4096;
const BATCHES = 25;
const FILES_PER_BATCH = 40;
let xlsx: Buffer;
let parquet: Buffer;
const savedTmp = process.env.TMPDIR;

beforeAll(async () => {
  mkdirSync(work);
  mkdirSync(tmp);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('persons');
  ws.addRow(P.split(';'));
  for (let i = 0; i < 30; i++)
    ws.addRow([`X${i}`, '', 1980 + i, 'F', 'low', 'SY', 'SY', 'true', 'middle_east']);
  xlsx = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const pq = join(root, 'p.parquet');
  // Writing the fixture is the test's own file access, not the import's.
  const s = await openStore(':memory:', { fileAccess: { paths: [pq] } });
  await s.exec(`COPY (SELECT 'Q' || i AS person_id, 1985 AS birth_year, 'F' AS sex, 'low' AS education_level,
    'SY' AS nationality, 'SY' AS first_nationality, true AS migration_background, 'middle_east' AS origin_group
    FROM range(40) t(i)) TO '${pq}' (FORMAT parquet)`);
  await s.close();
  parquet = readFileSync(pq);
  // The import's temporary folder goes here, so that a stray file anywhere else would show.
  process.env.TMPDIR = tmp;
});
afterAll(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(root, { recursive: true, force: true });
});

const row = (id: string, sex = 'M', origin = 'middle_east') =>
  `${id};;1985;${sex};low;SY;SY;true;${origin}`;

/** Pieces a hostile CSV line is made of. */
const piece = fc.oneof(
  fc.constantFrom(
    '"',
    '""',
    ';',
    ';;',
    '\r',
    '\n',
    '\r\n',
    '\u0000',
    '\u001b[2J',
    '\u202e',
    'é',
    '\ufeff',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: 1, max: 9000 }).map((n) => 'x'.repeat(n)),
);

/** A CSV file: rows (some valid, some hostile), an encoding and a way to damage the bytes. */
const csvFile = fc
  .record({
    rows: fc.array(
      fc.oneof(
        fc.nat(99).map((i) => row(`R${i}`)),
        fc.array(piece, { maxLength: 6 }).map((ps) => ps.join('')),
        fc
          .tuple(fc.nat(99), fc.constantFrom('Q', '', 'M;extra', '"M'))
          .map(([i, s]) => row(`S${i}`, s)),
      ),
      { maxLength: 12 },
    ),
    header: fc.constantFrom(P, P, P, P.replace(/;/g, ','), '', `\ufeff${P}`, `${P};`, 'nonsense'),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    encoding: fc.constantFrom('utf8', 'windows-1252', 'mixed'),
    cut: fc.option(fc.nat(2000)),
    noise: fc.array(fc.tuple(fc.nat(2000), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
  })
  .map((f) => {
    const text = [f.header, ...f.rows].join(f.eol) + f.eol;
    let b =
      f.encoding === 'utf8'
        ? Buffer.from(text, 'utf8')
        : f.encoding === 'windows-1252'
          ? iconv.encode(text, 'windows-1252')
          : Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0xe9, 0x0a])]);
    if (f.cut !== null) b = b.subarray(0, f.cut);
    b = Buffer.from(b);
    for (const [at, v] of f.noise) if (at < b.length) b[at] = v;
    return { ext: 'csv', bytes: b };
  });

/** Damage to a zip or Parquet file: cut it, flip bytes, or (zip) declare a huge entry. */
const damage = (base: () => Buffer, ext: string) =>
  fc
    .record({
      cut: fc.option(fc.nat(base().length)),
      flips: fc.array(fc.tuple(fc.nat(base().length - 1), fc.integer({ min: 0, max: 255 })), {
        maxLength: 3,
      }),
      bomb: fc.boolean(),
    })
    .map((d) => {
      let b = Buffer.from(base());
      if (ext === 'xlsx' && d.bomb) {
        const cd = b.readUInt32LE(b.length - 22 + 16);
        b.writeUInt32LE(1_900_000_000, cd + 24);
      }
      for (const [at, v] of d.flips) b[at] = v;
      if (d.cut !== null) b = b.subarray(0, d.cut);
      return { ext, bytes: b };
    });

/** Any source file; built once the valid workbook and Parquet file exist. */
const sourceFile = () =>
  fc.oneof(
    { weight: 6, arbitrary: csvFile },
    { weight: 2, arbitrary: damage(() => xlsx, 'xlsx') },
    { weight: 2, arbitrary: damage(() => parquet, 'parquet') },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(fc.string({ maxLength: 20 }), fc.uint8Array({ maxLength: 200 })), {
          maxLength: 3,
        })
        .map((es) => ({
          ext: 'xlsx',
          bytes: writeZip(
            es.map(([name, data]) => ({ name: name || 'x', data: Buffer.from(data) })),
          ),
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ maxLength: 300 })
        .map((a) => ({ ext: 'parquet', bytes: Buffer.from(a) })),
    },
  );

/** Everything an import may change, to compare before and after a failed one. */
async function state(db: Engine) {
  const log = await db.query('SELECT count(*) AS n FROM import_log');
  const q = await db.query('SELECT count(*) AS n FROM quarantine');
  return { snapshot: await snapshotId(db), log: log[0]!.n, quarantine: q[0]!.n };
}

describe('fuzz: malformed source files', () => {
  it(`${BATCHES * FILES_PER_BATCH} generated files: a clear error or read = loaded + quarantined, the store unchanged on failure`, async () => {
    const dbPath = join(work, 'fuzz.duckdb');
    let files = 0;
    let failed = 0;
    const outcomes: Record<string, number> = {};
    const codes = new Set<string>();
    const batches = fc.sample(
      fc.array(sourceFile(), { minLength: FILES_PER_BATCH, maxLength: FILES_PER_BATCH }),
      {
        seed: 1414,
        numRuns: BATCHES,
      },
    );
    for (const [b, batch] of batches.entries()) {
      const src = join(root, `src-${b}`);
      mkdirSync(src);
      const names = batch.map((f, i) => `persons-${b}-${i}.${f.ext}`);
      batch.forEach((f, i) => writeFileSync(join(src, names[i]!), f.bytes));
      files += batch.length;
      // Opened as `idw import` opens it: one store per import, allowed only that import's files.
      const db = await openStore(dbPath, { fileAccess: importFileAccess([src]) });
      try {
        const before = await state(db);
        const persons = Number((await db.query('SELECT count(*) AS n FROM persons'))[0]!.n);
        try {
          const s = await importFiles(db, { paths: [src], key, maxLineBytes: MAX_LINE });
          for (const f of s.files)
            expect(f.rowsRead, f.file).toBe(f.rowsLoaded + f.rowsQuarantined);
          expect(s.totals.read).toBe(s.totals.loaded + s.totals.quarantined);
          const now = Number((await db.query('SELECT count(*) AS n FROM persons'))[0]!.n);
          expect(now - persons).toBe(s.totals.loaded);
          // Every quarantined row has its entries in the quarantine table: a whole-line entry
          // (wrong shape, too long) or its fields' entries, which share the row's line. (After an
          // unterminated quote or a rejected multi-line record the reader's records no longer line
          // up with the file's lines: such rows get line 0, "unknown", or a neighbour's line; then
          // at least one entry per file is required.)
          const entries = await db.query<{
            file: string;
            whole: number;
            n: number;
            unknown: number;
          }>(
            `SELECT file,
               count(*) FILTER (WHERE code IN ('IMPORT_ROW_SHAPE', 'IMPORT_LINE_TOO_LONG')) AS whole,
               count(DISTINCT line) FILTER (WHERE line > 0 AND code NOT IN ('IMPORT_ROW_SHAPE', 'IMPORT_LINE_TOO_LONG')) AS n,
               count(*) FILTER (WHERE line = 0) AS unknown
             FROM quarantine WHERE import_id = $1 GROUP BY file`,
            [s.importId],
          );
          const byFile = new Map(entries.map((r) => [r.file, r]));
          for (const f of s.files) {
            const e = byFile.get(f.file);
            const rows = Number(e?.whole ?? 0) + Number(e?.n ?? 0);
            if (Number(e?.unknown ?? 0) === 0) expect(rows, f.file).toBe(f.rowsQuarantined);
            else expect(rows, f.file).toBeLessThan(f.rowsQuarantined);
            outcomes[f.outcome] = (outcomes[f.outcome] ?? 0) + 1;
            for (const c of Object.keys(f.byCode)) codes.add(c);
            for (const p of f.problems) codes.add(p.code);
          }
        } catch (e) {
          failed++;
          codes.add(
            `thrown ${(e as IdwError).code} ${String((e as { cause?: unknown }).cause).slice(0, 150)}`,
          );
          // A clear error: one of ours, with a code and a message in both languages.
          if (!(e instanceof IdwError)) throw e;
          expect(e.problems[0]!.code).toMatch(/^IMPORT_/);
          expect(e.problems[0]!.nl.length).toBeGreaterThan(0);
          expect(await state(db)).toEqual(before);
        }
        // Nothing written beside the sources, and the temporary folder was cleared.
        expect(readdirSync(src).sort()).toEqual([...names].sort());
        expect(readdirSync(tmp)).toEqual([]);
        rmSync(src, { recursive: true });
      } finally {
        await db.close();
      }
    }
    if (process.env.IDW_FUZZ_REPORT)
      console.error({ files, failed, outcomes, codes: [...codes].sort() });
    expect(files).toBeGreaterThanOrEqual(1000);
    expect(readdirSync(work).filter((n) => !n.startsWith('fuzz.duckdb'))).toEqual([]);
    // Most batches import; a batch that fails as a whole must stay the exception.
    expect(failed).toBeLessThan(BATCHES);
  }, 300_000);
});
