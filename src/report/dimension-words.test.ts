import { describe, expect, it } from 'vitest';
import { CONTRACT_TABLES } from '../contract/index.js';
import { loadPlan } from '../plan/index.js';
import { buildReport } from './build-report.js';
import { ageBandLabel, dimensionWords } from './dimension-words.js';
import { renderHtml } from './html-renderer.js';
import { fixtureFindings, fixtureResultSet } from './test-fixture.js';

const plans = await Promise.all(
  ['integratie-door-werk.yaml', 'example-small.yaml'].map(
    async (f) => (await loadPlan(new URL(`../../plans/${f}`, import.meta.url).pathname)).plan,
  ),
);
const plan = plans[0]!;

/** Text of the HTML as a reader sees it: element contents, entities decoded, SVG left out. */
function texts(html: string): string[] {
  const body = html.replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<style>[\s\S]*?<\/style>/g, '');
  return [...body.matchAll(/>([^<>]+)</g)]
    .map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim())
    .filter(Boolean);
}

describe('dimension words', () => {
  it('label every code of every dimension of both plans in Dutch and English', () => {
    for (const p of plans)
      for (const [d, def] of Object.entries(p.dimensions))
        for (const lang of ['nl', 'en'] as const) {
          const w = dimensionWords(p, lang);
          expect(w.dimension(d), d).toBe(def.title[lang]);
          const [table, column] = def.column.split('.');
          const field = CONTRACT_TABLES.find((t) => t.name === table)!.fields.find(
            (f) => f.name === column,
          )!;
          // Every closed list of the contract, and every age band, is reachable with a label.
          const expected = def.age_bands?.map((b) => b.code) ?? field.constraints.enum ?? [];
          if (field.type === 'boolean')
            expect(w.code(d, 'true')).toBe(lang === 'nl' ? 'ja' : 'yes');
          expect(w.codes(d), d).toEqual(expected);
          for (const c of expected) {
            const label = w.code(d, c);
            expect(label.trim(), `${d}=${c}`).not.toBe('');
            // A code with an underscore is an identifier, never a word for readers.
            expect(label, `${d}=${c}`).not.toContain('_');
          }
        }
  });

  it('sorts codes as the contract lists them and age bands from young to old', () => {
    const w = dimensionWords(plan, 'nl');
    expect(w.sort('region', ['wvl', 'zzz', 'ant', 'bru'])).toEqual(['ant', 'wvl', 'bru', 'zzz']);
    expect(w.sort('age_band', ['50+', '25-34', '<25', '35-49'])).toEqual([
      '<25',
      '25-34',
      '35-49',
      '50+',
    ]);
    expect(w.code('region', 'ant')).toBe('Antwerpen');
    expect(dimensionWords(plan, 'en').code('origin_group', 'maghreb')).toBe('Maghreb');
    expect(w.code('residence_status', 'unknown')).toBe('onbekend');
    expect(ageBandLabel({ code: '<25', to: 24 }, 'nl')).toBe('jonger dan 25');
    expect(ageBandLabel({ code: '50+', from: 50 }, 'en')).toBe('50 and over');
    expect(ageBandLabel({ code: '25-34', from: 25, to: 34 }, 'nl')).toBe('25–34 jaar');
  });

  it('leave no raw code in the rendered report where a label exists', () => {
    const rs = fixtureResultSet(plan);
    const used = new Map<string, Set<string>>();
    for (const c of rs.cells)
      for (const [d, code] of Object.entries(c.breakdown))
        (used.get(d) ?? used.set(d, new Set()).get(d)!).add(code);
    expect([...used.keys()].length).toBeGreaterThanOrEqual(8);
    for (const lang of ['nl', 'en'] as const) {
      const w = dimensionWords(plan, lang);
      for (const kind of ['quarterly', 'overview'] as const) {
        const model = buildReport(plan, rs, fixtureFindings(rs), {
          lang,
          audience: 'board',
          asOf: '2018-03-31',
          kind,
        });
        const all = texts(renderHtml(model, new Map()));
        const sheetTexts = model.sheets.flatMap((s) => s.table.rows.flat().map((c) => c.text));
        for (const [d, codes] of used)
          for (const code of codes) {
            const label = w.code(d, code);
            if (label === code) continue;
            const raw = [...all, ...sheetTexts].filter(
              (t) => t === code || t.split(/[\s,;:()]+/).includes(code),
            );
            expect(raw, `${lang} ${kind}: ${d}=${code}`).toEqual([]);
            if (kind === 'quarterly') expect(all, `${lang}: ${d}=${code}`).toContain(label);
          }
      }
    }
  });
});
