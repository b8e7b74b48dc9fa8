import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT_TABLES } from '../contract/index.js';
import { openStore } from '../store/index.js';
import { importFiles, type ImportSummary } from './index.js';

// The store is locked by default (no file access from a query); these tests read and write
// files in the system temp folder and the repository, so they open it for those folders only.
const TEST_FILES = { directories: [tmpdir(), process.cwd()] };

// The fast path may only take a file the exact path would load whole, and must then store exactly
// what the exact path stores. Each file below is imported twice into fresh stores, once with the
// fast path off (the exact path, which the hand-written corpus expectations test) and once with it
// on; summaries, every contract table, the quarantine and the import log must be identical.
const root = new URL('../../test/fixtures/import/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'idw-fast-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = { bytes: Buffer.from('fast-path-test-key-0123456789') };
const now = () => new Date('2026-01-01T00:00:00Z');
const base = [join(root, 'base', 'persons.csv'), join(root, 'base', 'registrations.csv')];

async function importBoth(paths: string[], withBase = true) {
  const out: { summary: ImportSummary; dump: string; paths: string[] }[] = [];
  for (const fastPath of [false, true]) {
    const db = await openStore(':memory:', { fileAccess: TEST_FILES });
    if (withBase) await importFiles(db, { paths: base, key, now, fastPath });
    const how: string[] = [];
    const summary = await importFiles(db, {
      paths,
      key,
      now,
      fastPath,
      onPath: (_f, h) => how.push(h),
    });
    const tables = [...CONTRACT_TABLES.map((t) => t.name), 'quarantine', 'import_log'];
    const dump: Record<string, unknown> = {};
    for (const t of tables) dump[t] = await db.query(`SELECT * FROM ${t} ORDER BY ALL`);
    out.push({ summary, dump: JSON.stringify(dump), paths: how });
    await db.close();
  }
  const [exact, fast] = out as [(typeof out)[0], (typeof out)[0]];
  expect(fast.summary).toEqual(exact.summary);
  expect(fast.dump).toBe(exact.dump);
  return fast.paths;
}

describe('fast path = exact path', () => {
  const files = readdirSync(join(root, 'corpus')).sort();
  const taken: string[] = [];
  for (const f of files)
    it(`corpus ${f}: same summary, tables, quarantine and log`, async () => {
      const how = await importBoth([join(root, 'corpus', f)]);
      if (how[0] === 'fast') taken.push(f);
    });
  it('the fast path took the clean UTF-8 corpus files, and only files without problems', () => {
    // Not vacuous: clean files of several tables and styles went the fast way.
    expect(taken).toEqual(
      expect.arrayContaining([
        '01-persons-utf8-comma.csv',
        '02-persons-utf8-bom-semicolon.csv',
        '07-tool_usage-decimal-point.csv',
      ]),
    );
    expect(taken.length).toBeGreaterThanOrEqual(5);
  });

  it('a clean Belgian file (day-first dates, ;) goes the fast way with typed dates', async () => {
    const p = join(dir, 'employment_spells.csv');
    writeFileSync(
      p,
      'spell_id;person_id;started_on;ended_on;sector\nE1;B1;01/02/2016;28/02/2017;C\nE2;B2;1/3/2016;;A\nE3;B1; 05/06/2016 ;;Q\n',
    );
    expect(await importBoth([p])).toEqual(['fast']);
  });

  // Dates the reader and the exact path might read differently: whitespace the reader skips,
  // special words, short or long years, month-first, ISO in a day-first file, impossible days.
  const traps = [
    '\t01/02/2016',
    '01/02/2016\t',
    'infinity',
    'epoch',
    '-infinity',
    '01/02/16',
    '01/02/016',
    '01/02/02016',
    '1/2/2016 ',
    ' 1/2/2016',
    '12/31/2016',
    '31/02/2016',
    '2016-02-01',
    '01/02/2016 00:00:00',
    '01-02-2016',
    '01/ 02/2016',
    '"01/02/2016"',
    '""',
    '00/01/2016',
    '01/01/1900',
    '31/12/2100',
    '01/01/2101',
    '31/12/1899',
  ];
  // Past the first 256 KB (the sample that decides how dates are read), the reader meets values
  // the sample did not show: its own odd readings must still send the file to the exact path.
  it('odd dates after the sample: both paths agree', async () => {
    const rows = Array.from({ length: 15000 }, (_, i) => `E${i};B${1 + (i % 2)};01/02/2016;;C`);
    for (const [i, odd] of ['infinity', 'epoch', '\t01/02/2016'].entries()) {
      const p = join(dir, `employment_spells_late_${i}.csv`);
      writeFileSync(
        p,
        `spell_id;person_id;started_on;ended_on;sector\n${rows.join('\n')}\nE99999;B1;${odd};;C\n`,
      );
      await importBoth([p]);
    }
  }, 60_000);

  const day = (y0: number, y1: number) =>
    fc
      .tuple(
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: y0, max: y1 }),
      )
      .map(([d, m, y]) => `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`);
  // Clean rows (end after start), then at most one odd value put in one place.
  const clean = fc.tuple(
    fc.constantFrom('B1', 'B2'),
    day(1990, 2009),
    fc.oneof(day(2010, 2030), fc.constant('')),
    fc.constantFrom('A', 'C', 'Q'),
  );
  const odd = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...traps) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        ' B1',
        'B1 ',
        'B3',
        'b1',
        '"B2"',
        ' A',
        'a',
        'ZZ',
        '',
        'E0',
        'E1 ',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789/ -.\tinfy'), maxLength: 12 }),
    },
  );
  const trap = fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 4 }), odd), { freq: 4 });
  let runs = 0;
  const how: Record<string, number> = {};
  it('random spell files, clean or with one odd value: both paths agree', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(clean, { minLength: 1, maxLength: 4 }), trap, async (rows, t) => {
        const cells = rows.map((r, i) => [`E${i}`, ...r]);
        if (t) cells[t[0] % cells.length]![t[1]] = t[2];
        const p = join(dir, `employment_spells_${runs++}.csv`);
        const lines = cells.map((c) => c.join(';'));
        writeFileSync(p, `spell_id;person_id;started_on;ended_on;sector\n${lines.join('\n')}\n`);
        const [h] = await importBoth([p]);
        how[h!] = (how[h!] ?? 0) + 1;
      }),
      { numRuns: 20, seed: 20261127 },
    );
    // Both outcomes occur (fixed seed, so the count is the same on every run).
    expect(how.fast).toBeGreaterThan(3);
    expect(20 - how.fast!).toBeGreaterThan(3);
  }, 180_000);
});
