/**
 * The engine's view of the survival statistics (`./survival`): Kaplan–Meier quantiles (R's rule),
 * plain quantiles of finished durations, and the Aalen–Johansen cumulative incidence of work read
 * just before a horizon.
 */
import {
  aalenJohansen,
  cifAt,
  empiricalQuantiles,
  kaplanMeier,
  kaplanMeierCounts,
  kmQuantiles as kmQ,
  type AjFit,
  type NumericInput,
} from './survival/index.js';

export type { AjFit };

/** Kaplan–Meier quantiles of durations (`event` false = still open at `time`). Null where not reached. */
export function kmQuantiles(
  times: readonly number[],
  events: readonly boolean[],
  ps: readonly number[],
): (number | null)[] {
  if (!times.length) return ps.map(() => null);
  const fit = kaplanMeier(
    times,
    events.map((e) => (e ? 1 : 0)),
  );
  return kmQ(fit, ps).map((q) => q.quantile);
}

/**
 * The same quantiles from durations counted per time: `nEvent[i]` finished and `nCensor[i]` still
 * open at `times[i]` (as SQL `GROUP BY` returns them). Null where not reached, or with no member.
 */
export function kmQuantilesCounts(
  times: NumericInput,
  nEvent: NumericInput,
  nCensor: NumericInput,
  ps: readonly number[],
): (number | null)[] {
  let n = 0;
  for (let i = 0; i < times.length; i++) n += (nEvent[i] as number) + (nCensor[i] as number);
  if (!n) return ps.map(() => null);
  return kmQ(kaplanMeierCounts(times, nEvent, nCensor), ps).map((q) => q.quantile);
}

/** Plain quantile of finished durations (linear interpolation, like `quantile_cont`). */
export function plainQuantiles(values: NumericInput, ps: readonly number[]): (number | null)[] {
  return empiricalQuantiles(values, ps, 7);
}

/** Aalen–Johansen estimate of the cumulative incidence of cause 1 with its 95 % interval. */
export interface Cif {
  readonly value: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** Number still at risk at the horizon: with 0 the estimate must not be published. */
  readonly atRisk: number;
}

/** Months are continuous (`monthTime`); "before h" reads the curve this far below h. */
const BEFORE = 1e-9;

/**
 * Cumulative incidence of cause 1 strictly before `at` (types: 0 censored, 1 the event, 2 a
 * competing event). "Strictly before" matches a crude rate that counts events before the horizon.
 */
export function ajCif(times: NumericInput, types: NumericInput, at: number): Cif {
  return ajCifAt(times.length ? ajFit(times, types) : null, at);
}

/** The Aalen–Johansen fit `ajCif` reads (two causes: work, other exit); fit once, read often. */
export function ajFit(times: NumericInput, types: NumericInput): AjFit {
  return aalenJohansen(times, types, { causes: 2 });
}

/** `ajCif` from a fit (null: no observations). */
export function ajCifAt(fit: AjFit | null, at: number): Cif {
  if (!fit) return { value: null, low: null, high: null, atRisk: 0 };
  const [p] = cifAt(fit, 1, [at - BEFORE]);
  return { value: p!.estimate, low: p!.lower, high: p!.upper, atRisk: p!.nRisk };
}
