import { describe, expect, it } from 'vitest';
import { empiricalQuantiles } from './empirical-quantiles.js';
import { kaplanMeier } from './kaplan-meier.js';
import { kmQuantiles } from './km-quantiles.js';

// TV-KM-8 (R survival tests/quantile.R): (3, NA) dropped as in R.
const t8 = [9, 1, 1, 6, 6, 8, 10];
const e8 = [1, 1, 0, 1, 1, 0, 0];
const x8 = [0, 1, 1, 1, 0, 0, 0];
const probs = [1 / 14, 1 / 7, 1 / 3, 1 / 2, 26 / 35, 0.9];

describe('KM quantiles (TV-KM-8: flat segments, R midpoint rule)', () => {
  it('gives 1, 3.5, 6, 9, 9.5, NA with lower CI 1, 1, 1, 6, 6, 9 and upper NA', () => {
    const q = kmQuantiles(kaplanMeier(t8, e8), probs);
    expect(q.map((r) => r.quantile)).toEqual([1, 3.5, 6, 9, 9.5, null]);
    expect(q.map((r) => r.lower)).toEqual([1, 1, 1, 6, 6, 9]);
    expect(q.map((r) => r.upper)).toEqual([null, null, null, null, null, null]);
  });

  it('reproduces the curves by x: 6 6 9 9 NA NA and 1 1 3.5 6 6 6', () => {
    const pick = (g: number) => {
      const i = x8.map((x, k) => (x === g ? k : -1)).filter((k) => k >= 0);
      return kaplanMeier(
        i.map((k) => t8[k] as number),
        i.map((k) => e8[k] as number),
      );
    };
    expect(kmQuantiles(pick(0), probs).map((r) => r.quantile)).toEqual([6, 6, 9, 9, null, null]);
    expect(kmQuantiles(pick(1), probs).map((r) => r.quantile)).toEqual([1, 1, 3.5, 6, 6, 6]);
    // R's lower bands by x (same test file): 6 6 6 6 9 9 and 1 1 1 1 NA NA.
    expect(kmQuantiles(pick(0), probs).map((r) => r.lower)).toEqual([6, 6, 6, 6, 9, 9]);
    expect(kmQuantiles(pick(1), probs).map((r) => r.lower)).toEqual([1, 1, 1, 1, null, null]);
  });
});

describe('KM median (TV-KM-1 aml, TV-KM-3 ovarian)', () => {
  it('gives median 31 (18, NA) for Maintained and 23 (8, NA) for Nonmaintained', () => {
    const m = kmQuantiles(
      kaplanMeier([9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0]),
      [0.5],
    )[0];
    expect(m).toEqual({ prob: 0.5, quantile: 31, lower: 18, upper: null });
    const n = kmQuantiles(
      kaplanMeier(
        [5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45],
        [1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1],
      ),
      [0.5],
    )[0];
    expect(n).toEqual({ prob: 0.5, quantile: 23, lower: 8, upper: null });
  });

  it('gives 638 for ovarian (first S ≤ 0.5)', () => {
    const t = [59, 115, 156, 268, 329, 353, 365, 377, 421, 431, 448, 464, 475, 477, 563, 638];
    const e = [1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 1];
    const tail = [744, 769, 770, 803, 855, 1040, 1106, 1129, 1206, 1227];
    const fit = kaplanMeier([...t, ...tail], [...e, ...tail.map(() => 0)]);
    expect(kmQuantiles(fit, [0.5])[0]?.quantile).toBe(638);
  });
});

describe('the g3 floating-point trap', () => {
  // n = 6, 5, 4 at the first three events: S = (5/6)(4/5)(3/4) = 0.5 exactly, flat until 36.
  const times = [10, 20, 32, 36, 40, 50];
  const events = [1, 1, 1, 1, 0, 0];
  it('exists: exp-sum-log misses 0.5 where the running product hits it', () => {
    const viaLogs = Math.exp(Math.log(5 / 6) + Math.log(4 / 5) + Math.log(3 / 4));
    expect(viaLogs).not.toBe(0.5);
    expect(kaplanMeier(times, events).surv[2]).toBe(0.5);
  });
  it('gives the midpoint (32 + 36)/2 = 34, by R’s rule', () => {
    expect(kmQuantiles(kaplanMeier(times, events), [0.5])[0]?.quantile).toBe(34);
  });
});

describe('empirical quantiles of finished observations', () => {
  it('type 7 matches the textbook linear interpolation (R default, DuckDB quantile_cont)', () => {
    // R: quantile(c(1, 2, 4, 7, 11), c(.25, .5, .9)) = 2, 4, 9.4
    const q = empiricalQuantiles([11, 2, 7, 1, 4], [0.25, 0.5, 0.9]);
    expect(q[0]).toBeCloseTo(2, 12);
    expect(q[1]).toBeCloseTo(4, 12);
    expect(q[2]).toBeCloseTo(9.4, 12);
  });
  it('type 2 averages at exact hits: quantile(1:4, .5, type = 2) = 2.5', () => {
    expect(empiricalQuantiles([1, 2, 3, 4], [0.5, 0.3], 2)).toEqual([2.5, 2]);
  });
  it('returns null for no finished observations', () => {
    expect(empiricalQuantiles([], [0.5])).toEqual([null]);
  });
});
