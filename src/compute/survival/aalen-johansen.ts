import { Z95, cifInterval } from './confidence.js';
import {
  buildRiskTable,
  checkHorizons,
  lastAtOrBefore,
  riskTableFromCounts,
  type NumericInput,
  type RiskTable,
} from './risk-table.js';

/** Options of `aalenJohansen`. */
export interface AjOptions {
  /** Number of causes; default the largest status seen (at least 1). */
  readonly causes?: number;
  /** Normal quantile for the intervals; default `Z95` = qnorm(0.975) = 1.9599639845400536 (95 %). */
  readonly z?: number;
}

/** Cumulative incidence of one cause at every distinct time of the fit. */
export interface CifCurve {
  readonly cause: number;
  readonly nEvent: number[];
  readonly estimate: number[];
  /** Delta-method (Greenwood-type) standard error, as Stata and statsmodels report. */
  readonly se: number[];
  readonly lower: (number | null)[];
  readonly upper: (number | null)[];
}

/** An Aalen–Johansen fit for competing risks. Plain data: JSON round-trips it. */
export interface AjFit {
  readonly n: number;
  readonly z: number;
  readonly time: number[];
  readonly nRisk: number[];
  readonly nCensor: number[];
  /** All-cause Kaplan–Meier S(t): still in the initial state. Σ_j F_j(t) = 1 − S(t). */
  readonly surv: number[];
  /** One curve per cause; `cifs[0]` is cause 1. */
  readonly cifs: CifCurve[];
}

/**
 * Aalen–Johansen cumulative incidence from times and statuses (0 = censored, 1…K = cause),
 * O(n log n + K·m). F_j(t) = Σ_{t_i ≤ t} S(t_i−)·d_ji/n_i with S the all-cause KM (running product).
 * Variance (Marubini–Valsecchi/Collett delta method, = statsmodels `CumIncidenceRight`, Stata):
 * Var F_j(t) = Σ [F_j(t) − F_j(t_i)]² d_i/(n_i(n_i−d_i)) + Σ S(t_i−)² d_ji(n_i−d_ji)/n_i³
 *              − 2 Σ [F_j(t) − F_j(t_i)] S(t_i−) d_ji/n_i²,
 * expanded into running sums. A time where everyone left (n_i = d_i) adds nothing to the first
 * sum: F_j no longer moves after it, so its weight [F_j(t) − F_j(t_i)]² is 0.
 */
export function aalenJohansen(
  times: NumericInput,
  status: NumericInput,
  opts: AjOptions = {},
): AjFit {
  let k = opts.causes ?? 0;
  if (opts.causes === undefined)
    for (let i = 0; i < status.length; i++) k = Math.max(k, status[i] as number);
  k = Math.max(1, Math.floor(k));
  return ajFromRiskTable(buildRiskTable(times, status, k), opts.z ?? Z95);
}

/**
 * Aalen–Johansen from observations counted per time: `counts[0][i]` censorings and `counts[j][i]`
 * events of cause j at `times[i]` (any order), so `counts.length − 1` causes. The same fit,
 * number for number, as `aalenJohansen` on the observations one by one with that many causes.
 */
export function aalenJohansenCounts(
  times: NumericInput,
  counts: readonly NumericInput[],
  opts: Pick<AjOptions, 'z'> = {},
): AjFit {
  if (counts.length < 2) throw new RangeError('counts needs censorings and at least one cause');
  return ajFromRiskTable(riskTableFromCounts(times, counts), opts.z ?? Z95);
}

function ajFromRiskTable(rt: RiskTable, z: number): AjFit {
  const m = rt.time.length;
  const surv = new Array<number>(m);
  const sMinus = new Float64Array(m);
  let s = 1;
  for (let i = 0; i < m; i++) {
    sMinus[i] = s;
    const di = rt.nEventAll[i] as number;
    if (di > 0) s *= 1 - di / (rt.nRisk[i] as number);
    surv[i] = s;
  }
  const cifs = rt.nEvent.map((dj, c) => cifCurve(c + 1, dj, rt.nEventAll, rt.nRisk, sMinus, z));
  return {
    n: rt.n,
    z,
    time: Array.from(rt.time),
    nRisk: Array.from(rt.nRisk),
    nCensor: Array.from(rt.nCensor),
    surv,
    cifs,
  };
}

function cifCurve(
  cause: number,
  dj: Float64Array,
  d: Float64Array,
  n: Float64Array,
  sMinus: Float64Array,
  z: number,
): CifCurve {
  const m = dj.length;
  const out: CifCurve = {
    cause,
    nEvent: Array.from(dj),
    estimate: new Array<number>(m),
    se: new Array<number>(m),
    lower: new Array<number | null>(m),
    upper: new Array<number | null>(m),
  };
  let f = 0;
  // Running sums of the expanded variance: a = Σr, b = Σ F_i r, c = Σ F_i² r (r = d/(n(n−d))),
  // e = Σ S−² dj(n−dj)/n³, g = Σ S− dj/n², h = Σ F_i S− dj/n².
  let a = 0;
  let b = 0;
  let c = 0;
  let e = 0;
  let g = 0;
  let h = 0;
  for (let i = 0; i < m; i++) {
    const ni = n[i] as number;
    const di = d[i] as number;
    const dji = dj[i] as number;
    const sm = sMinus[i] as number;
    f += (sm * dji) / ni;
    if (di > 0 && di < ni) {
      const r = di / (ni * (ni - di));
      a += r;
      b += f * r;
      c += f * f * r;
    }
    if (dji > 0) {
      e += (sm * sm * dji * (ni - dji)) / (ni * ni * ni);
      const q = (sm * dji) / (ni * ni);
      g += q;
      h += f * q;
    }
    const v = f * f * a - 2 * f * b + c + e - 2 * f * g + 2 * h;
    const se = Math.sqrt(Math.max(0, v));
    const ci = cifInterval(f, se, z);
    out.estimate[i] = f;
    out.se[i] = se;
    out.lower[i] = ci.lower;
    out.upper[i] = ci.upper;
  }
  return out;
}

/** A cumulative incidence read at one horizon. */
export interface CifPoint {
  readonly time: number;
  readonly estimate: number | null;
  readonly se: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Number with time ≥ h; 0 beyond the last observed time (do not publish such a point). */
  readonly nRisk: number;
  /** Events of this cause in (previous horizon, h]; for the first horizon, events ≤ h. */
  readonly nEvent: number;
}

/** Reads cause `cause` (1-based) at ascending horizons, carrying the last value forward. */
export function cifAt(fit: AjFit, cause: number, horizons: NumericInput): CifPoint[] {
  const hs = checkHorizons(horizons);
  const curve = fit.cifs[cause - 1];
  if (!curve) throw new RangeError(`cause ${cause} is not in this fit (1…${fit.cifs.length})`);
  const time = Float64Array.from(fit.time);
  let prev = -1;
  return hs.map((h) => {
    const i = lastAtOrBefore(time, h);
    let nEvent = 0;
    for (let k = prev + 1; k <= i; k++) nEvent += curve.nEvent[k] as number;
    prev = Math.max(prev, i);
    const atRisk =
      i >= 0 && fit.time[i] === h
        ? (fit.nRisk[i] as number)
        : ((fit.nRisk[i + 1] as number | undefined) ?? 0);
    const base = { time: h, nRisk: atRisk, nEvent };
    if (fit.n === 0) return { ...base, estimate: null, se: null, lower: null, upper: null };
    if (i < 0) return { ...base, estimate: 0, se: 0, lower: 0, upper: 0 };
    return {
      ...base,
      estimate: curve.estimate[i] as number,
      se: curve.se[i] as number,
      lower: curve.lower[i] as number | null,
      upper: curve.upper[i] as number | null,
    };
  });
}
