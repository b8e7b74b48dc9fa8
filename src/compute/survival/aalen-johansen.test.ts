import { describe, expect, it } from 'vitest';
import { aalenJohansen, cifAt } from './aalen-johansen.js';
import { kaplanMeier } from './kaplan-meier.js';
import { expectPrinted, rows } from './test-helpers.js';

describe('Aalen–Johansen (TV-CR-1, R survival testci.R, exact fractions)', () => {
  const time = [1, 2, 2, 3, 3, 3, 5, 6];
  const status = [0, 1, 0, 1, 0, 1, 0, 1];
  const event = [1, 1, 2, 2, 1, 2, 3, 2];
  const cause = status.map((s, i) => s * (event[i] as number));
  const fit = aalenJohansen(time, cause);

  it('gives the state probabilities, n.risk and n.event at every time', () => {
    expect(fit.time).toEqual([1, 2, 3, 5, 6]);
    expect(fit.nRisk).toEqual([8, 7, 5, 2, 1]);
    expect(fit.cifs[0]?.nEvent).toEqual([0, 1, 0, 0, 0]);
    expect(fit.cifs[1]?.nEvent).toEqual([0, 0, 2, 0, 1]);
    const p0 = [1, 6 / 7, 18 / 35, 18 / 35, 0];
    const p1 = [0, 1 / 7, 1 / 7, 1 / 7, 1 / 7];
    const p2 = [0, 0, 12 / 35, 12 / 35, 6 / 7];
    p0.forEach((v, i) => expect(fit.surv[i]).toBeCloseTo(v, 14));
    p1.forEach((v, i) => expect(fit.cifs[0]?.estimate[i]).toBeCloseTo(v, 14));
    p2.forEach((v, i) => expect(fit.cifs[1]?.estimate[i]).toBeCloseTo(v, 14));
  });

  it('gives the standard errors of both causes', () => {
    const se = rows(`0 0 0
    0.13226 0.13226 0
    0.2038693 0.13226 0.1951003
    0.2038693 0.13226 0.1951003
    0 0.13226 0.13226`);
    se.forEach((r, i) => {
      expectPrinted(fit.cifs[0]?.se[i], r[1] as string, `se1@${i}`);
      expectPrinted(fit.cifs[1]?.se[i], r[2] as string, `se2@${i}`);
    });
  });

  it('gives the state-0 (all-cause KM, Greenwood) standard errors 0.13226, 0.2038693', () => {
    const km = kaplanMeier(
      time,
      cause.map((x) => (x > 0 ? 1 : 0)),
    );
    expectPrinted(km.stdErr[1], '0.13226');
    expectPrinted(km.stdErr[2], '0.2038693');
    expectPrinted(km.stdErr[3], '0.2038693');
    // R prints 0 at t = 6 (S = 0); Greenwood is undefined there and we say so with null.
    expect(km.stdErr[4]).toBeNull();
  });

  it('reads at horizons like summary(times = c(0, 1, 3.5, 6, 7), extend = TRUE)', () => {
    const h = [0, 1, 3.5, 6, 7];
    const c1 = cifAt(fit, 1, h);
    const c2 = cifAt(fit, 2, h);
    expect(c1.map((p) => p.nRisk)).toEqual([8, 8, 2, 1, 0]);
    const e1 = [0, 0, 1 / 7, 1 / 7, 1 / 7];
    const e2 = [0, 0, 12 / 35, 6 / 7, 6 / 7];
    c1.forEach((p, i) => expect(p.estimate).toBeCloseTo(e1[i] as number, 14));
    c2.forEach((p, i) => expect(p.estimate).toBeCloseTo(e2[i] as number, 14));
    expect(c2.map((p) => p.nEvent)).toEqual([0, 0, 2, 1, 0]);
  });
});

describe('Aalen–Johansen (TV-CR-3, statsmodels test_incidence: SEs agree with Stata)', () => {
  const ftime = [1, 1, 2, 4, 4, 4, 6, 6, 7, 8, 9, 9, 9, 1, 2, 2, 4, 4];
  const fstat = [1, 1, 1, 2, 2, 2, 3, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const fit = aalenJohansen(Int32Array.from(ftime), Int32Array.from(fstat));
  const expected = rows(`
    0.11111111 0.17037037 0.17037037 0.17037037 0.17037037 0.17037037 0.17037037
    0          0          0.20740741 0.20740741 0.20740741 0.20740741 0.20740741
    0          0          0          0.17777778 0.26666667 0.26666667 0.26666667
    0.07407407 0.08976251 0.08976251 0.08976251 0.08976251 0.08976251 0.08976251
    0          0          0.10610391 0.10610391 0.10610391 0.10610391 0.10610391
    0          0          0          0.11196147 0.12787781 0.12787781 0.12787781`);

  it('finds 3 causes at times 1 2 4 6 7 8 9', () => {
    expect(fit.time).toEqual([1, 2, 4, 6, 7, 8, 9]);
    expect(fit.cifs).toHaveLength(3);
  });

  it('reproduces the incidences and their standard errors to 8 decimals', () => {
    for (let c = 0; c < 3; c++) {
      expected[c]?.forEach((v, i) =>
        expectPrinted(fit.cifs[c]?.estimate[i], v, `cinc${c + 1}@${i}`),
      );
      expected[c + 3]?.forEach((v, i) => expectPrinted(fit.cifs[c]?.se[i], v, `se${c + 1}@${i}`));
    }
  });

  it('keeps the log(−log) interval inside (0, 1) around the estimate', () => {
    for (const curve of fit.cifs) {
      curve.estimate.forEach((f, i) => {
        const lo = curve.lower[i];
        const up = curve.upper[i];
        if (f === 0) return expect([lo, up]).toEqual([0, 0]);
        expect(lo as number).toBeGreaterThan(0);
        expect(lo as number).toBeLessThan(f);
        expect(up as number).toBeGreaterThan(f);
        expect(up as number).toBeLessThan(1);
      });
    }
  });
});

describe('empty groups (a breakdown cell without anyone)', () => {
  it('returns missing estimates with nRisk 0 instead of throwing or inventing values', () => {
    expect(cifAt(aalenJohansen([], []), 1, [182])[0]).toEqual({
      time: 182,
      nRisk: 0,
      nEvent: 0,
      estimate: null,
      se: null,
      lower: null,
      upper: null,
    });
    expect(kaplanMeier([], []).time).toEqual([]);
  });
});
