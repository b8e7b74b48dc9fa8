import { Z95, kmInterval, type KmConfType } from './confidence.js';
import {
  buildRiskTable,
  checkHorizons,
  lastAtOrBefore,
  riskTableFromCounts,
  type NumericInput,
  type RiskTable,
} from './risk-table.js';

/** Options of `kaplanMeier`. */
export interface KmOptions {
  /** Interval transform; default `log` (R `survival`). */
  readonly conf?: KmConfType;
  /** Normal quantile for the intervals; default `Z95` = qnorm(0.975) = 1.9599639845400536 (95 %). */
  readonly z?: number;
}

/**
 * A Kaplan–Meier fit: one row per distinct observed time (event or censoring), ascending, as
 * `summary(survfit(...), censor = TRUE)` prints it. Plain data: JSON round-trips it.
 */
export interface KmFit {
  readonly n: number;
  readonly events: number;
  readonly conf: KmConfType;
  readonly z: number;
  readonly time: number[];
  readonly nRisk: number[];
  readonly nEvent: number[];
  readonly nCensor: number[];
  /** S(t), right-continuous: includes the drop at t. */
  readonly surv: number[];
  /** Greenwood Var(log S) = Σ d/(n(n−d)); null once infinite (S = 0). R's `fit$std.err`². */
  readonly varLog: (number | null)[];
  /** SE of S (Greenwood), as R's `summary()` prints; null when S = 0. */
  readonly stdErr: (number | null)[];
  readonly lower: (number | null)[];
  readonly upper: (number | null)[];
}

/**
 * Kaplan–Meier estimate from times and event flags (1 = event, 0 = censored), O(n log n).
 * Ties as in R `survival`: events happen before censorings at the same time. S is a running
 * product (exact at flat segments such as (5/6)(4/5)(3/4) = 0.5, which exp-sum-log misses).
 */
export function kaplanMeier(
  times: NumericInput,
  events: NumericInput,
  opts: KmOptions = {},
): KmFit {
  return kmFromRiskTable(buildRiskTable(times, events, 1), opts);
}

/**
 * Kaplan–Meier estimate from observations counted per time: `nEvent[i]` events and `nCensor[i]`
 * censorings at `times[i]` (any order; e.g. straight from SQL `GROUP BY`). The same fit, number
 * for number, as `kaplanMeier` on the observations one by one.
 */
export function kaplanMeierCounts(
  times: NumericInput,
  nEvent: NumericInput,
  nCensor: NumericInput,
  opts: KmOptions = {},
): KmFit {
  return kmFromRiskTable(riskTableFromCounts(times, [nCensor, nEvent]), opts);
}

function kmFromRiskTable(rt: RiskTable, opts: KmOptions): KmFit {
  const conf = opts.conf ?? 'log';
  const z = opts.z ?? Z95;
  const m = rt.time.length;
  const d = rt.nEventAll;
  const fit = {
    n: rt.n,
    events: 0,
    conf,
    z,
    time: Array.from(rt.time),
    nRisk: Array.from(rt.nRisk),
    nEvent: Array.from(d),
    nCensor: Array.from(rt.nCensor),
    surv: new Array<number>(m),
    varLog: new Array<number | null>(m),
    stdErr: new Array<number | null>(m),
    lower: new Array<number | null>(m),
    upper: new Array<number | null>(m),
  };
  let s = 1;
  let v = 0;
  for (let i = 0; i < m; i++) {
    const di = d[i] as number;
    const ni = rt.nRisk[i] as number;
    if (di > 0) {
      s *= 1 - di / ni;
      v += ni === di ? Infinity : di / (ni * (ni - di));
      fit.events += di;
    }
    const ci = kmInterval(s, v, conf, z);
    fit.surv[i] = s;
    fit.varLog[i] = Number.isFinite(v) ? v : null;
    fit.stdErr[i] = s > 0 && Number.isFinite(v) ? s * Math.sqrt(v) : null;
    fit.lower[i] = ci.lower;
    fit.upper[i] = ci.upper;
  }
  return fit;
}

/** The survival curve read at one horizon (R `summary(fit, times, extend = TRUE)`). */
export interface KmPoint {
  readonly time: number;
  /** S(h); null only when the fit has no observations. */
  readonly estimate: number | null;
  readonly se: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Number with time ≥ h; 0 beyond the last observed time. */
  readonly nRisk: number;
  /** Events in (previous horizon, h]; for the first horizon, events ≤ h. */
  readonly nEvent: number;
  /** Censorings in (previous horizon, h]. */
  readonly nCensor: number;
}

/**
 * Reads the curve at ascending horizons, carrying the last value forward (also beyond the last
 * time, where nRisk is 0 — do not publish such a point).
 */
export function kmAt(fit: KmFit, horizons: NumericInput): KmPoint[] {
  const hs = checkHorizons(horizons);
  const time = Float64Array.from(fit.time);
  let prev = -1;
  return hs.map((h) => {
    const i = lastAtOrBefore(time, h);
    let nEvent = 0;
    let nCensor = 0;
    for (let k = prev + 1; k <= i; k++) {
      nEvent += fit.nEvent[k] as number;
      nCensor += fit.nCensor[k] as number;
    }
    prev = Math.max(prev, i);
    const nRisk = i + 1 < fit.time.length ? (fit.nRisk[i + 1] as number) : 0;
    // nRisk at h counts times ≥ h: if h equals a fit time, that row's nRisk applies.
    const atRisk = i >= 0 && fit.time[i] === h ? (fit.nRisk[i] as number) : nRisk;
    const base = { time: h, nRisk: atRisk, nEvent, nCensor };
    if (fit.n === 0) return { ...base, estimate: null, se: null, lower: null, upper: null };
    if (i < 0) return { ...base, estimate: 1, se: 0, lower: 1, upper: 1 };
    return {
      ...base,
      estimate: fit.surv[i] as number,
      se: fit.stdErr[i] as number | null,
      lower: fit.lower[i] as number | null,
      upper: fit.upper[i] as number | null,
    };
  });
}
