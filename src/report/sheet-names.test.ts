import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../plan/index.js';
import { buildReport } from './build-report.js';
import { SHEET_NAME_MAX, safeSheetName, uniqueSheetNames } from './sheet-names.js';
import { fixtureFindings, fixtureResultSet } from './test-fixture.js';
import { renderXlsx } from './xlsx-renderer.js';

const { plan } = await loadPlan(
  new URL('../../plans/integratie-door-werk.yaml', import.meta.url).pathname,
);

/** Excel's rules for a sheet name, checked independently of the code under test. */
const excelAccepts = (s: string): boolean =>
  s.length >= 1 &&
  s.length <= 31 &&
  !/[[\]:*?/\\]/.test(s) &&
  !s.startsWith("'") &&
  !s.endsWith("'") &&
  s.toLowerCase() !== 'history';

describe('sheet names', () => {
  it('cuts a long objective title between words, never inside one', () => {
    const name = safeSheetName('SD1 Snel en duurzaam aan het werk na inschrijving');
    expect(name).toBe('SD1 Snel en duurzaam aan het…');
    expect(name.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
  });

  it("drops apostrophes at the ends and Excel's forbidden characters", () => {
    expect(safeSheetName("SD2 Werkgevers' ")).toBe('SD2 Werkgevers');
    expect(safeSheetName("'quoted'")).toBe('quoted');
    expect(safeSheetName('a/b:c*d?e[f]g\\h')).toBe('a b c d e f g h');
  });

  it('keeps the fixed sheets named and renames a series that clashes with one, ignoring case', () => {
    expect(
      uniqueSheetNames(['Definities', 'Opmerkingen', 'Gegevens', 'gegevens', 'History']),
    ).toEqual(['Definities', 'Opmerkingen', 'Gegevens', 'gegevens (2)', 'History (2)']);
  });

  it('always gives names Excel accepts, all different (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 60 }), { maxLength: 12 }), (raws) => {
        const names = uniqueSheetNames(raws);
        expect(names.every(excelAccepts)).toBe(true);
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
      }),
    );
  });

  it("writes a workbook for an objective title ending in ' and a series named Data (they used to crash the writer)", async () => {
    const hostile = {
      ...plan,
      objectives: plan.objectives.map((o) =>
        o.id === 'SD2'
          ? { ...o, short: { nl: "Werkgevers' ", en: "Employers' " } }
          : o.id === 'SD3'
            ? { ...o, short: { nl: 'Taal [NT2]: lessen/uren?', en: 'Language' } }
            : o,
      ),
      series: plan.series.map((s) => ({ ...s, id: 'Data' })),
    };
    for (const lang of ['nl', 'en'] as const) {
      const rs = fixtureResultSet(hostile);
      const model = buildReport(hostile, rs, fixtureFindings(rs), {
        lang,
        audience: 'board',
        asOf: '2018-03-31',
        kind: 'overview',
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await renderXlsx(model)) as unknown as ArrayBuffer);
      const names = wb.worksheets.map((w) => w.name);
      expect(names.every(excelAccepts), names.join(' | ')).toBe(true);
      expect(names).toContain(lang === 'nl' ? 'SD2 Werkgevers' : 'SD2 Employers');
      expect(names.slice(-3)).toEqual(
        lang === 'nl'
          ? ['Definities', 'Opmerkingen', 'Gegevens']
          : ['Definitions', 'Notes', 'Data'],
      );
      // The series sheet is still there; in English under a name of its own.
      expect(names).toContain(lang === 'nl' ? 'Data' : 'Data (2)');
    }
  });
});
