import { describe, expect, it } from 'vitest';
import { parsePlan } from '../plan/index.js';
import type { ProtectedCell } from '../protect/index.js';
import { changesSince, type PreviousReport } from './changes-since.js';
import { cell } from './test-cells.js';

const plan = parsePlan(
  `
plan: { id: p, title: { nl: a, en: a }, organisation: o, period: { from: '2016-01-01', to: '2018-12-31' }, source: s }
objectives: [{ id: SD1, level: strategic, text: { nl: a, en: a }, short: { nl: a, en: a } }]
results:
  - id: SD1.A
    objective: SD1
    text: { nl: a, en: a }
    short: { nl: Instroom, en: Inflow }
    status: defined
    indicators: [inflow]
    headline: { grain: year }
indicators:
  - { id: inflow, kind: count, of: inflow, title: { nl: a, en: a }, definition: { nl: a, en: a }, unit: persons }
`,
  'test.yaml',
);
const c = (period: string, value: number | null, extra: Partial<ProtectedCell> = {}) =>
  cell({ result: 'SD1.A', indicator: 'inflow', unit: 'persons', period, value, ...extra });
const previous = (cells: ProtectedCell[], def = 'd1'): PreviousReport => ({
  asOf: '2017-12-31',
  snapshot: 's1',
  plan: { hash: 'h' },
  cells: cells as unknown as PreviousReport['cells'],
  provenance: [{ id: 'test', definitionHash: def }],
});
const current = (cells: ProtectedCell[], def = 'd1') => ({
  snapshot: 's2',
  cells,
  provenance: [{ id: 'test', definitionHash: def }],
});

describe('headline figures changed since the previous report', () => {
  it('lists a changed value of a period already reported, with new data as the reason', () => {
    const [ch, ...rest] = changesSince(
      plan,
      current([c('2016', 110), c('2017', 120), c('2018', 130)]),
      previous([c('2016', 100), c('2017', 120)]),
    );
    expect(rest).toEqual([]);
    expect(ch).toMatchObject({ result: 'SD1.A', period: '2016', before: 100, after: 110 });
    expect(ch!.reason).toBe('new-data');
    expect(ch!.text.nl).toBe(
      'Instroom, 2016: 100 personen in het vorige rapport, nu 110 personen (nieuwe of verbeterde gegevens over die periode).',
    );
    expect(ch!.text.en).toContain(
      'Inflow, 2016: 100 persons in the previous report, now 110 persons',
    );
  });

  it('says why: a cohort now observed in full, or a changed definition', () => {
    const now = changesSince(
      plan,
      current([c('2016', 110)]),
      previous([c('2016', 100, { status: 'censored' })]),
    );
    expect(now[0]!.reason).toBe('now-complete');
    const def = changesSince(plan, current([c('2016', 110)], 'd2'), previous([c('2016', 100)]));
    expect(def[0]!.reason).toBe('definition');
  });

  it('never lists a group, another line, a suppressed figure or a new period', () => {
    const changes = changesSince(
      plan,
      current([
        c('2016', 110, { breakdown: { sex: 'F' } }),
        c('2016', 5, { measure: 'n' }),
        c('2017', null, { disclosure: 'suppressed' }),
        c('2018', 1),
      ]),
      previous([
        c('2016', 100, { breakdown: { sex: 'F' } }),
        c('2016', 4, { measure: 'n' }),
        c('2017', 7),
      ]),
    );
    expect(changes).toEqual([]);
  });
});
