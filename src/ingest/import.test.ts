import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, snapshotId } from '../store/index.js';
import { importExitCode, importFiles } from './index.js';

// The store is locked by default (no file access from a query); these tests read and write
// files in the system temp folder and the repository, so they open it for those folders only.
const TEST_FILES = { directories: [tmpdir(), process.cwd()] };

const dir = mkdtempSync(join(tmpdir(), 'idw-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = { bytes: Buffer.from('import-test-key-0123456789') };
const P =
  'person_id;national_register_number;birth_year;sex;education_level;nationality;first_nationality;migration_background;origin_group';
const R =
  'registration_id;person_id;registered_on;ended_on;end_reason;category;dutch_language_deficit;dutch_level;region';
const person = (id: string, nrn = '', sex = 'M') =>
  `${id};${nrn};1985;${sex};low;SY;SY;true;middle_east`;
const reg = (id: string, pid: string, on: string) =>
  `${id};${pid};${on};;;unemployed_benefit;true;none;ant`;
function file(name: string, ...lines: string[]): string {
  const p = join(dir, name);
  writeFileSync(p, lines.join('\n') + '\n');
  return p;
}

describe('import', () => {
  it('loads the same content only once, and says so', async () => {
    const db = await openStore(':memory:', { fileAccess: TEST_FILES });
    const f = file('persons-a.csv', P, person('A1'), person('A2'));
    const first = await importFiles(db, { paths: [f], key });
    expect(first.totals.loaded).toBe(2);
    const copy = file('persons-a-copy.csv', P, person('A1'), person('A2'));
    const again = await importFiles(db, { paths: [f, copy], key });
    expect(again.files.map((x) => x.outcome)).toEqual(['duplicate', 'duplicate']);
    expect(again.files[0]!.problems[0]!.code).toBe('IMPORT_ALREADY_IMPORTED');
    expect(importExitCode(again)).toBe(0);
    expect((await db.query('SELECT count(*) AS n FROM persons'))[0]!.n).toBe(2);
    await db.close();
  });

  it('--strict loads nothing when any row fails, and leaves the store as it was', async () => {
    const db = await openStore(':memory:', { fileAccess: TEST_FILES });
    await importFiles(db, { paths: [file('persons-s0.csv', P, person('S0'))], key });
    const before = await snapshotId(db);
    const logBefore = await db.query('SELECT * FROM import_log');
    const good = file('persons-s1.csv', P, person('S1'), person('S2'));
    const bad = file(
      'registrations-s.csv',
      R,
      reg('RS1', 'S1', '2016-01-01'),
      reg('RS2', 'S9', '2016-01-01'),
    );
    const s = await importFiles(db, { paths: [good, bad], key, strict: true });
    expect(s.committed).toBe(false);
    expect(s.files.map((x) => x.outcome)).toEqual(['rolled_back', 'rolled_back']);
    expect(importExitCode(s)).toBe(1);
    expect(await snapshotId(db)).toBe(before);
    expect(await db.query('SELECT * FROM import_log')).toEqual(logBefore);
    expect(await db.query('SELECT * FROM quarantine')).toEqual([]);
    await db.close();
  });

  it('exit code 1 when nothing could be loaded because of errors', async () => {
    const db = await openStore(':memory:', { fileAccess: TEST_FILES });
    const s = await importFiles(db, {
      paths: [file('persons-bad.csv', P, person('B1', '', 'Q'))],
      key,
    });
    expect(s.files[0]!.outcome).toBe('rejected');
    expect(importExitCode(s)).toBe(1);
    await db.close();
  });

  it('replaces a period only when asked, and refuses rows outside that period', async () => {
    const db = await openStore(':memory:', { fileAccess: TEST_FILES });
    await importFiles(db, { paths: [file('persons-r.csv', P, person('R1'), person('R2'))], key });
    const v1 = file(
      'registrations-v1.csv',
      R,
      reg('X1', 'R1', '2016-02-01'),
      reg('X2', 'R1', '2017-02-01'),
    );
    await importFiles(db, { paths: [v1], key });
    // A corrected 2016 delivery without the explicit option collides with the stored keys.
    const v2 = file(
      'registrations-v2.csv',
      R,
      reg('X1', 'R2', '2016-03-01'),
      reg('X3', 'R2', '2016-04-01'),
      reg('X4', 'R2', '2018-01-01'),
    );
    const clash = await importFiles(db, { paths: [v2], key });
    expect(clash.byCode.IMPORT_KEY_EXISTS).toBe(1);
    const s = await importFiles(db, {
      paths: [
        file(
          'registrations-v3.csv',
          R,
          reg('X1', 'R2', '2016-03-01'),
          reg('X5', 'R2', '2018-01-01'),
        ),
      ],
      key,
      replacePeriod: { from: '2016-01-01', to: '2016-12-31' },
    });
    expect(s.files[0]!.rowsReplaced).toBe(2); // X1 (2016-02-01) and X3 (2016-04-01, loaded by the clash run)
    expect(s.byCode.IMPORT_OUTSIDE_PERIOD).toBe(1);
    const rows = await db.query<{ d: string }>(
      'SELECT registered_on AS d FROM registrations ORDER BY d',
    );
    expect(rows.map((r) => r.d)).toEqual(['2016-03-01', '2017-02-01', '2018-01-01']);
    await db.close();
  });

  it('refuses a key that differs from the one the store was filled with', async () => {
    const db = await openStore(':memory:', { fileAccess: TEST_FILES });
    await importFiles(db, { paths: [file('persons-k1.csv', P, person('K1'))], key });
    await expect(
      importFiles(db, {
        paths: [file('persons-k2.csv', P, person('K2'))],
        key: { bytes: Buffer.from('another-key-0123456789') },
      }),
    ).rejects.toThrow(/IMPORT_KEY_MISMATCH/);
    await db.close();
  });

  it('never lets a raw identifier reach the store, a message or the summary', async () => {
    const db = await openStore(':memory:', { fileAccess: TEST_FILES });
    const ids = ['RAWPERSON0001', 'RAWPERSON0002', 'RAWPERSON0003', 'RAWPERSON0004'];
    const nrns = ['85073003328', '01020312345', '85073003329'];
    const p = file(
      'persons-raw.csv',
      P,
      person(ids[0]!, nrns[0]),
      person(ids[1]!, nrns[1]),
      person(ids[2]!, nrns[2]),
      person(ids[3]!, '', 'Q'),
      person(ids[0]!, ''),
    );
    const r = file(
      'registrations-raw.csv',
      R,
      reg('RAWREG0001', ids[1]!, '2016-01-01'),
      reg('RAWREG0002', 'RAWPERSON9999', '2016-01-01'),
      reg('RAWREG0003', ids[1]!, '31/02/2016'),
    );
    const s = await importFiles(db, { paths: [p, r], key });
    expect(s.totals.quarantined).toBeGreaterThan(3);
    const raw = [
      ...ids,
      ...nrns,
      'RAWREG0001',
      'RAWREG0002',
      'RAWREG0003',
      'RAWPERSON9999',
      '850730',
      '0102031',
    ];
    const cols = await db.query<{ t: string; c: string }>(
      "SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE data_type = 'VARCHAR' AND table_schema = 'main'",
    );
    expect(cols.length).toBeGreaterThan(20);
    for (const { t, c } of cols) {
      const hits = await db.query(
        `SELECT ${c} AS v FROM ${t} WHERE ${raw.map((_, i) => `contains(${c}, $${i + 1})`).join(' OR ')}`,
        raw,
      );
      expect(hits, `${t}.${c}`).toEqual([]);
    }
    // The same search does find a value that is stored as it came (a control for the search).
    const control = await db.query(
      'SELECT origin_group FROM persons WHERE contains(origin_group, $1)',
      ['middle_east'],
    );
    expect(control.length).toBeGreaterThan(0);
    const text = JSON.stringify(s);
    for (const x of raw) expect(text).not.toContain(x);
    await db.close();
  });

  it('reads XLSX: dates as cells, a merged group row above the header, a chosen sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Toelichting').addRow(['Niet dit blad']);
    const ws = wb.addWorksheet('Data');
    ws.addRow(['Periode', '', 'Meting', '', '']);
    ws.mergeCells('A1:B1');
    ws.mergeCells('C1:E1');
    ws.addRow(['period_start', 'period_end', 'tool', 'metric', 'value']);
    ws.addRow([
      new Date(Date.UTC(2016, 0, 1)),
      new Date(Date.UTC(2016, 2, 31)),
      'website',
      'visits',
      12.5,
    ]);
    ws.addRow(['1/4/2016', '30/06/2016', 'website', 'visits', 'veel']);
    const f = join(dir, 'tool_usage.xlsx');
    await wb.xlsx.writeFile(f);
    const db = await openStore(':memory:', { fileAccess: TEST_FILES });
    const s = await importFiles(db, { paths: [f], key, sheet: 'Data' });
    const r = s.files[0]!;
    expect([r.table, r.rowsRead, r.rowsLoaded, r.rowsQuarantined]).toEqual(['tool_usage', 2, 1, 1]);
    expect(r.problems.map((p) => p.code)).toContain('IMPORT_ROWS_ABOVE_HEADER');
    expect(await db.query('SELECT line, code FROM quarantine')).toEqual([
      { line: 4, code: 'IMPORT_BAD_NUMBER' },
    ]);
    expect(await db.query('SELECT period_start, period_end, value FROM tool_usage')).toEqual([
      { period_start: '2016-01-01', period_end: '2016-03-31', value: 12.5 },
    ]);
    await db.close();
  });

  it('refuses an XLSX whose header row itself has merged cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad1');
    ws.addRow(['kind', 'period_start', 'period', 'hours']);
    ws.mergeCells('B1:C1');
    ws.addRow(['nodw', '2016-01-01', '2016-12-31', 100]);
    const f = join(dir, 'language_coaching_hours.xlsx');
    await wb.xlsx.writeFile(f);
    const db = await openStore(':memory:', { fileAccess: TEST_FILES });
    const s = await importFiles(db, { paths: [f], key });
    expect(s.files[0]!.outcome).toBe('rejected');
    expect(s.files[0]!.problems.map((p) => p.code)).toEqual(['IMPORT_MERGED_HEADER']);
    expect(importExitCode(s)).toBe(1);
    await db.close();
  });

  it('reads Parquet with typed columns', async () => {
    const db = await openStore(':memory:', { fileAccess: TEST_FILES });
    const f = join(dir, 'staff_trainings.parquet');
    await db.exec(
      `COPY (SELECT * FROM (VALUES ('T1', 'spoor21', 'diversity', DATE '2016-05-01', 12), ('T2', 'vdab', 'nope', DATE '2016-05-02', 3)) v(training_id, provider, topic, held_on, participants)) TO '${f}' (FORMAT parquet)`,
    );
    const s = await importFiles(db, { paths: [f], key });
    expect([s.files[0]!.rowsLoaded, s.files[0]!.rowsQuarantined]).toEqual([1, 1]);
    expect(await db.query('SELECT line, code, column_name FROM quarantine')).toEqual([
      { line: 2, code: 'IMPORT_BAD_CODE', column_name: 'topic' },
    ]);
    await db.close();
  });
});
