/** Two-sided 95 % normal quantile, exactly R's `qnorm(0.975)` (printed as 1.959964). */
export const Z95 = 1.9599639845400536;

/** Confidence-interval transform for a survival curve. `log` is R's default. */
export type KmConfType = 'log' | 'log-log' | 'plain';

/** A confidence interval; `null` bounds when the transform is undefined (e.g. S = 0). */
export interface Interval {
  readonly lower: number | null;
  readonly upper: number | null;
}

/**
 * Pointwise interval for S from the Greenwood sum `varLog` = Var(log S) = Σ d/(n(n−d)).
 * - `log`: S·exp(±z·√varLog), upper truncated at 1 (R `survival`).
 * - `log-log`: S^exp(±z·√varLog/|log S|) (SAS, Stata, lifelines).
 * - `plain`: S ± z·S·√varLog, clipped to [0, 1].
 * With no event yet (varLog = 0) the interval is the point itself; when S = 0 it is undefined.
 */
export function kmInterval(s: number, varLog: number, conf: KmConfType, z = Z95): Interval {
  if (s === 0 || !Number.isFinite(varLog)) return { lower: null, upper: null };
  const sd = Math.sqrt(varLog);
  if (sd === 0) return { lower: s, upper: s };
  switch (conf) {
    case 'log':
      return { lower: s * Math.exp(-z * sd), upper: Math.min(1, s * Math.exp(z * sd)) };
    case 'log-log': {
      if (s === 1) return { lower: 1, upper: 1 };
      const w = (z * sd) / Math.abs(Math.log(s));
      return { lower: s ** Math.exp(w), upper: s ** Math.exp(-w) };
    }
    case 'plain': {
      const se = s * sd;
      return { lower: Math.max(0, s - z * se), upper: Math.min(1, s + z * se) };
    }
  }
}

/**
 * Interval for a cumulative incidence F with standard error `se`, on the log(−log F) scale
 * (Stata `stcompet`, statsmodels): F^exp(±z·se/(F·log F)); bounds stay inside (0, 1).
 * With se = 0 (no event of any cause yet) the interval is the point itself.
 */
export function cifInterval(f: number, se: number | null, z = Z95): Interval {
  if (se === null || !Number.isFinite(se)) return { lower: null, upper: null };
  if (se === 0) return { lower: f, upper: f };
  if (f <= 0 || f >= 1) return { lower: null, upper: null };
  const w = (z * se) / Math.abs(f * Math.log(f));
  return { lower: f ** Math.exp(w), upper: f ** Math.exp(-w) };
}
