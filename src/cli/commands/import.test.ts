import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'idw-cli-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const P =
  'person_id;national_register_number;birth_year;sex;education_level;nationality;first_nationality;migration_background;origin_group';
const write = (name: string, ...lines: string[]) => {
  writeFileSync(join(dir, name), lines.join('\n') + '\n');
  return join(dir, name);
};

let out = '';
let err = '';
/** A store made as a user would, with `idw init` (import never creates one). */
const store = async (name: string) => {
  const db = join(dir, name);
  expect(await main(['init', '--db', db])).toBe(0);
  return db;
};
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  process.env.IDW_PSEUDONYM_KEY = 'cli-import-test-key-0123';
});
afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.IDW_PSEUDONYM_KEY;
});

describe('idw import', () => {
  it('exit 0 with rows quarantined, said loudly; --json gives the summary', async () => {
    const f = write(
      'persons-1.csv',
      P,
      'P1;;1985;M;low;SY;SY;true;middle_east',
      'P2;;1985;Q;low;SY;SY;true;middle_east',
    );
    const db = await store('a.duckdb');
    expect(await main(['import', f, '--db', db, '--lang', 'en'])).toBe(0);
    expect(out).toContain('1 row(s) QUARANTINED');
    expect(out).toContain('IMPORT_BAD_CODE');
    expect(out).toContain('Total: 2 read = 1 loaded + 1 quarantined.');
    out = '';
    expect(await main(['import', f, '--db', db, '--json'])).toBe(0);
    const s = JSON.parse(out) as { files: { outcome: string }[]; exitCode: number };
    expect(s.files[0]!.outcome).toBe('duplicate');
  });

  it('exit 1 when nothing is loaded because of errors', async () => {
    const f = write('persons-2.csv', P, 'P3;;1985;Q;low;SY;SY;true;middle_east');
    expect(await main(['import', f, '--db', await store('b.duckdb')])).toBe(1);
    expect(err).toContain('IMPORT_NOTHING_LOADED');
  });

  it('exit 2 without a key, with a bad period or an unknown table', async () => {
    const f = write('persons-3.csv', P, 'P4;;1985;M;low;SY;SY;true;middle_east');
    const db = await store('c.duckdb');
    delete process.env.IDW_PSEUDONYM_KEY;
    expect(await main(['import', f, '--db', db])).toBe(2);
    expect(err).toContain('IMPORT_NO_KEY');
    process.env.IDW_PSEUDONYM_KEY = 'cli-import-test-key-0123';
    expect(await main(['import', f, '--db', db, '--replace-period', '2016'])).toBe(2);
    expect(await main(['import', f, '--db', db, '--table', 'nope'])).toBe(2);
  });
});
