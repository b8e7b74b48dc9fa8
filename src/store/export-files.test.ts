import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, writeSourceFiles, type Engine } from './index.js';

// The store is locked by default (no file access from a query); these tests read and write
// files in the system temp folder and the repository, so they open it for those folders only.
const TEST_FILES = { directories: [tmpdir(), process.cwd()] };

const dir = mkdtempSync(join(tmpdir(), 'idw-export-'));
let db: Engine;

beforeAll(async () => {
  db = await openStore(':memory:', { fileAccess: TEST_FILES });
  await db.exec(`
    INSERT INTO language_coaching_hours VALUES ('nodw', DATE '2014-01-01', DATE '2014-12-31', 7656), ('ibo_t', DATE '2014-01-01', DATE '2014-12-31', 2177.5);
    INSERT INTO manual_values VALUES ('TD2.2.A', '2016', 42.25, 'percent', 'Enquête werkgevers – synthetisch', NULL);
    INSERT INTO persons VALUES ('P2', NULL, 1990, 'F', 'high', 'SY', 'SY', true, 'middle_east'),
                               ('P1', '90010100123', 1985, 'M', 'low', 'BE', 'BE', false, 'belgian');`);
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('writeSourceFiles', () => {
  it('writes Belgian CSV: semicolons, decimal comma, dd/mm/yyyy, Windows-1252, true/false, empty null', async () => {
    const out = join(dir, 'be');
    const files = await writeSourceFiles(db, out, {
      tables: ['language_coaching_hours', 'manual_values', 'persons'],
    });
    expect(files.map((f) => [f.table, f.rows])).toEqual([
      ['persons', 2],
      ['language_coaching_hours', 2],
      ['manual_values', 1],
    ]);
    const read = (t: string) => iconv.decode(readFileSync(join(out, `${t}.csv`)), 'win1252');
    expect(read('language_coaching_hours')).toBe(
      'kind;period_start;period_end;hours\nibo_t;01/01/2014;31/12/2014;2177,5\nnodw;01/01/2014;31/12/2014;7656,0\n',
    );
    expect(read('persons').split('\n').slice(0, 3)).toEqual([
      'person_id;national_register_number;birth_year;sex;education_level;nationality;first_nationality;migration_background;origin_group',
      'P1;90010100123;1985;M;low;BE;BE;false;belgian',
      'P2;;1990;F;high;SY;SY;true;middle_east',
    ]);
    const raw = readFileSync(join(out, 'manual_values.csv'));
    expect(raw.includes(Buffer.from([0x96]))).toBe(true); // the en dash in Windows-1252
    expect(read('manual_values')).toContain('42,25;percent;Enquête werkgevers – synthetisch;\n');
  });

  it('writes standard CSV in UTF-8 with commas and ISO dates', async () => {
    const out = join(dir, 'std');
    await writeSourceFiles(db, out, {
      style: 'standard',
      tables: ['manual_values', 'language_coaching_hours'],
    });
    expect(readFileSync(join(out, 'language_coaching_hours.csv'), 'utf8').split('\n')[1]).toBe(
      'ibo_t,2014-01-01,2014-12-31,2177.5',
    );
    expect(readFileSync(join(out, 'manual_values.csv'), 'utf8')).toContain(
      'Enquête werkgevers – synthetisch',
    );
  });

  it('round-trips Parquet with its types', async () => {
    const out = join(dir, 'pq');
    await writeSourceFiles(db, out, { format: 'parquet', tables: ['persons'] });
    const rows = await db.query(
      `SELECT * FROM read_parquet('${join(out, 'persons.parquet')}') EXCEPT SELECT * FROM persons`,
    );
    expect(rows).toEqual([]);
    const [n] = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM read_parquet('${join(out, 'persons.parquet')}')`,
    );
    expect(n!.n).toBe(2);
  });

  it('writes XLSX with a header row, real dates, numbers and booleans', async () => {
    const out = join(dir, 'x');
    await writeSourceFiles(db, out, {
      format: 'xlsx',
      tables: ['persons', 'language_coaching_hours'],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'language_coaching_hours.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'kind', 'period_start', 'period_end', 'hours']);
    expect(ws.getRow(2).getCell(1).value).toBe('ibo_t');
    expect((ws.getRow(2).getCell(2).value as Date).toISOString()).toBe('2014-01-01T00:00:00.000Z');
    expect(ws.getRow(2).getCell(4).value).toBe(2177.5);
    const wp = new ExcelJS.Workbook();
    await wp.xlsx.readFile(join(out, 'persons.xlsx'));
    const p2 = wp.worksheets[0]!.getRow(3);
    expect(p2.getCell(1).value).toBe('P2');
    expect(p2.getCell(2).value).toBeNull();
    expect(p2.getCell(8).value).toBe(true);
  });
});
