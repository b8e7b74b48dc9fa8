import { describe, expect, it } from 'vitest';
import type { ResultCell } from '../compute/index.js';
import { fewAtRisk } from './at-risk.js';
import { resultSet, TH } from './fixtures.testing.js';
import { protect } from './protect.js';

/** A censored outflow estimate of a cohort of 400 of which `atRisk` are still followed. */
const estimate = (breakdown: Record<string, string>, atRisk: number): ResultCell => ({
  result: 'SD1.B',
  indicator: 'outflow-to-work',
  measure: 'value',
  period: '2017',
  cohort: '2017',
  horizon: 24,
  variant: 'at-work',
  breakdown,
  value: 0.41,
  ci_low: 0.36,
  ci_high: 0.47,
  n: 400,
  at_risk: atRisk,
  estimator: 'multistate-aalen-johansen',
  unit: 'share',
  status: 'censored',
  provenance: 'p1',
});

describe('estimates on few members still followed', () => {
  it('are not shown below statisticN at risk, however large the cohort', () => {
    expect(fewAtRisk({ status: 'censored', at_risk: 9 }, TH)).toBe(true);
    expect(fewAtRisk({ status: 'censored', at_risk: 10 }, TH)).toBe(false);
    // A crude (fully observed) rate has no at-risk count: the ordinary rules apply.
    expect(fewAtRisk({ status: 'ok' }, TH)).toBe(false);
  });

  it('an attacker reading every public output finds no number of a cell resting on 4 persons', () => {
    const cells = [estimate({}, 4), estimate({ sex: 'F' }, 1), estimate({ sex: 'M' }, 3)];
    for (const audience of ['public', 'board'] as const) {
      const out = protect(resultSet(cells), { audience, thresholds: TH });
      for (const c of out.cells) {
        expect(c.disclosure, `${audience} ${JSON.stringify(c.breakdown)}`).toBe('suppressed');
        // Neither the estimate, nor its interval (which brackets it), nor how many are followed.
        for (const k of ['value', 'ci_low', 'ci_high', 'at_risk'] as const) expect(c[k]).toBeNull();
        expect(JSON.stringify(c)).not.toMatch(/0\.41|0\.36|0\.47/);
      }
    }
  });

  it('shows the estimate, its interval and the at-risk count from statisticN on', () => {
    const [c] = protect(resultSet([estimate({}, 10)]), {
      audience: 'public',
      thresholds: TH,
    }).cells;
    expect(c).toMatchObject({ disclosure: 'shown', value: 0.41, ci_low: 0.36, at_risk: 10 });
  });
});
