import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from './access.js';
import { primaryReason } from './primary.js';

const cell = (unit: string, value: number, n: number | null) => ({
  measure: 'value',
  unit,
  value,
  n,
});

describe('primary suppression', () => {
  it('suppresses small numbers of persons', () => {
    expect(primaryReason(cell('persons', 3, 3), DEFAULT_THRESHOLDS)).toBe('primary-count');
    expect(primaryReason(cell('actions', 12, 3), DEFAULT_THRESHOLDS)).toBe('primary-count');
    expect(primaryReason(cell('persons', 30, 30), DEFAULT_THRESHOLDS)).toBeUndefined();
  });

  it('applies no count threshold to quantities that count no persons', () => {
    // One NODW row of 3,809 hours, 3 campaigns, 2 agreements: nobody can be recognised from them.
    expect(primaryReason(cell('hours', 3809, 1), DEFAULT_THRESHOLDS)).toBeUndefined();
    expect(primaryReason(cell('campaigns', 3, 3), DEFAULT_THRESHOLDS)).toBeUndefined();
    expect(primaryReason(cell('agreements', 2, 2), DEFAULT_THRESHOLDS)).toBeUndefined();
    expect(primaryReason(cell('sessions', 4, 4), DEFAULT_THRESHOLDS)).toBeUndefined();
  });

  it('treats an unknown unit as personal', () => {
    expect(primaryReason(cell('people', 2, 2), DEFAULT_THRESHOLDS)).toBe('primary-count');
  });
});
