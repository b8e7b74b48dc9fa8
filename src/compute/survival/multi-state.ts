import { IdwError } from '../../shared/index.js';
import { Z95, cifInterval } from './confidence.js';
import { survivalProblem } from './messages.js';
import { checkHorizons, type NumericInput } from './risk-table.js';

/**
 * Paths of a multi-state process, one per subject, all starting at the same time `start`:
 * subject i is in `state0[i]` at `start`, moves to `trTo[k]` at `trTime[k]` for k in
 * `offsets[i] … offsets[i+1] − 1` (strictly increasing times, each > start and ≤ `exit[i]`) and is
 * followed up to `exit[i]` (censored there, unless a transition happens at that very time).
 * States are 0 … states − 1; a state may be left and re-entered any number of times.
 */
export interface MsPaths {
  readonly states: number;
  readonly start?: number;
  readonly state0: NumericInput;
  readonly exit: NumericInput;
  readonly offsets: NumericInput;
  readonly trTime: NumericInput;
  readonly trTo: NumericInput;
}

/** State-occupation probabilities read at one horizon. */
export interface MsPoint {
  readonly time: number;
  /** P(in state j at time) for every state j (R `pstate`). */
  readonly pstate: number[];
  /** P(in the target state), its infinitesimal-jackknife standard error and 95 % interval. */
  readonly estimate: number;
  readonly se: number;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Subjects still followed at the horizon (start < time ≤ exit). */
  readonly nRisk: number;
  /** Influence of each subject on `estimate` (Σ influence² = se²). */
  readonly influence: Float64Array;
}

/** Options of `multiStateAJ`. */
export interface MsOptions {
  /** Normal quantile for the interval; default `Z95`. */
  readonly z?: number;
  /**
   * Treat the initial distribution p(start) as known, as R's survfit does (its standard error is 0
   * before the first transition). Default false: p(start) is itself estimated from the subjects,
   * so its influence (e_state0 − p(start))/n is part of the variance.
   */
  readonly fixedStart?: boolean;
}

function fail(p: ReturnType<typeof survivalProblem>): never {
  throw IdwError.single(p.code, p, { path: 'survival' });
}

/** First index in sorted `a` with a[i] > x. */
function upper(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Aalen–Johansen estimator of the state-occupation probabilities of a multi-state process with
 * reversible transitions and right censoring: p(t) = p(start)·Π_{s ≤ t} (I + dA(s)), dA_jk(s) =
 * d_jk(s)/n_j(s). Equals R `survfit(Surv(tstart, tstop, state) ~ 1, id = id, istate =)$pstate`;
 * the standard error is R's infinitesimal jackknife (influence of each subject), with the
 * influence of the initial distribution added unless `fixedStart` (R leaves it out). Consistent for state-occupation probabilities without the Markov assumption when
 * censoring is independent (Datta & Satten 2001). Interval on the log(−log p) scale as for the
 * cumulative incidence (`cifInterval`). O(n log m + m·K²) per horizon, m distinct transition times.
 */
export function multiStateAJ(
  paths: MsPaths,
  target: number,
  horizons: NumericInput,
  opts: MsOptions = {},
): MsPoint[] {
  const hs = checkHorizons(horizons);
  const K = paths.states;
  const start = paths.start ?? 0;
  const n = paths.state0.length;
  if (paths.exit.length !== n || paths.offsets.length !== n + 1)
    fail(survivalProblem('COMPUTE_SURVIVAL_LENGTH_MISMATCH', n, paths.exit.length));
  const nTr = paths.trTime.length;
  // Validate each path and collect the distinct transition times.
  const all = new Float64Array(nTr);
  for (let i = 0; i < n; i++) {
    let s = paths.state0[i] as number;
    const ex = paths.exit[i] as number;
    if (!Number.isInteger(s) || s < 0 || s >= K)
      fail(survivalProblem('COMPUTE_SURVIVAL_BAD_STATUS', i, String(s), `0…${K - 1}`));
    if (!Number.isFinite(ex) || ex < start)
      fail(survivalProblem('COMPUTE_SURVIVAL_BAD_TIME', i, String(ex)));
    let prev = start;
    for (let k = paths.offsets[i] as number; k < (paths.offsets[i + 1] as number); k++) {
      const t = paths.trTime[k] as number;
      const to = paths.trTo[k] as number;
      if (!(t > prev) || t > ex)
        fail(survivalProblem('COMPUTE_SURVIVAL_BAD_PATH_TIME', i, t, prev, ex));
      if (!Number.isInteger(to) || to < 0 || to >= K || to === s)
        fail(survivalProblem('COMPUTE_SURVIVAL_BAD_PATH_STATE', i, s, to));
      all[k] = t;
      prev = t;
      s = to;
    }
  }
  all.sort();
  let m = 0;
  for (let k = 0; k < nTr; k++) if (k === 0 || all[k] !== all[k - 1]) all[m++] = all[k] as number;
  const T = all.subarray(0, m);
  // Counts per time: d[(i·K + j)·K + k] transitions j → k at T[i]; at risk per state by a
  // difference array over sojourns (entry, exit]: at risk at T[i] when entry < T[i] ≤ exit.
  const d = new Float64Array(m * K * K);
  const diff = new Float64Array((m + 1) * K);
  const p0 = new Float64Array(K);
  const sojourn = (j: number, from: number, to: number) => {
    const a = upper(T, from);
    const b = upper(T, to);
    if (b > a) {
      diff[a * K + j] = (diff[a * K + j] as number) + 1;
      diff[b * K + j] = (diff[b * K + j] as number) - 1;
    }
  };
  for (let i = 0; i < n; i++) {
    let s = paths.state0[i] as number;
    p0[s] = (p0[s] as number) + 1 / n;
    let from = start;
    for (let k = paths.offsets[i] as number; k < (paths.offsets[i + 1] as number); k++) {
      const t = paths.trTime[k] as number;
      const to = paths.trTo[k] as number;
      sojourn(s, from, t);
      const ti = upper(T, t) - 1;
      d[(ti * K + s) * K + to] = (d[(ti * K + s) * K + to] as number) + 1;
      s = to;
      from = t;
    }
    sojourn(s, from, paths.exit[i] as number);
  }
  const nr = new Float64Array(m * K);
  for (let j = 0; j < K; j++) {
    let c = 0;
    for (let i = 0; i < m; i++) nr[i * K + j] = c += diff[i * K + j] as number;
  }
  // dA row sums per time and state, and p(T[i]−) by the forward product.
  const pm = new Float64Array(m * K);
  const p = Float64Array.from(p0);
  for (let i = 0; i < m; i++) {
    pm.set(p, i * K);
    const q = Float64Array.from(p);
    for (let j = 0; j < K; j++) {
      const nj = nr[i * K + j] as number;
      if (!nj) continue;
      for (let k = 0; k < K; k++) {
        const djk = d[(i * K + j) * K + k] as number;
        if (!djk) continue;
        const flow = ((p[j] as number) * djk) / nj;
        q[j] = (q[j] as number) - flow;
        q[k] = (q[k] as number) + flow;
      }
    }
    p.set(q);
  }
  const z = opts.z ?? Z95;
  return hs.map((h) => {
    const M = upper(T, h); // times T[0 … M−1] ≤ h
    const pstate = Array.from(M < m ? pm.subarray(M * K, M * K + K) : p);
    // v(i) = P(T[i], h)·e_target (product over (T[i], h]) by the backward recursion.
    const v = new Float64Array((M + 1) * K);
    v[M * K + target] = 1;
    for (let i = M - 1; i >= 0; i--)
      for (let j = 0; j < K; j++) {
        const nj = nr[i * K + j] as number;
        let x = v[(i + 1) * K + j] as number;
        if (nj)
          for (let k = 0; k < K; k++) {
            const djk = d[(i * K + j) * K + k] as number;
            if (djk)
              x += (djk / nj) * ((v[(i + 1) * K + k] as number) - (v[(i + 1) * K + j] as number));
          }
        v[i * K + j] = x;
      }
    // The influence of being in state j at T[i] (at risk), as a running sum over times:
    // c[i·K + j] = Σ_{i' < i} p_j(T[i']−)/n_j · Σ_k dA_jk (v_k − v_j), all at T[i'].
    const c = new Float64Array((M + 1) * K);
    for (let i = 0; i < M; i++)
      for (let j = 0; j < K; j++) {
        const nj = nr[i * K + j] as number;
        let g = 0;
        if (nj)
          for (let k = 0; k < K; k++) {
            const djk = d[(i * K + j) * K + k] as number;
            if (djk)
              g += (djk / nj) * ((v[(i + 1) * K + k] as number) - (v[(i + 1) * K + j] as number));
          }
        c[(i + 1) * K + j] =
          (c[i * K + j] as number) + (nj ? ((pm[i * K + j] as number) / nj) * g : 0);
      }
    const vAt0 = (j: number) => v[j] as number; // P(start, h)·e_target
    let pTarget0 = 0;
    for (let j = 0; j < K; j++) pTarget0 += (p0[j] as number) * vAt0(j);
    const influence = new Float64Array(n);
    let nRisk = 0;
    let variance = 0;
    for (let i = 0; i < n; i++) {
      let s = paths.state0[i] as number;
      const ex = paths.exit[i] as number;
      if (ex >= h && h > start) nRisk++;
      let u = opts.fixedStart ? 0 : (vAt0(s) - pTarget0) / n;
      let a = 0; // index of the first time > entry of the current sojourn
      for (let k = paths.offsets[i] as number; k < (paths.offsets[i + 1] as number); k++) {
        const t = paths.trTime[k] as number;
        if (t > h) break;
        const to = paths.trTo[k] as number;
        const ti = upper(T, t) - 1;
        u -= (c[(ti + 1) * K + s] as number) - (c[a * K + s] as number);
        const nj = nr[ti * K + s] as number;
        u +=
          ((pm[ti * K + s] as number) / nj) *
          ((v[(ti + 1) * K + to] as number) - (v[(ti + 1) * K + s] as number));
        a = ti + 1;
        s = to;
      }
      const b = upper(T, Math.min(ex, h));
      if (b > a) u -= (c[b * K + s] as number) - (c[a * K + s] as number);
      influence[i] = u;
      variance += u * u;
    }
    const se = Math.sqrt(variance);
    const est = pstate[target] as number;
    const ci = cifInterval(est, se, z);
    return {
      time: h,
      pstate,
      estimate: est,
      se,
      lower: ci.lower,
      upper: ci.upper,
      nRisk,
      influence,
    };
  });
}
