import { checkProbability, type NumericInput } from './risk-table.js';

/**
 * Plain quantiles of finished observations only (the "finished only" variant): ignores every open
 * trajectory, so it is biased towards short durations when many are open. Type 7 (default; linear
 * interpolation, as DuckDB `quantile_cont`, R's and numpy's default) or type 2 (inverse CDF with
 * averaging at exact hits; equals the Kaplan–Meier quantile when nothing is censored).
 * Returns null for an empty input.
 */
export function empiricalQuantiles(
  values: NumericInput,
  probs: readonly number[] = [0.25, 0.5, 0.75],
  type: 2 | 7 = 7,
): (number | null)[] {
  probs.forEach(checkProbability);
  const v = Float64Array.from(values).sort();
  const n = v.length;
  return probs.map((p) => {
    if (n === 0) return null;
    if (type === 7) {
      const h = (n - 1) * p;
      const lo = Math.floor(h);
      const hi = Math.min(lo + 1, n - 1);
      return (v[lo] as number) + (h - lo) * ((v[hi] as number) - (v[lo] as number));
    }
    if (p === 0) return v[0] as number;
    const np = n * p;
    const k = Math.round(np);
    // R type 2 with its fuzz: an exact hit averages the two order statistics around it.
    if (Math.abs(np - k) < 4 * Number.EPSILON * Math.max(1, np) && k >= 1)
      return ((v[k - 1] as number) + (v[Math.min(k, n - 1)] as number)) / 2;
    return v[Math.min(Math.floor(np), n - 1)] as number;
  });
}
