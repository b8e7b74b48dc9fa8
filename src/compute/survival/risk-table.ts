import { IdwError } from '../../shared/index.js';
import { survivalProblem } from './messages.js';

/** Numbers as a plain array or any typed array. */
export type NumericInput = ArrayLike<number>;

/**
 * Observations grouped by distinct time, ascending: the "risk table" every estimator here is built
 * on. `nRisk[i]` counts observations with time ≥ time[i] (censored at time[i] are still at risk);
 * `nEvent[c][i]` counts status c+1 at time[i]; `nCensor[i]` counts status 0.
 */
export interface RiskTable {
  readonly n: number;
  readonly time: Float64Array;
  readonly nRisk: Float64Array;
  readonly nCensor: Float64Array;
  /** Per cause (index 0 = status 1): events at each time. */
  readonly nEvent: readonly Float64Array[];
  /** All causes together. */
  readonly nEventAll: Float64Array;
}

function fail(p: ReturnType<typeof survivalProblem>): never {
  throw IdwError.single(p.code, p, { path: 'survival' });
}

/**
 * Validates and groups (time, status) pairs in O(n log n). Status is an integer 0 … `maxStatus`
 * (0 = censored). Throws `IdwError` on mismatched lengths, a non-finite or negative time, or a
 * status outside the range: nothing is dropped silently.
 */
export function buildRiskTable(
  times: NumericInput,
  status: NumericInput,
  maxStatus: number,
): RiskTable {
  const n = times.length;
  if (status.length !== n)
    fail(survivalProblem('COMPUTE_SURVIVAL_LENGTH_MISMATCH', n, status.length));
  const t = new Float64Array(n);
  const s = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const ti = times[i] as number;
    if (!Number.isFinite(ti) || ti < 0)
      fail(survivalProblem('COMPUTE_SURVIVAL_BAD_TIME', i, String(ti)));
    const si = status[i] as number;
    if (!Number.isInteger(si) || si < 0 || si > maxStatus)
      fail(survivalProblem('COMPUTE_SURVIVAL_BAD_STATUS', i, String(si), `0…${maxStatus}`));
    t[i] = ti;
    s[i] = si;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (t[a] as number) - (t[b] as number));

  // Count distinct times first so the output arrays are allocated once.
  let m = 0;
  for (let k = 0; k < n; k++) {
    if (k === 0 || t[order[k] as number] !== t[order[k - 1] as number]) m++;
  }
  const time = new Float64Array(m);
  const nRisk = new Float64Array(m);
  const nCensor = new Float64Array(m);
  const nEventAll = new Float64Array(m);
  const nEvent = Array.from({ length: maxStatus }, () => new Float64Array(m));
  let j = -1;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const ti = t[i] as number;
    if (j < 0 || time[j] !== ti) {
      j++;
      time[j] = ti;
      nRisk[j] = n - k;
    }
    const si = s[i] as number;
    if (si === 0) nCensor[j] = (nCensor[j] as number) + 1;
    else {
      const ev = nEvent[si - 1] as Float64Array;
      ev[j] = (ev[j] as number) + 1;
      nEventAll[j] = (nEventAll[j] as number) + 1;
    }
  }
  return { n, time, nRisk, nCensor, nEvent, nEventAll };
}

/** Index of the last time ≤ h, or −1 when h is before the first time. */
export function lastAtOrBefore(time: Float64Array, h: number): number {
  let lo = 0;
  let hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((time[mid] as number) <= h) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Checks horizons: finite and non-decreasing (events are counted between successive horizons). */
export function checkHorizons(horizons: NumericInput): number[] {
  const out = Array.from(horizons);
  out.forEach((h, i) => {
    if (!Number.isFinite(h))
      fail(survivalProblem('COMPUTE_SURVIVAL_BAD_HORIZONS', `${h} is not a finite number`));
    const prev = out[i - 1];
    if (prev !== undefined && h < prev)
      fail(survivalProblem('COMPUTE_SURVIVAL_BAD_HORIZONS', 'they must be in ascending order'));
  });
  return out;
}

/** Checks a probability in [0, 1]. */
export function checkProbability(p: number): void {
  if (!(p >= 0 && p <= 1)) fail(survivalProblem('COMPUTE_SURVIVAL_BAD_PROBABILITY', String(p)));
}
