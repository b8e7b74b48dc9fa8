import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDisclosure } from './check-disclosure.js';
import { DATA_COLUMNS, fromDataRows, toDataRows } from './data-rows.js';
import { count, exactGridBounds, grid, resultSet, short, TH } from './fixtures.testing.js';
import { protect } from './protect.js';
import { readOutput } from './read-output.js';

const dir = mkdtempSync(join(tmpdir(), 'idw-protect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writeAnnex(
  file: string,
  rows: Record<string, unknown>[],
  extra?: (wb: ExcelJS.Workbook) => void,
) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.addRow([...DATA_COLUMNS]);
  for (const r of rows) ws.addRow(DATA_COLUMNS.map((c) => r[c] ?? null));
  extra?.(wb);
  await wb.xlsx.writeFile(file);
}

const table = [count({}, 100), count({ r: 'a' }, 3), count({ r: 'b' }, 40), count({ r: 'c' }, 57)];
const safe = protect(resultSet(table), { audience: 'public', thresholds: TH });

describe('Data sheet rows', () => {
  it('round-trips protected cells, with empty numbers for suppressed ones', () => {
    const rows = toDataRows(safe.cells);
    expect(rows[1]).toMatchObject({
      breakdown: 'r=a',
      value: null,
      disclosure: 'suppressed',
      symbol: 'x',
    });
    expect(rows[0]!.breakdown).toBe('');
    const back = fromDataRows(rows);
    expect(back.map((c) => [c.breakdown, c.value, c.disclosure])).toEqual(
      safe.cells.map((c) => [c.breakdown, c.value, c.disclosure]),
    );
  });

  it('writes two-way breakdowns as dim=code;dim2=code, sorted', () => {
    expect(
      toDataRows([{ ...count({ sex: 'F', region: 'ant' }, 9), disclosure: 'shown' }])[0]!.breakdown,
    ).toBe('region=ant;sex=F');
  });
});

describe('check-disclosure on published files', () => {
  it('passes a protected JSON and XLSX annex, fails an unprotected one', async () => {
    const json = join(dir, 'ok.json');
    writeFileSync(json, JSON.stringify(safe));
    const xlsx = join(dir, 'ok.xlsx');
    await writeAnnex(xlsx, toDataRows(safe.cells));
    const outs = [await readOutput(json), await readOutput(xlsx)];
    expect(outs[1]!.cells).toHaveLength(4);
    expect(checkDisclosure(outs, TH).problems).toEqual([]);

    // A producer that forgot the complement: region b shown.
    const leaky = toDataRows(safe.cells).map((r) =>
      r.breakdown === 'r=b' ? { ...r, value: 40, disclosure: 'shown', symbol: null } : r,
    );
    const bad = join(dir, 'bad.xlsx');
    await writeAnnex(bad, leaky);
    const res = checkDisclosure([await readOutput(bad)], TH);
    expect(res.exposures).toEqual([
      { cell: 'R|i|value|2016||||r=a', kind: 'pinned', quantity: 'value', lo: 3, hi: 3 },
    ]);
  });

  it('refuses a Data sheet with another header', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Data').addRow(['key', 'value']);
    const f = join(dir, 'hdr.xlsx');
    await wb.xlsx.writeFile(f);
    await expect(readOutput(f)).rejects.toMatchObject({ code: 'PROTECT_DATA_SHEET' });
  });

  it('fails on pseudonymised ids and person-level rows', async () => {
    const withId = {
      ...safe,
      cells: safe.cells.map((c, i) => (i === 0 ? { ...c, person_id: 'p1' } : c)),
    };
    const f = join(dir, 'pid.json');
    writeFileSync(f, JSON.stringify(withId));
    expect(checkDisclosure([await readOutput(f)], TH).problems.map((p) => p.code)).toContain(
      'PROTECT_PERSON_ROWS',
    );

    const x = join(dir, 'persons.xlsx');
    await writeAnnex(x, toDataRows(safe.cells), (wb) => {
      const ws = wb.addWorksheet('Lijst');
      ws.addRow(['naam', 'id']);
      ws.addRow(['x', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08']);
      const ws2 = wb.addWorksheet('Personen');
      ws2.addRow(['person_id', 'sex']);
      ws2.addRow(['abc', 'F']);
    });
    const codes = checkDisclosure([await readOutput(x)], TH).problems.map((p) => p.code);
    expect(codes).toContain('PROTECT_PERSON_ROWS');
    // A 64-hex value under a column named `id` is treated as a hash of a definition, not a person.
    const y = join(dir, 'nrn.xlsx');
    await writeAnnex(y, toDataRows(safe.cells), (wb) => {
      const ws = wb.addWorksheet('Notes');
      ws.addRow(['note', 'ref']);
      ws.addRow(['rrn', '85.07.30-033.28']);
      ws.addRow(['pseudonym', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b']);
    });
    const problems = checkDisclosure([await readOutput(y)], TH).problems;
    expect(problems.map((p) => p.code)).toEqual(['PROTECT_PSEUDONYM', 'PROTECT_PSEUDONYM']);
  });
});

describe('property: protected random tables cannot be pinned', () => {
  const values = fc.integer({ min: 0, max: 40 }).map((v) => (v > 12 ? v : v % 7));
  const gridArb = fc
    .tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 }))
    .chain(([r, c]) =>
      fc.array(fc.array(values, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
    );

  it('check-disclosure finds nothing, and exhaustive search agrees', () => {
    fc.assert(
      fc.property(gridArb, (g) => {
        const cells = protect(resultSet(grid(g)), { audience: 'public', thresholds: TH }).cells;
        expect(
          checkDisclosure([{ file: 'g', kind: 'json', cells, personal: [] }], TH).problems,
        ).toEqual([]);
        // Independent attack: exact integer bounds by exhaustive search over the grid relations.
        const known = new Map(
          cells.filter((c) => c.disclosure === 'shown').map((c) => [short(c), c.value!]),
        );
        const total = g.flat().reduce((a, b) => a + b, 0);
        const truth = new Map(grid(g).map((c) => [short(c), c.value!]));
        for (const [name, [lo, hi]] of exactGridBounds(g.length, g[0]!.length, known, total)) {
          const v = truth.get(name)!;
          expect(lo <= v && v <= hi).toBe(true);
          const pinned = lo < TH.count && hi - lo < TH.count && hi > 0;
          const recomputed = lo === hi && v > 0;
          expect({ name, pinned, recomputed }).toEqual({ name, pinned: false, recomputed: false });
        }
      }),
      { numRuns: 40, seed: 20180410 },
    );
  });
});
