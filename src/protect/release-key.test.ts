import { describe, expect, it } from 'vitest';
import { checkDisclosure } from './check-disclosure.js';
import { count, TH } from './fixtures.testing.js';
import { applyReason } from './protect.js';
import { releaseKey } from './release-key.js';

const shown = (c: Parameters<typeof applyReason>[0]) => applyReason(c, undefined);

describe('release keys: several releases checked together', () => {
  it('tells a year cut short by the cut-off date from the full year', () => {
    const soFar = count({}, 40, { period: '2018', through: '2018-03-31' });
    const full = count({}, 160, { period: '2018' });
    expect(releaseKey(soFar, '2018-03-31')).not.toBe(releaseKey(full, '2018-12-31'));
    const report = checkDisclosure(
      [
        { file: 'q1.json', kind: 'json', asOf: '2018-03-31', cells: [shown(soFar)], personal: [] },
        { file: 'y.json', kind: 'json', asOf: '2018-12-31', cells: [shown(full)], personal: [] },
      ],
      TH,
    );
    expect(report.problems).toEqual([]);
  });

  it('tells a number that can still change (a censored cohort) apart per cut-off date', () => {
    const at = (v: number) => count({}, v, { status: 'censored', unit: 'share', cohort: '2017' });
    expect(releaseKey(at(0.3), '2017-06-30')).not.toBe(releaseKey(at(0.4), '2017-09-30'));
  });

  it('keeps one key for a final number, so a changed final number is still caught', () => {
    const a = count({}, 100, { period: '2016' });
    expect(releaseKey(a, '2017-06-30')).toBe(releaseKey(a, '2018-03-31'));
    const report = checkDisclosure(
      [
        { file: 'a.json', kind: 'json', asOf: '2017-06-30', cells: [shown(a)], personal: [] },
        {
          file: 'b.json',
          kind: 'json',
          asOf: '2017-09-30',
          cells: [shown({ ...a, value: 101 })],
          personal: [],
        },
      ],
      TH,
    );
    expect(report.problems.map((p) => p.code)).toEqual(['PROTECT_INCONSISTENT']);
  });
});
