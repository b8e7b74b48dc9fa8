import { tmpdir } from 'node:os';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { importFiles } from './index.js';

// The store is locked by default (no file access from a query); these tests read and write
// files in the system temp folder and the repository, so they open it for those folders only.
const TEST_FILES = { directories: [tmpdir(), process.cwd()] };

// The malformed-file corpus: each file's expected quarantine (line, code, column) and loaded count
// were written by hand from the file's text (test/fixtures/import/make-fixtures.py), not by the import.
const root = new URL('../../test/fixtures/import/', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(join(root, 'expected.json'), 'utf8')) as Record<
  string,
  {
    loaded: number;
    quarantinedRows: number;
    quarantine: [number, string, string | null][];
    problems: string[];
    outcome: string;
    table?: string;
  }
>;
const key = { bytes: Buffer.from('corpus-test-key-0123456789') };
const now = () => new Date('2026-01-01T00:00:00Z');

async function freshStore() {
  const db = await openStore(':memory:', { fileAccess: TEST_FILES });
  const base = await importFiles(db, {
    paths: [join(root, 'base', 'persons.csv'), join(root, 'base', 'registrations.csv')],
    key,
    now,
  });
  expect(base.totals).toEqual({ read: 3, loaded: 3, quarantined: 0 });
  return db;
}

describe('malformed-file corpus', () => {
  const files = readdirSync(join(root, 'corpus')).sort();
  it('has at least 30 files, each with an expectation', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  for (const file of files) {
    it(`${file}: quarantines exactly the expected rows and loads every other row`, async () => {
      const exp = expected[file]!;
      const db = await freshStore();
      const before = await db.query<{ n: number }>('SELECT count(*) AS n FROM quarantine');
      const s = await importFiles(db, { paths: [join(root, 'corpus', file)], key, now });
      const r = s.files[0]!;
      expect(r.outcome).toBe(exp.outcome);
      expect(r.rowsLoaded).toBe(exp.loaded);
      expect(r.rowsQuarantined).toBe(exp.quarantinedRows);
      expect(r.rowsLoaded + r.rowsQuarantined).toBe(r.rowsRead);
      if (exp.table) expect(r.table).toBe(exp.table);
      for (const p of exp.problems) expect(r.problems.map((x) => x.code)).toContain(p);
      const q = await db.query<{ line: number; code: string; column_name: string | null }>(
        'SELECT line, code, column_name FROM quarantine WHERE import_id = $1 ORDER BY line, code, column_name',
        [s.importId],
      );
      const sortKey = (x: [number, string, string | null]) => `${x[0]}|${x[1]}|${x[2]}`;
      expect(q.map((x) => sortKey([x.line, x.code, x.column_name])).sort()).toEqual(
        exp.quarantine.map(sortKey).sort(),
      );
      expect(before[0]!.n).toBe(0);
      if (r.table) {
        const base = r.table === 'persons' ? 2 : r.table === 'registrations' ? 1 : 0;
        const [n] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${r.table}`);
        expect(n!.n - base).toBe(exp.loaded);
      }
      await db.close();
    });
  }
});
