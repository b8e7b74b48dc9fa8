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

/** A step CDF prepared for repeated look-ups: distinct y values (first occurrence), sorted by y. */
interface StepCdf {
  readonly xs: number[];
  readonly ys: number[];
  /** Indices into xs/ys in ascending y (R's approx() sorts; bands need not be monotone). */
  readonly ord: number[];
  readonly xmax: number;
}

function prepare(x: number[], y: (number | null)[], xmax: number): StepCdf {
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
  const ord = ys.map((_, i) => i);
  const monotone = ys.every((v, i) => i === 0 || v >= (ys[i - 1] as number));
  if (!monotone) ord.sort((a, b) => (ys[a] as number) - (ys[b] as number));
  return { xs, ys, ord, xmax };
}

/** approx(y + shift, index, p, "constant", f = 1): first index (in y order) with y + shift ≥ p. */
function step(c: StepCdf, p: number, shift: number): number | null {
  const { ys, ord } = c;
  const m = ord.length;
  if (m === 0) return null;
  const yAt = (k: number): number => (ys[ord[k] as number] as number) + shift;
  if (p < yAt(0) || p > yAt(m - 1)) return null;
  let lo = 0;
  let hi = m - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (yAt(mid) >= p) hi = mid;
    else lo = mid + 1;
  }
  return ord[lo] as number;
}

/**
 * Where the step CDF crosses p, as R `survival`'s `findq`: the smallest x with y ≥ p; when y
 * equals p within `tol` on a flat segment, the midpoint of that segment (up to the last observed
 * time when the flat is the end of the curve).
 */
function findq(c: StepCdf, p: number, tol: number): number | null {
  const { xs, ys } = c;
  if (ys.length === 0 || ys.reduce((a, b) => Math.max(a, b), -Infinity) < p) return null;
  if (p === 0) return xs[0] as number;
  const i1 = step(c, p, tol);
  const i2 = step(c, p, -tol);
  if (i1 === null) return null;
  const lastY = ys[ys.length - 1] as number;
  if (Math.abs(p - lastY) < tol) return ((xs[i1] as number) + c.xmax) / 2;
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
  const est = prepare(x, cdf(fit.surv), xmax);
  const low = prepare(x, cdf(fit.lower), xmax);
  const up = prepare(x, cdf(fit.upper), xmax);
  const empty = fit.time.length === 0;
  return probs.map((p) => ({
    prob: p,
    quantile: empty ? null : findq(est, p, tol),
    lower: empty ? null : findq(low, p, tol),
    upper: empty ? null : findq(up, p, tol),
  }));
}
