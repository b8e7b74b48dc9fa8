import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_TABLES } from '../src/contract/index.js';
import { generate } from '../src/generate/index.js';
import { importFiles } from '../src/ingest/index.js';
import { openStore, writeSourceFiles, type Row } from '../src/store/index.js';

// The store is locked by default (no file access from a query); these tests read and write
// files in the system temp folder and the repository, so they open it for those folders only.
const TEST_FILES = { directories: [tmpdir(), process.cwd()] };

// Round trip: generated data written as source files in four styles, imported into fresh stores,
// equals the generated tables. Identifying columns are compared after the same HMAC-SHA-256,
// computed here independently with node:crypto.
const dir = mkdtempSync(join(tmpdir(), 'idw-import-rt-'));
const secret = 'round-trip-generated-key-0123';
const hmac = (v: string) => createHmac('sha256', secret).update(v).digest('hex');
const expected: Record<string, string[]> = {};

beforeAll(async () => {
  const src = await openStore(join(dir, 'generated.duckdb'), { fileAccess: TEST_FILES });
  await generate(src, { persons: 400, seed: 7, from: '2015-01-01', to: '2018-12-31' });
  for (const t of CONTRACT_TABLES) {
    const rows = await src.query<Row>(`SELECT * FROM ${t.name}`);
    expected[t.name] = rows
      .map((r) => {
        const o: Row = { ...r };
        for (const f of t.fields)
          if (f.sensitivity === 'identifying' && o[f.name] !== null)
            o[f.name] = hmac(
              f.name === 'national_register_number'
                ? String(o[f.name]).replace(/[\s.\-/]/g, '')
                : String(o[f.name]),
            );
        return JSON.stringify(o);
      })
      .sort();
  }
  for (const [name, opts] of Object.entries(STYLES))
    await writeSourceFiles(src, join(dir, name), opts);
  await src.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STYLES = {
  'belgian-csv': { format: 'csv', style: 'belgian' },
  'standard-csv': { format: 'csv', style: 'standard' },
  parquet: { format: 'parquet' },
  xlsx: { format: 'xlsx' },
} as const;

describe('import round trip of generated data', () => {
  it('the generator filled every table it should', () => {
    expect(expected.persons!.length).toBe(400);
    expect(expected.registrations!.length).toBeGreaterThan(0);
  });
  for (const name of Object.keys(STYLES)) {
    it(`${name}: imported tables equal the generated ones`, async () => {
      const db = await openStore(':memory:', { fileAccess: TEST_FILES });
      const s = await importFiles(db, {
        paths: [join(dir, name)],
        key: { bytes: Buffer.from(secret) },
      });
      expect(s.byCode).toEqual({});
      expect(s.totals.quarantined).toBe(0);
      for (const t of CONTRACT_TABLES) {
        const got = (await db.query<Row>(`SELECT * FROM ${t.name}`))
          .map((r) => JSON.stringify(r))
          .sort();
        expect(got.length, t.name).toBe(expected[t.name]!.length);
        expect(got, t.name).toEqual(expected[t.name]);
      }
      await db.close();
    });
  }
});
