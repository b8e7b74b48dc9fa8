import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../plan/index.js';
import { daysBetween } from '../../shared/index.js';
import { compute } from '../index.js';
import { storeWith, type Data } from '../testing/random-store.js';

const PLAN = parsePlan(
  `
plan: { id: t, title: { nl: t, en: t }, organisation: o, period: { from: '2016-01-01', to: '2018-12-31' }, source: s }
objectives:
  - { id: SD1, level: strategic, text: { nl: a, en: a }, short: { nl: a, en: a } }
results:
  - { id: SD1.A, objective: SD1, text: { nl: a, en: a }, short: { nl: a, en: a }, status: defined, indicators: [duration] }
populations:
  all: { title: { nl: d, en: d }, definition: { nl: d, en: d }, where: [{ column: registrations.region, in: [ant] }] }
indicators:
  - { id: duration, kind: duration, population: all, segments: [last-action-outflow], estimators: [km, finished-only], title: { nl: a, en: a }, definition: { nl: a, en: a } }
`,
  'duration.yaml',
);

// Five registrations in 2016, all ended; each with one finished action. For three of them the
// action ends after the registration did (outflow during the action): a negative duration.
const CASES: [string, string, string][] = [
  // registered, action ended, registration ended
  ['2016-01-10', '2016-03-01', '2016-02-20'], // −10
  ['2016-02-01', '2016-05-01', '2016-04-01'], // −30
  ['2016-03-01', '2016-06-10', '2016-06-05'], // −5
  ['2016-04-01', '2016-06-01', '2016-06-21'], // 20
  ['2016-05-01', '2016-07-01', '2016-09-09'], // 70
];

function data(): Data {
  const d: Data = {
    persons: [],
    registrations: [],
    spells: [],
    residence: [],
    actions: [],
    contacts: [],
    coaching: [],
  };
  CASES.forEach(([reg, actEnd, end], i) => {
    d.persons.push({
      person_id: `p${i}`,
      birth_year: 1990,
      sex: 'F',
      education_level: 'low',
      migration_background: true,
      origin_group: 'maghreb',
    });
    d.registrations.push({
      registration_id: `r${i}`,
      person_id: `p${i}`,
      registered_on: reg,
      ended_on: end,
      end_reason: 'other',
      dutch_language_deficit: true,
      region: 'ant',
    });
    d.actions.push({
      action_id: `a${i}`,
      person_id: `p${i}`,
      registration_id: `r${i}`,
      action_type: 'nt2_course',
      provider: 'vdab',
      started_on: reg,
      ended_on: actEnd,
    });
  });
  return d;
}

describe('durations with a milestone before the previous one', () => {
  it('keeps the negative durations in the quantiles, counts them on every cell and names the estimator', async () => {
    const engine = await storeWith(data());
    try {
      const rs = await compute(engine, PLAN, { asOf: '2017-12-31', grains: ['year'] });
      const cells = rs.cells.filter((c) => c.indicator === 'duration' && c.period === '2016');
      const durations = CASES.map(([, a, e]) => daysBetween(a, e)).sort((x, y) => x - y);
      expect(durations).toEqual([-30, -10, -5, 20, 70]);
      const at = (measure: string, variant?: string) =>
        cells.find((c) => c.measure === `last-action-outflow.${measure}` && c.variant === variant);
      // Nothing open: the Kaplan–Meier median is the middle duration, −5 (not clamped to 0);
      // the first quartile is the second duration (S drops to 0.6 at −10, to ≤ 0.75 first there).
      expect(at('median', 'km')?.value).toBe(-5);
      expect(at('p25', 'km')?.value).toBe(-10);
      expect(at('median', 'finished-only')?.value).toBe(-5);
      expect(at('p25', 'finished-only')?.value).toBe(-10);
      for (const c of cells) expect(c.negative, c.measure).toBe(3);
      expect(at('median', 'km')?.estimator).toBe('kaplan-meier');
      expect(at('median', 'finished-only')?.estimator).toBe('crude');
    } finally {
      await engine.close();
    }
  });
});
