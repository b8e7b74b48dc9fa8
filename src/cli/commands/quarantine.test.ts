import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'idw-cli-quarantine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const P =
  'person_id;national_register_number;birth_year;sex;education_level;nationality;first_nationality;migration_background;origin_group';

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  process.env.IDW_PSEUDONYM_KEY = 'cli-quarantine-test-key-01';
});
afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.IDW_PSEUDONYM_KEY;
});

interface Listed {
  total: number;
  entries: {
    importId: string;
    file: string;
    line: number;
    column: string;
    value: string;
    code: string;
  }[];
}

describe('idw quarantine', () => {
  it('lists the rejected rows of every import, or of one, with line, column, value and reason', async () => {
    const db = join(dir, 'q.duckdb');
    expect(await main(['init', '--db', db])).toBe(0);
    out = '';
    const a = join(dir, 'persons-a.csv');
    writeFileSync(
      a,
      [
        P,
        'A1;;1985;M;low;SY;SY;true;middle_east',
        'A2;;1985;Q;low;SY;SY;true;middle_east',
        '',
      ].join('\n'),
    );
    const b = join(dir, 'persons-b.csv');
    writeFileSync(
      b,
      [
        P,
        'B1;;1985;M;low;SY;SY;true;middle_east',
        'B2;;1985;M;low;SY;SY;true;\u001b[2Jmars',
        '',
      ].join('\n'),
    );
    expect(await main(['import', a, '--db', db, '--json'])).toBe(0);
    const first = (JSON.parse(out) as { importId: string }).importId;
    out = '';
    expect(await main(['import', b, '--db', db])).toBe(0);
    out = '';

    expect(await main(['quarantine', '--db', db, '--json'])).toBe(0);
    const all = JSON.parse(out) as Listed;
    expect(all.total).toBe(2);
    expect(all.entries.map((e) => [e.file, e.line, e.column, e.value, e.code])).toEqual([
      ['persons-a.csv', 3, 'sex', 'Q', 'IMPORT_BAD_CODE'],
      ['persons-b.csv', 3, 'origin_group', '\u001b[2Jmars', 'IMPORT_BAD_CODE'],
    ]);

    out = '';
    expect(await main(['quarantine', '--db', db, '--import', first, '--json'])).toBe(0);
    expect((JSON.parse(out) as Listed).entries.map((e) => e.file)).toEqual(['persons-a.csv']);

    out = '';
    expect(await main(['quarantine', '--db', db, '--lang', 'en'])).toBe(0);
    expect(out).toContain('persons-a.csv:3');
    expect(out).toContain('\\x1b[2Jmars');
    expect(out).not.toContain('\u001b');
    expect(out).toContain('2 row(s) quarantined.');

    out = '';
    expect(await main(['quarantine', '--db', db, '--limit', '1'])).toBe(0);
    expect(out).toContain('1 niet getoond');
  });

  it('an unknown import id or a missing store is wrong use (exit 2)', async () => {
    const db = join(dir, 'empty.duckdb');
    expect(await main(['init', '--db', db])).toBe(0);
    expect(await main(['quarantine', '--db', db, '--import', 'imp-nope'])).toBe(2);
    expect(err).toContain('IMPORT_UNKNOWN_IMPORT');
    expect(await main(['quarantine', '--db', join(dir, 'none.duckdb')])).toBe(2);
  });
});
