import type { KmFit } from './kaplan-meier.js';
import { checkProbability } from './risk-table.js';

/** R's default tolerance for "S equals 1 − p": sqrt(.Machine$double.eps). */
export const QUANTILE_TOLERANCE = Math.sqrt(Number.EPSILON);

/** A quantile of the time distribution with its confidence interval; null = not reached. */
export interface KmQuantile {
  /** Probability of the CDF 1 − S (0.5 = median, 0.25 = first quartile). */
  readonly prob: number;
  readonly quantile: number | null;
  /** From the lower band of S: first time the lower band reaches 1 − p. */
  readonly lower: number | null;
  /** From the upper band of S; often null (the band never drops that far). */
  readonly upper: number | null;
}

/**
 * Where the step CDF y (at times x, starting at (0, 0)) crosses p, as R `survival`'s `findq`:
 * the smallest x with y ≥ p; when y equals p within `tol` on a flat segment, the midpoint of that
 * segment (up to the last observed time `xmax` when the flat is the end of the curve).
 */
function findq(
  x: number[],
  y: (number | null)[],
  p: number,
  xmax: number,
  tol: number,
): number | null {
  // Keep the first point of each distinct y (censored rows repeat y); drop undefined y.
  const seen = new Set<number | null>();
  const xs: number[] = [];
  const ys: number[] = [];
  y.forEach((yi, i) => {
    if (seen.has(yi)) return;
    seen.add(yi);
    if (yi === null) return;
    xs.push(x[i] as number);
    ys.push(yi);
  });
  if (ys.length === 0 || Math.max(...ys) < p) return null;
  if (p === 0) return xs[0] as number;
  // R uses approx(), which sorts by y; bands need not be monotone, so do the same.
  const ord = ys.map((_, i) => i).sort((a, b) => (ys[a] as number) - (ys[b] as number));
  const step = (shift: number): number | null => {
    // approx(y + shift, index, p, "constant", f = 1): exact knot → that index, else the next one.
    const first = ys[ord[0] as number] as number;
    const last = ys[ord[ord.length - 1] as number] as number;
    if (p < first + shift || p > last + shift) return null;
    for (let k = 0; k < ord.length; k++) {
      const yk = (ys[ord[k] as number] as number) + shift;
      if (yk === p) return ord[k] as number;
      if (yk > p) return ord[k] as number;
    }
    return null;
  };
  const i1 = step(tol);
  const i2 = step(-tol);
  if (i1 === null) return null;
  const lastY = ys[ys.length - 1] as number;
  if (Math.abs(p - lastY) < tol) return ((xs[i1] as number) + xmax) / 2;
  if (i2 === null) return null;
  return ((xs[i1] as number) + (xs[i2] as number)) / 2;
}

/**
 * Quantiles of a Kaplan–Meier fit by R's rule (`quantile.survfit`): the smallest t with
 * S(t) ≤ 1 − p, the midpoint of a flat segment where S = 1 − p exactly (within 1.5e-8), null
 * when the curve never gets there. The interval uses the fit's own confidence bands.
 */
export function kmQuantiles(
  fit: KmFit,
  probs: readonly number[] = [0.25, 0.5, 0.75],
  tol = QUANTILE_TOLERANCE,
): KmQuantile[] {
  probs.forEach(checkProbability);
  const x = [0, ...fit.time];
  const xmax = fit.time.length ? (fit.time[fit.time.length - 1] as number) : 0;
  const cdf = (band: (number | null)[]): (number | null)[] => [
    0,
    ...band.map((s) => (s === null ? null : 1 - s)),
  ];
  const yEst = cdf(fit.surv);
  const yLow = cdf(fit.lower);
  const yUp = cdf(fit.upper);
  return probs.map((p) => ({
    prob: p,
    quantile: fit.time.length ? findq(x, yEst, p, xmax, tol) : null,
    lower: fit.time.length ? findq(x, yLow, p, xmax, tol) : null,
    upper: fit.time.length ? findq(x, yUp, p, xmax, tol) : null,
  }));
}
