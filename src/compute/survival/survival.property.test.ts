import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aalenJohansen, cifAt } from './aalen-johansen.js';
import { empiricalQuantiles } from './empirical-quantiles.js';
import { kaplanMeier, kmAt } from './kaplan-meier.js';
import { kmQuantiles } from './km-quantiles.js';

// Property tests against brute-force computations written straight from the textbook formulas,
// observation by observation (O(n²)), on small data with many ties.

const obs = (maxCause: number) =>
  fc.array(
    fc.record({ t: fc.integer({ min: 0, max: 12 }), c: fc.integer({ min: 0, max: maxCause }) }),
    {
      minLength: 1,
      maxLength: 40,
    },
  );
const split = (o: { t: number; c: number }[]) => ({ t: o.map((x) => x.t), c: o.map((x) => x.c) });
const runs = { numRuns: 200 };

/** Brute-force KM and Greenwood at time u: loops over the distinct event times ≤ u. */
function bruteKm(t: number[], e: number[], u: number): { s: number; v: number } {
  let s = 1;
  let v = 0;
  for (const ti of [...new Set(t)].sort((a, b) => a - b)) {
    if (ti > u) break;
    const n = t.filter((x) => x >= ti).length;
    const d = t.filter((x, i) => x === ti && e[i] === 1).length;
    if (d === 0) continue;
    s *= 1 - d / n;
    v += d / (n * (n - d));
  }
  return { s, v };
}

/** Brute-force Aalen–Johansen F_j and its delta-method variance at time u (double sum). */
function bruteAj(t: number[], c: number[], j: number, u: number): { f: number; v: number } {
  const times = [...new Set(t)].sort((a, b) => a - b).filter((x) => x <= u);
  const rows = times.map((ti) => ({
    n: t.filter((x) => x >= ti).length,
    d: t.filter((x, i) => x === ti && c[i] !== 0).length,
    dj: t.filter((x, i) => x === ti && c[i] === j).length,
  }));
  const sMinus: number[] = [];
  const fAt: number[] = [];
  let s = 1;
  let f = 0;
  for (const r of rows) {
    sMinus.push(s);
    f += (s * r.dj) / r.n;
    fAt.push(f);
    s *= 1 - r.d / r.n;
  }
  let v = 0;
  rows.forEach((r, i) => {
    const diff = f - (fAt[i] as number);
    const sm = sMinus[i] as number;
    if (r.d > 0 && r.d < r.n) v += (diff * diff * r.d) / (r.n * (r.n - r.d));
    v += (sm * sm * r.dj * (r.n - r.dj)) / r.n ** 3;
    v -= (2 * diff * sm * r.dj) / r.n ** 2;
  });
  return { f, v };
}

describe('Kaplan–Meier against brute force', () => {
  it('matches the product-limit estimate and Greenwood at every integer time', () => {
    fc.assert(
      fc.property(obs(1), (o) => {
        const { t, c } = split(o);
        const pts = kmAt(kaplanMeier(t, c), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
        for (const p of pts) {
          const b = bruteKm(t, c, p.time);
          expect(p.estimate).toBeCloseTo(b.s, 12);
          expect(p.nRisk).toBe(t.filter((x) => x >= p.time).length);
          if (b.s > 0) expect(p.se).toBeCloseTo(b.s * Math.sqrt(b.v), 12);
        }
      }),
      runs,
    );
  });

  it('without censoring equals the empirical survival and its quantiles equal type-2 quantiles', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (t, p) => {
          const fit = kaplanMeier(
            t,
            t.map(() => 1),
          );
          fit.time.forEach((u, i) =>
            expect(fit.surv[i]).toBeCloseTo(t.filter((x) => x > u).length / t.length, 12),
          );
          const k = Math.max(1, Math.round(p * t.length));
          for (const q of [p, k / t.length]) {
            expect(kmQuantiles(fit, [q])[0]?.quantile).toBe(empiricalQuantiles(t, [q], 2)[0]);
          }
        },
      ),
      runs,
    );
  });
});

describe('Aalen–Johansen properties', () => {
  it('matches the brute-force estimate and delta-method variance', () => {
    fc.assert(
      fc.property(obs(2), (o) => {
        const { t, c } = split(o);
        const fit = aalenJohansen(t, c, { causes: 2 });
        for (const j of [1, 2]) {
          for (const p of cifAt(fit, j, [0, 2, 4, 6, 8, 10, 12])) {
            const b = bruteAj(t, c, j, p.time);
            expect(p.estimate).toBeCloseTo(b.f, 12);
            // Variances agree to rounding; an SE near 0 is √(rounding) ≈ 1e-8, so compare variances.
            expect((p.se as number) ** 2).toBeCloseTo(b.v, 12);
          }
        }
      }),
      runs,
    );
  });

  it('Σ_j F_j = 1 − S (all-cause KM) at every time', () => {
    fc.assert(
      fc.property(obs(3), (o) => {
        const { t, c } = split(o);
        const fit = aalenJohansen(t, c, { causes: 3 });
        const km = kaplanMeier(
          t,
          c.map((x) => (x > 0 ? 1 : 0)),
        );
        fit.time.forEach((_, i) => {
          const sum = fit.cifs.reduce((a, cur) => a + (cur.estimate[i] as number), 0);
          expect(sum).toBeCloseTo(1 - (km.surv[i] as number), 12);
          expect(fit.surv[i]).toBe(km.surv[i]);
        });
      }),
      runs,
    );
  });

  it('1 − KM treating the other exits as censored is ≥ the cumulative incidence', () => {
    fc.assert(
      fc.property(obs(2), (o) => {
        const { t, c } = split(o);
        const aj = aalenJohansen(t, c, { causes: 2 });
        const naive = kaplanMeier(
          t,
          c.map((x) => (x === 1 ? 1 : 0)),
        );
        naive.time.forEach((u, i) => {
          const f = cifAt(aj, 1, [u])[0]?.estimate as number;
          expect(1 - (naive.surv[i] as number)).toBeGreaterThanOrEqual(f - 1e-12);
        });
      }),
      runs,
    );
  });

  it('with no censoring up to the horizon equals the crude proportion', () => {
    const horizon = 6;
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ t: fc.integer({ min: 0, max: 12 }), c: fc.integer({ min: 1, max: 2 }) }),
            fc.record({ t: fc.integer({ min: horizon + 1, max: 12 }), c: fc.constant(0) }),
          ),
          { minLength: 1, maxLength: 60 },
        ),
        (o) => {
          const { t, c } = split(o);
          const p = cifAt(aalenJohansen(t, c, { causes: 2 }), 1, [horizon])[0];
          const crude = t.filter((x, i) => x <= horizon && c[i] === 1).length / t.length;
          expect(p?.estimate).toBeCloseTo(crude, 12);
          expect(p?.nRisk).toBe(t.filter((x) => x >= horizon).length);
        },
      ),
      runs,
    );
  });

  it('does not depend on the order of the observations', () => {
    fc.assert(
      fc.property(obs(2), (o) => {
        const a = split(o);
        const b = split([...o].reverse());
        expect(aalenJohansen(a.t, a.c, { causes: 2 })).toEqual(
          aalenJohansen(b.t, b.c, { causes: 2 }),
        );
      }),
      runs,
    );
  });
});
