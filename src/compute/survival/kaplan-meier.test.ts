import { describe, expect, it } from 'vitest';
import { kaplanMeier, kmAt } from './kaplan-meier.js';
import { expectPrinted, rows } from './test-helpers.js';

// Reference values: R `survival` regression tests, copied in the shared reference (TV-KM-*).

/** `aml` data (Miller 1981); "+" marks a censored time. */
function parse(s: string): { times: number[]; events: number[] } {
  const items = s.trim().split(/\s+/);
  return {
    times: items.map((x) => Number(x.replace('+', ''))),
    events: items.map((x) => (x.endsWith('+') ? 0 : 1)),
  };
}

const maintained = parse('9 13 13+ 18 23 28+ 31 34 45+ 48 161+');
const nonmaintained = parse('5 5 8 8 12 16+ 23 27 30 33 43 45');

/** Compares the event rows of a fit with R's summary table (time n.risk n.event surv se lo up). */
function expectSummary(fit: ReturnType<typeof kaplanMeier>, table: string): void {
  for (const r of rows(table)) {
    const [time, nRisk, nEvent, surv, se, lo, up] = r as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const i = fit.time.indexOf(Number(time));
    expect(i, `time ${time}`).toBeGreaterThanOrEqual(0);
    expect(fit.nRisk[i]).toBe(Number(nRisk));
    expect(fit.nEvent[i]).toBe(Number(nEvent));
    expectPrinted(fit.surv[i], surv, `surv@${time}`);
    expectPrinted(fit.stdErr[i], se, `se@${time}`);
    expectPrinted(fit.lower[i], lo, `lower@${time}`);
    expectPrinted(fit.upper[i], up, `upper@${time}`);
  }
}

describe('Kaplan–Meier (TV-KM-1, aml)', () => {
  it('reproduces the Maintained group, with a tie of event and censoring at 13', () => {
    const fit = kaplanMeier(maintained.times, maintained.events);
    expectSummary(
      fit,
      `9     11       1    0.909  0.0867       0.7541        1.000
      13     10       1    0.818  0.1163       0.6192        1.000
      18      8       1    0.716  0.1397       0.4884        1.000
      23      7       1    0.614  0.1526       0.3769        0.999
      31      5       1    0.491  0.1642       0.2549        0.946
      34      4       1    0.368  0.1627       0.1549        0.875
      48      2       1    0.184  0.1535       0.0359        0.944`,
    );
    expect(fit.n).toBe(11);
    expect(fit.events).toBe(7);
  });

  it('reproduces the Nonmaintained group, ending in an event (S = 0, SE NaN, CI NA)', () => {
    const fit = kaplanMeier(
      Float64Array.from(nonmaintained.times),
      Int32Array.from(nonmaintained.events),
    );
    expectSummary(
      fit,
      `5     12       2   0.8333  0.1076       0.6470        1.000
      8     10       2   0.6667  0.1361       0.4468        0.995
     12      8       1   0.5833  0.1423       0.3616        0.941
     23      6       1   0.4861  0.1481       0.2675        0.883
     27      5       1   0.3889  0.1470       0.1854        0.816
     30      4       1   0.2917  0.1387       0.1148        0.741
     33      3       1   0.1944  0.1219       0.0569        0.664
     43      2       1   0.0972  0.0919       0.0153        0.620
     45      1       1   0.0000     NaN           NA           NA`,
    );
    expect(fit.events).toBe(11);
  });
});

describe('Kaplan–Meier (TV-KM-3, ovarian, censored rows included)', () => {
  const table = `59 26 1 0.962 0.0377 0.890 1.000
  115 25 1 0.923 0.0523 0.826 1.000
  156 24 1 0.885 0.0627 0.770 1.000
  268 23 1 0.846 0.0708 0.718 0.997
  329 22 1 0.808 0.0773 0.670 0.974
  353 21 1 0.769 0.0826 0.623 0.949
  365 20 1 0.731 0.0870 0.579 0.923
  377 19 0 0.731 0.0870 0.579 0.923
  421 18 0 0.731 0.0870 0.579 0.923
  431 17 1 0.688 0.0919 0.529 0.894
  448 16 0 0.688 0.0919 0.529 0.894
  464 15 1 0.642 0.0965 0.478 0.862
  475 14 1 0.596 0.0999 0.429 0.828
  477 13 0 0.596 0.0999 0.429 0.828
  563 12 1 0.546 0.1032 0.377 0.791
  638 11 1 0.497 0.1051 0.328 0.752
  744 10 0 0.497 0.1051 0.328 0.752
  769 9 0 0.497 0.1051 0.328 0.752
  770 8 0 0.497 0.1051 0.328 0.752
  803 7 0 0.497 0.1051 0.328 0.752
  855 6 0 0.497 0.1051 0.328 0.752
  1040 5 0 0.497 0.1051 0.328 0.752
  1106 4 0 0.497 0.1051 0.328 0.752
  1129 3 0 0.497 0.1051 0.328 0.752
  1206 2 0 0.497 0.1051 0.328 0.752
  1227 1 0 0.497 0.1051 0.328 0.752`;
  it('reproduces every row, event and censored', () => {
    const r = rows(table);
    // Shuffle the input order: the estimator must not depend on it.
    const idx = r.map((_, i) => i).reverse();
    const fit = kaplanMeier(
      idx.map((i) => Number((r[i] as string[])[0])),
      idx.map((i) => Number((r[i] as string[])[2])),
    );
    expect(fit.time).toHaveLength(26);
    expectSummary(fit, table);
    expect(fit.nCensor.reduce((a, b) => a + b, 0)).toBe(14);
  });
});

describe('Kaplan–Meier at fixed horizons (TV-KM-7)', () => {
  // (3, NA) is dropped as in R.
  const times = [9, 1, 1, 6, 6, 8];
  const events = [1, 1, 0, 1, 1, 0];
  it('gives n.risk, n.event in the interval and carried-forward S like summary(extend = TRUE)', () => {
    const pts = kmAt(kaplanMeier(times, events), [0.5, 1, 1.5, 6, 7.5, 8, 8.9, 9, 10]);
    expect(pts.map((p) => p.nRisk)).toEqual([6, 6, 4, 4, 2, 2, 1, 1, 0]);
    expect(pts.map((p) => p.nEvent)).toEqual([0, 1, 0, 2, 0, 0, 0, 1, 0]);
    const s1 = 5 / 6;
    const s2 = 5 / 12;
    const expected = [1, s1, s1, s2, s2, s2, s2, 0, 0];
    pts.forEach((p, i) => expect(p.estimate).toBeCloseTo(expected[i] as number, 14));
  });

  it('asserts summary std.err = surv × fit$std.err (log-scale Greenwood)', () => {
    const fit = kaplanMeier(times, events);
    fit.time.forEach((_, i) => {
      const v = fit.varLog[i];
      if (v === null || v === undefined) return;
      expect(fit.stdErr[i]).toBeCloseTo((fit.surv[i] as number) * Math.sqrt(v), 15);
    });
    // Greenwood by hand at t = 6: 1/(6·5) + 2/(4·2).
    expect(fit.varLog[fit.time.indexOf(6)]).toBeCloseTo(1 / 30 + 2 / 8, 15);
  });

  it('rejects horizons out of order and bad input instead of dropping it', () => {
    const fit = kaplanMeier(times, events);
    expect(() => kmAt(fit, [2, 1])).toThrow(/COMPUTE_SURVIVAL_BAD_HORIZONS/);
    expect(() => kaplanMeier([1, Number.NaN], [1, 1])).toThrow(/COMPUTE_SURVIVAL_BAD_TIME/);
    expect(() => kaplanMeier([1, 2], [1, 2])).toThrow(/COMPUTE_SURVIVAL_BAD_STATUS/);
    expect(() => kaplanMeier([1, 2], [1])).toThrow(/COMPUTE_SURVIVAL_LENGTH_MISMATCH/);
  });
});

describe('Kaplan–Meier interval transforms (aml Maintained)', () => {
  // Expected values from R: survfit(Surv(t, e) ~ 1, conf.type = 'log-log' | 'plain'), printed with
  // sprintf('%.17g') (Greenwood sum: t = 9: 1/110; t = 31: 1/110 + 1/90 + 1/56 + 1/42 + 1/20).
  const t = [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161];
  const e = [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0];
  it('log-log (SAS, Stata, lifelines): S^exp(±z·σ/|log S|)', () => {
    const fit = kaplanMeier(t, e, { conf: 'log-log' });
    expect(fit.lower[0]).toBeCloseTo(0.50808020576992974, 12);
    expect(fit.upper[0]).toBeCloseTo(0.98667382266782311, 12);
    const i = fit.time.indexOf(31);
    expect(fit.lower[i]).toBeCloseTo(0.16733090977685081, 12);
    expect(fit.upper[i]).toBeCloseTo(0.75339979037081128, 12);
  });
  it('plain: S ± z·SE, clipped to [0, 1]', () => {
    const fit = kaplanMeier(t, e, { conf: 'plain' });
    expect(fit.lower[0]).toBeCloseTo(0.73920433313384837, 12);
    expect(fit.upper[0]).toBe(1);
    const i = fit.time.indexOf(31);
    expect(fit.lower[i]).toBeCloseTo(0.16909620065170372, 12);
    expect(fit.upper[i]).toBeCloseTo(0.81272198116647798, 12);
  });
  it('before the first event the interval is the point 1, under every transform', () => {
    for (const conf of ['log', 'log-log', 'plain'] as const) {
      expect(kmAt(kaplanMeier(t, e, { conf }), [5])[0]).toMatchObject({
        estimate: 1,
        lower: 1,
        upper: 1,
      });
    }
  });
});
