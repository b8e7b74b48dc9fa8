import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatPoints,
  periodLabel,
} from './format.js';

describe('house number style', () => {
  it('writes Flemish Dutch and English numbers', () => {
    expect(formatNumber(2560, 'nl')).toBe('2.560');
    expect(formatNumber(-2560, 'nl')).toBe('−2.560');
    expect(formatNumber(2560, 'en')).toBe('2,560');
    expect(formatNumber(1234567.891, 'nl', 2)).toBe('1.234.567,89');
    expect(formatNumber(999, 'nl')).toBe('999');
    expect(formatNumber(0.5, 'nl')).toBe('1');
    expect(formatNumber(-0.5, 'nl')).toBe('−1');
  });
  it('writes percentages and percentage points', () => {
    expect(formatPercent(0.2836, 'nl')).toBe('28,4 %');
    expect(formatPercent(0.2836, 'en')).toBe('28.4%');
    expect(formatPoints(-0.032, 'nl')).toBe('3,2 procentpunt');
    expect(formatPoints(0.032, 'en')).toBe('3.2 percentage points');
  });
  it('writes periods and dates out', () => {
    expect(formatPeriod('2016-Q3', 'nl')).toBe('het derde kwartaal van 2016');
    expect(formatPeriod('2016-07', 'en')).toBe('July 2016');
    expect(periodLabel('2016-Q3', 'nl')).toBe('2016 K3');
    expect(formatDate('2016-03-31', 'nl')).toBe('31 maart 2016');
  });
});
