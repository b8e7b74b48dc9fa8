import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan, type Plan, type Target } from '../plan/index.js';
import { judgeTarget } from './judge-targets.js';
import { cell } from './test-cells.js';

/** A one-result plan: SD1.A counts inflow; its targets are given per test. */
function planWith(targets: readonly Partial<Target>[]): Plan {
  return parsePlan(
    `
plan: { id: p, title: { nl: a, en: a }, organisation: o, period: { from: '2020-01-01', to: '2024-12-31' }, source: s }
objectives: [{ id: SD1, level: strategic, text: { nl: a, en: a }, short: { nl: a, en: a } }]
results:
  - id: SD1.A
    objective: SD1
    text: { nl: a, en: a }
    short: { nl: a, en: a }
    status: defined
    indicators: [inflow]
    targets: ${JSON.stringify(targets)}
indicators:
  - { id: inflow, kind: count, of: inflow, title: { nl: a, en: a }, definition: { nl: a, en: a }, unit: persons }
`,
    'test.yaml',
  );
}
const c = (period: string, value: number | null, extra: object = {}) =>
  cell({ result: 'SD1.A', indicator: 'inflow', unit: 'persons', period, value, ...extra });
const judge = (plan: Plan, cells: ReturnType<typeof c>[]) =>
  judgeTarget(plan, plan.results[0]!, 0, cells);

describe('judging a target', () => {
  it('judges a year target only against that year, never against a later quarter', () => {
    const plan = planWith([{ value: 400, period: '2022', direction: 'at-least' }]);
    // The old rule took the latest cell (2024 Q3, 149) and said "not yet met".
    const v = judge(plan, [c('2022', 486), c('2024-Q3', 149), c('2024', 300)]);
    expect(v).toMatchObject({ status: 'met', period: '2022', value: 486 });
    expect(judge(plan, [c('2022', 399)]).status).toBe('not-met');
  });

  it('before the target period, follows the straight path from the baseline, with the tolerance', () => {
    const plan = planWith([
      {
        value: 400,
        period: '2024',
        direction: 'at-least',
        baseline: { value: 100, period: '2020' },
        tolerance: 10,
      },
    ]);
    // 2022 is half-way: the path stands at 250; 240 is within the tolerance, 239 is not.
    expect(judge(plan, [c('2021', 500), c('2022', 240)])).toMatchObject({
      status: 'on-track',
      period: '2022',
      path: 250,
    });
    expect(judge(plan, [c('2022', 239)]).status).toBe('off-track');
    // A period cut short by the cut-off date is not a complete period.
    expect(judge(plan, [c('2022', 240), c('2023', 10, { through: '2023-03-31' })]).period).toBe(
      '2022',
    );
  });

  it('says pending without a baseline and no-data when the figure is suppressed', () => {
    const plan = planWith([{ value: 400, period: '2024', direction: 'at-most' }]);
    expect(judge(plan, [c('2022', 240)]).status).toBe('pending');
    const suppressed = c('2024', null, { disclosure: 'suppressed', reason: 'primary-count' });
    expect(judge(plan, [suppressed]).status).toBe('no-data');
  });

  it('judges an estimate by its interval: on track, off track or unclear', () => {
    const plan = planWith([{ value: 0.4, period: '2024', direction: 'at-least' }]);
    const est = (lo: number, hi: number) =>
      c('2024', (lo + hi) / 2, { status: 'censored', ci_low: lo, ci_high: hi });
    expect(judge(plan, [est(0.41, 0.5)]).status).toBe('on-track');
    expect(judge(plan, [est(0.3, 0.39)]).status).toBe('off-track');
    expect(judge(plan, [est(0.35, 0.45)])).toMatchObject({
      status: 'unclear',
      low: 0.35,
      high: 0.45,
    });
  });

  it('only ever reads the target period or a complete earlier period of the same grain (property)', () => {
    const periods = ['2020', '2021', '2022', '2023', '2024', '2022-Q1', '2023-Q4', '2025'];
    fc.assert(
      fc.property(
        fc.constantFrom('2022', '2023', '2024'),
        fc.array(fc.tuple(fc.constantFrom(...periods), fc.integer({ min: 0, max: 999 })), {
          maxLength: 8,
        }),
        fc.boolean(),
        (period, values, withBaseline) => {
          const plan = planWith([
            {
              value: 500,
              period,
              direction: 'at-least',
              ...(withBaseline ? { baseline: { value: 100, period: '2020' } } : {}),
            },
          ]);
          const cells = [...new Map(values).entries()].map(([p, v]) => c(p, v));
          const v = judge(plan, cells);
          if (v.period === undefined) return;
          expect(/^\d{4}$/.test(v.period)).toBe(true);
          expect(v.period <= period).toBe(true);
          if (v.period < period) expect(['on-track', 'off-track']).toContain(v.status);
          else expect(['met', 'not-met']).toContain(v.status);
        },
      ),
    );
  });
});
