import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { importFileAccess, importFiles } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'idw-unpack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = { bytes: Buffer.from('unpack-test-key-0123456789') };
const HEADER = [
  'person_id',
  'birth_year',
  'sex',
  'education_level',
  'nationality',
  'first_nationality',
  'migration_background',
  'origin_group',
];
const xlsx = join(dir, 'persons.xlsx');
const parquet = join(dir, 'persons.parquet');

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('persons');
  ws.addRow(HEADER);
  for (let i = 0; i < 200; i++)
    ws.addRow([`X${i}`, 1985, 'M', 'low', 'SY', 'SY', 'true', 'middle_east']);
  await wb.xlsx.writeFile(xlsx);
  // Writing the fixture is the test's own file access, not the import's.
  const s = await openStore(':memory:', { fileAccess: { paths: [parquet] } });
  await s.exec(`COPY (SELECT 'Q' || i AS person_id, 1985 AS birth_year, 'F' AS sex, 'low' AS education_level,
    'SY' AS nationality, 'SY' AS first_nationality, true AS migration_background, 'middle_east' AS origin_group
    FROM range(3000) t(i)) TO '${parquet}' (FORMAT parquet)`);
  await s.close();
});

/** Imports one file into a fresh store; returns the summary and the rows that reached the store. */
async function run(name: string, bytes: Buffer, maxUnpackedBytes?: number) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const db = await openStore(':memory:', { fileAccess: importFileAccess([path]) });
  try {
    const s = await importFiles(db, {
      paths: [path],
      key,
      ...(maxUnpackedBytes ? { maxUnpackedBytes } : {}),
    });
    const rows = Number((await db.query('SELECT count(*) AS n FROM persons'))[0]!.n);
    expect(s.totals.read).toBe(s.totals.loaded + s.totals.quarantined);
    return { file: s.files[0]!, rows };
  } finally {
    await db.close();
  }
}

describe('XLSX and Parquet files are unpacked within limits', () => {
  it('reads an ordinary workbook and Parquet file', async () => {
    expect((await run('persons-ok.xlsx', readFileSync(xlsx))).rows).toBe(200);
    expect((await run('persons-ok.parquet', readFileSync(parquet))).rows).toBe(3000);
  });

  it('refuses a workbook that unpacks to more than the limit', async () => {
    const r = await run('persons-big.xlsx', readFileSync(xlsx), 4096);
    expect(r.rows).toBe(0);
    expect(r.file.problems[0]!.code).toBe('IMPORT_UNPACKED_TOO_LARGE');
  });

  it('refuses a zip bomb (1.9 GB declared) with the default limit, without unpacking it', async () => {
    const bomb = Buffer.from(readFileSync(xlsx));
    const cd = bomb.readUInt32LE(bomb.length - 22 + 16);
    bomb.writeUInt32LE(1_900_000_000, cd + 24);
    const before = process.memoryUsage().rss;
    const r = await run('persons-bomb.xlsx', bomb);
    expect(r.file.problems[0]!.code).toBe('IMPORT_UNPACKED_TOO_LARGE');
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses a truncated workbook as a broken archive, and the store stays empty', async () => {
    const b = readFileSync(xlsx);
    const r = await run('persons-cut.xlsx', b.subarray(0, Math.floor(b.length / 2)));
    expect(r.rows).toBe(0);
    expect(r.file.outcome).toBe('rejected');
    expect(r.file.problems[0]!.code).toBe('IMPORT_BROKEN_ARCHIVE');
  });

  it('refuses a Parquet file over the limit, or one that is cut off', async () => {
    const big = await run('persons-big.parquet', readFileSync(parquet), 1024);
    expect(big.file.problems[0]!.code).toBe('IMPORT_UNPACKED_TOO_LARGE');
    const b = readFileSync(parquet);
    const cut = await run('persons-cut.parquet', b.subarray(0, b.length - 100));
    expect(cut.file.problems[0]!.code).toBe('IMPORT_BROKEN_PARQUET');
    expect(cut.rows).toBe(0);
  });
});
