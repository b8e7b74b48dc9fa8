import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT_TABLES, type Table } from '../contract/index.js';
import { openStore, type Row } from '../store/index.js';
import { importFiles } from './index.js';

// The store is locked by default (no file access from a query); these tests read and write
// files in the system temp folder and the repository, so they open it for those folders only.
const TEST_FILES = { directories: [tmpdir(), process.cwd()] };

// Round trip with a small hand-filled store of every contract table (the generator's file writer
// had not landed when this was written): written as Belgian CSV, standard CSV, Parquet and XLSX,
// imported into fresh stores, the tables must equal the originals, identifying columns compared
// after the same HMAC computed here with node:crypto.
const dir = mkdtempSync(join(tmpdir(), 'idw-roundtrip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const secret = 'round-trip-key-0123456789';
const key = { bytes: Buffer.from(secret) };
const hmac = (v: string) => createHmac('sha256', secret).update(v).digest('hex');

const ROWS: Record<string, unknown[][]> = {
  persons: [
    ['P1', '85073003328', 1985, 'M', 'low', 'SY', 'SY', true, 'middle_east'],
    ['P2', null, 2001, 'F', 'high', 'BE', 'MA', false, 'maghreb'],
  ],
  residence_status_spells: [
    ['P1', 'asylum_seeker', 'work_permit_c', '2015-10-01', '2016-06-30'],
    ['P1', 'recognised_refugee', 'unrestricted', '2016-07-01', null],
  ],
  registrations: [
    ['R1', 'P1', '2016-01-04', '2016-12-31', 'work', 'unemployed_benefit', true, 'none', 'ant'],
    ['R2', 'P2', '2016-02-29', null, null, 'other_jobseeker', false, 'good', 'bru'],
  ],
  contacts: [['K1', 'P1', 'R1', '2016-01-20', 'first_personal_service']],
  actions: [['A1', 'P1', 'R1', 'nt2_course', 'cvo', '2016-02-01', '2016-05-31', 'completed']],
  employment_spells: [['E1', 'P1', '2017-01-01', null, 'C']],
  interpreter_sessions: [['I1', '2016-03-03', 'ar', 'phone', 'lim']],
  campaigns: [
    [
      'C1',
      'TD2.2',
      'awareness',
      'Café "Divers"; één week',
      '2016-03-01',
      '2016-03-07',
      'event',
      1200,
      'Goed; "veel" reacties\nvervolg in 2017',
    ],
    [
      'C2',
      'TD3.1',
      'employer_information',
      'Infosessie werkgevers €',
      '2017-05-01',
      null,
      'mailing',
      null,
      null,
    ],
  ],
  tool_usage: [['website', '2016-01-01', '2016-03-31', 'visits', 1234.5]],
  partner_agreements: [['G1', 'ngo', 'Vluchtelingenwerk Vlaanderen', '2016-09-15', null, 'TD4.1']],
  staff_trainings: [['S1', 'spoor21', 'language_courtesy', '2016-10-10', 14]],
  language_coaching_hours: [
    ['nodw', '2016-01-01', '2016-12-31', 5012.25],
    ['ibo_t', '2016-01-01', '2016-12-31', 830],
  ],
  manual_values: [['TD2.2.A', '2016', 7, 'campaigns', 'jaarverslag', 'geteld met de hand']],
};

type Style = 'belgian' | 'standard';
function text(v: unknown, type: string, style: Style): string {
  if (v === null || v === undefined) return '';
  if (type === 'date' && style === 'belgian') {
    const [y, m, d] = String(v).split('-').map(Number);
    return `${d}/${m}/${y}`;
  }
  if (type === 'number' && style === 'belgian') return String(v).replace('.', ',');
  if (type === 'boolean') return style === 'belgian' ? (v ? 'ja' : 'nee') : String(v);
  return String(v);
}
function csv(t: Table, rows: Row[], style: Style): string {
  const sep = style === 'belgian' ? ';' : ',';
  const q = (s: string) => (/[;,"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [t.fields.map((f) => f.name).join(sep)];
  for (const r of rows)
    lines.push(t.fields.map((f) => q(text(r[f.name], f.type, style))).join(sep));
  const eol = style === 'belgian' ? '\r\n' : '\n';
  return lines.join(eol) + eol;
}

async function truthStore() {
  const db = await openStore(':memory:', { fileAccess: TEST_FILES });
  for (const t of CONTRACT_TABLES)
    for (const r of ROWS[t.name] ?? [])
      await db.query(
        `INSERT INTO ${t.name} VALUES (${t.fields.map((f, i) => `CAST($${i + 1} AS ${f.type === 'date' ? 'DATE' : f.type === 'integer' ? 'BIGINT' : f.type === 'number' ? 'DOUBLE' : f.type === 'boolean' ? 'BOOLEAN' : 'VARCHAR'})`).join(', ')})`,
        r as never[],
      );
  return db;
}

const ordered = (t: Table) => `SELECT * FROM ${t.name} ORDER BY ALL`;

describe('round trip: every table, four file styles', () => {
  for (const format of ['belgian-csv', 'standard-csv', 'parquet', 'xlsx'] as const) {
    it(`${format}: imported tables equal the originals`, async () => {
      const truth = await truthStore();
      const out = join(dir, format);
      mkdirSync(out, { recursive: true });
      for (const t of CONTRACT_TABLES) {
        const rows = await truth.query(`SELECT * FROM ${t.name}`);
        if (format === 'parquet')
          await truth.exec(
            `COPY ${t.name} TO '${join(out, `${t.name}.parquet`)}' (FORMAT parquet)`,
          );
        else if (format === 'xlsx') {
          const wb = new ExcelJS.Workbook();
          const ws = wb.addWorksheet(t.name);
          ws.addRow(t.fields.map((f) => f.name));
          for (const r of rows)
            ws.addRow(
              t.fields.map((f) => {
                const v = r[f.name];
                return f.type === 'date' && v ? new Date(`${v as string}T00:00:00Z`) : v;
              }),
            );
          await wb.xlsx.writeFile(join(out, `${t.name}.xlsx`));
        } else if (format === 'belgian-csv')
          writeFileSync(
            join(out, `${t.name}.csv`),
            iconv.encode(csv(t, rows, 'belgian'), 'windows-1252'),
          );
        else writeFileSync(join(out, `${t.name}.csv`), csv(t, rows, 'standard'));
      }
      const db = await openStore(':memory:', { fileAccess: TEST_FILES });
      const s = await importFiles(db, { paths: [out], key });
      expect(s.totals.quarantined).toBe(0);
      expect(s.files.every((f) => f.outcome === 'loaded')).toBe(true);
      for (const t of CONTRACT_TABLES) {
        const expected = (await truth.query(`SELECT * FROM ${t.name}`)).map((r) => {
          const o: Row = { ...r };
          for (const f of t.fields)
            if (f.sensitivity === 'identifying' && o[f.name] !== null)
              o[f.name] = hmac(String(o[f.name]));
          return o;
        });
        const got = await db.query(ordered(t));
        const sortRows = (rows: Row[]) => rows.map((r) => JSON.stringify(r)).sort();
        expect(sortRows(got), t.name).toEqual(sortRows(expected));
        expect(got.length, t.name).toBe((ROWS[t.name] ?? []).length);
      }
      await db.close();
      await truth.close();
    });
  }
});
