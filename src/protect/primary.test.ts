import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from './access.js';
import { primaryReason } from './primary.js';

const cell = (unit: string, value: number, n: number | null, personal?: boolean) => ({
  measure: 'value',
  unit,
  value,
  n,
  ...(personal === undefined ? {} : { personal }),
});

describe('primary suppression', () => {
  it('suppresses small numbers of persons', () => {
    expect(primaryReason(cell('persons', 3, 3), DEFAULT_THRESHOLDS)).toBe('primary-count');
    expect(primaryReason(cell('actions', 12, 3), DEFAULT_THRESHOLDS)).toBe('primary-count');
    expect(primaryReason(cell('persons', 30, 30), DEFAULT_THRESHOLDS)).toBeUndefined();
  });

  it('applies no count threshold to cells of indicators that count no persons', () => {
    // One NODW row of 3,809 hours, 3 campaigns, a reach of 2: nobody can be recognised from them.
    expect(primaryReason(cell('hours', 3809, 1, false), DEFAULT_THRESHOLDS)).toBeUndefined();
    expect(primaryReason(cell('campaigns', 3, 3, false), DEFAULT_THRESHOLDS)).toBeUndefined();
    expect(primaryReason(cell('persons', 2, 2, false), DEFAULT_THRESHOLDS)).toBeUndefined();
  });

  it('never lets the unit switch protection off: sessions, campaigns or any unit count persons unless the indicator says not', () => {
    for (const unit of ['sessions', 'campaigns', 'agreements', 'trainings', 'uses', 'people'])
      expect(primaryReason(cell(unit, 2, 2), DEFAULT_THRESHOLDS), unit).toBe('primary-count');
  });
});
