import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../plan/index.js';
import { compute } from '../index.js';
import { SEED_HOURS, storeWith, type Data } from '../testing/random-store.js';

const PLAN = parsePlan(
  `
plan: { id: t, title: { nl: t, en: t }, organisation: o, period: { from: '2016-01-01', to: '2018-12-31' }, source: s }
objectives:
  - { id: SD1, level: strategic, text: { nl: a, en: a }, short: { nl: a, en: a } }
results:
  - { id: SD1.A, objective: SD1, text: { nl: a, en: a }, short: { nl: a, en: a }, status: defined, indicators: [hours] }
dimensions:
  coaching_kind: { title: { nl: k, en: k }, column: language_coaching_hours.kind }
indicators:
  - { id: hours, kind: sum, table: language_coaching_hours, date: period_start, measure: hours, title: { nl: a, en: a }, definition: { nl: a, en: a }, breakdowns: [[coaching_kind]] }
`,
  'hours.yaml',
);

/** Hours delivered per whole year, 2014–2017 as in the minister's answer, and a 2018 year. */
function yearly(): Data {
  const coaching = Object.entries({ ...SEED_HOURS, '2018': { nodw: 5000, ibo_t: 2810 } }).flatMap(
    ([y, v]) =>
      (['nodw', 'ibo_t'] as const).map((kind) => ({
        kind,
        period_start: `${y}-01-01`,
        period_end: `${y}-12-31`,
        hours: v[kind],
      })),
  );
  return {
    persons: [],
    registrations: [],
    spells: [],
    residence: [],
    actions: [],
    contacts: [],
    coaching,
  };
}

describe('values delivered per period', () => {
  it('at the demo cut-off 2018-03-31 give 2014–2017 as the answer, no 2018 year and no quarter', async () => {
    const engine = await storeWith(yearly());
    try {
      const rs = await compute(engine, PLAN, { asOf: '2018-03-31', grains: ['year', 'quarter'] });
      const total = rs.cells.filter((c) => Object.keys(c.breakdown).length === 0);
      const years = total.filter((c) => /^\d{4}$/.test(c.period));
      expect(Object.fromEntries(years.map((c) => [c.period, c.value]))).toEqual(
        Object.fromEntries(Object.entries(SEED_HOURS).map(([y, v]) => [y, v.nodw + v.ibo_t])),
      );
      for (const [y, v] of Object.entries(SEED_HOURS))
        expect(
          rs.cells.find((c) => c.period === y && c.breakdown.coaching_kind === 'nodw')?.value,
        ).toBe(v.nodw);
      // The year 2018 is not over: no cell at all, not even one marked "through 31 March".
      expect(rs.cells.some((c) => c.period.startsWith('2018') && c.value !== null)).toBe(false);
      expect(rs.cells.some((c) => c.period === '2018')).toBe(false);
      // A year's hours never appear under a quarter.
      expect(rs.cells.filter((c) => c.period.includes('Q') && c.value !== null)).toEqual([]);
    } finally {
      await engine.close();
    }
  });

  it('count in the year once it is over', async () => {
    const engine = await storeWith(yearly());
    try {
      const rs = await compute(engine, PLAN, { asOf: '2018-12-31', grains: ['year'] });
      expect(rs.cells.find((c) => c.period === '2018' && !c.breakdown.coaching_kind)?.value).toBe(
        7810,
      );
    } finally {
      await engine.close();
    }
  });
});
