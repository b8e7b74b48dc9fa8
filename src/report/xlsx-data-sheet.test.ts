import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../plan/index.js';
import { DATA_COLUMNS } from '../protect/index.js';
import { buildReport } from './build-report.js';
import type { DataRow } from './model.js';
import { fixtureFindings, fixtureResultSet } from './test-fixture.js';
import { columnLetter } from './xlsx-data-sheet.js';
import { renderXlsx } from './xlsx-renderer.js';
import { readZip } from './zip-normalise.js';

const { plan } = await loadPlan(
  new URL('../../plans/integratie-door-werk.yaml', import.meta.url).pathname,
);
const rs = fixtureResultSet(plan);
const model = buildReport(plan, rs, fixtureFindings(rs), {
  lang: 'nl',
  audience: 'board',
  asOf: '2018-03-31',
  kind: 'overview',
});

/** Rows with every kind of value the sheet must carry unchanged. */
const awkward: DataRow[] = [
  'a & b <c> "d"',
  '  leading and trailing  ',
  'tab\there',
  'bell\u0007',
  'Überstunden – ½',
  '',
].map((s, i) =>
  Object.fromEntries(
    DATA_COLUMNS.map((c, j) => [
      c,
      j === 0
        ? `k${i}`
        : j === 1
          ? s
          : j === 9
            ? [0.1 + 0.2, -3, 1e-9, 12345678.5, 0, null][i]!
            : null,
    ]),
  ),
);

describe('Data sheet written directly', () => {
  it('names columns as Excel does', () => {
    const brute = (i: number) => {
      const all: string[] = [];
      const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
      all.push(...letters);
      for (const a of letters) for (const b of letters) all.push(a + b);
      return all[i];
    };
    for (const i of [0, 1, 18, 25, 26, 27, 51, 52, 701]) expect(columnLetter(i)).toBe(brute(i));
    expect(columnLetter(702)).toBe('AAA');
  });

  it('reads back through exceljs with every value as given (strings escaped, numbers exact, empties empty)', async () => {
    const buf = await renderXlsx({ ...model, data: awkward });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Gegevens')!;
    expect(ws.getRow(1).values).toEqual([undefined, ...DATA_COLUMNS]);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.rowCount).toBe(awkward.length + 1);
    awkward.forEach((row, i) => {
      const got = ws.getRow(i + 2);
      DATA_COLUMNS.forEach((c, j) => {
        const want = row[c] === '' ? null : row[c];
        const v = got.getCell(j + 1).value ?? null;
        // XML cannot hold a bell character: it becomes U+FFFD, visibly, not silently dropped.
        expect(v, `${i}:${c}`).toEqual(want === 'bell\u0007' ? 'bell\ufffd' : want);
      });
    });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const sheets = readZip(buf).filter((e) => e.name.startsWith('xl/worksheets/sheet'));
    const xml = sheets.at(-1)!.data.toString('utf8');
    expect(xml).toContain(
      `<dimension ref="A1:${String.fromCharCode(64 + DATA_COLUMNS.length)}${awkward.length + 1}"/>`,
    );
  });

  it('gives the same bytes on every run', async () => {
    const a = await renderXlsx(model);
    const b = await renderXlsx(model);
    expect(a.equals(b)).toBe(true);
  });
});
