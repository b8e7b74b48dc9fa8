/**
 * Survival estimators the engine needs, on plain arrays. Kaplan–Meier quantiles follow R `survival`
 * (smallest t with S(t) ≤ 1 − p; the midpoint of a flat segment where S equals 1 − p exactly). The
 * Aalen–Johansen cumulative incidence uses the delta-method (Greenwood-type) variance that SAS, Stata
 * and statsmodels use, and a log(−log) interval.
 */

const Z95 = 1.959963984540054;
const EPS = 1e-12;

/** Distinct times with the number at risk just before and the events of each type. */
function table(times: readonly number[], types: readonly number[]) {
  const idx = times.map((_, i) => i).sort((a, b) => times[a]! - times[b]!);
  const out: { t: number; n: number; d1: number; d: number }[] = [];
  let atRisk = times.length;
  for (let i = 0; i < idx.length;) {
    const t = times[idx[i]!]!;
    let d1 = 0;
    let d = 0;
    let c = 0;
    for (; i < idx.length && times[idx[i]!] === t; i++, c++) {
      const ty = types[idx[i]!]!;
      if (ty === 1) d1++;
      if (ty !== 0) d++;
    }
    out.push({ t, n: atRisk, d1, d });
    atRisk -= c;
  }
  return out;
}

/** Kaplan–Meier quantiles of durations (`event` false = still open at `time`). Null where not reached. */
export function kmQuantiles(
  times: readonly number[],
  events: readonly boolean[],
  ps: readonly number[],
): (number | null)[] {
  const rows = table(
    times,
    events.map((e) => (e ? 1 : 0)),
  ).filter((r) => r.d > 0);
  const steps: { t: number; s: number }[] = [];
  let s = 1;
  for (const r of rows) {
    s *= 1 - r.d / r.n;
    steps.push({ t: r.t, s });
  }
  return ps.map((p) => {
    const target = 1 - p;
    for (let i = 0; i < steps.length; i++) {
      const st = steps[i]!;
      if (Math.abs(st.s - target) < EPS) {
        const next = steps[i + 1];
        return next ? (st.t + next.t) / 2 : st.t;
      }
      if (st.s < target) return st.t;
    }
    return null;
  });
}

/** Plain quantile of finished durations (linear interpolation, like `quantile_cont`). */
export function plainQuantiles(
  values: readonly number[],
  ps: readonly number[],
): (number | null)[] {
  const v = [...values].sort((a, b) => a - b);
  if (!v.length) return ps.map(() => null);
  return ps.map((p) => {
    const h = (v.length - 1) * p;
    const lo = Math.floor(h);
    return v[lo]! + (h - lo) * ((v[Math.ceil(h)] ?? v[lo]!) - v[lo]!);
  });
}

/** Aalen–Johansen estimate of the cumulative incidence of cause 1. */
export interface Cif {
  readonly value: number;
  readonly se: number;
  readonly low: number;
  readonly high: number;
  /** Number still at risk at the evaluation time. */
  readonly atRisk: number;
}

/**
 * Cumulative incidence of cause 1 strictly before `at` (types: 0 censored, 1 the event, 2 a
 * competing event). "Strictly before" matches a crude rate that counts events before the horizon.
 */
export function ajCif(times: readonly number[], types: readonly number[], at: number): Cif {
  const rows = table(times, types).filter((r) => r.t < at);
  let s = 1;
  const fAt: number[] = [];
  const sPrev: number[] = [];
  let f = 0;
  for (const r of rows) {
    sPrev.push(s);
    f += (s * r.d1) / r.n;
    fAt.push(f);
    s *= 1 - r.d / r.n;
  }
  let v = 0;
  rows.forEach((r, j) => {
    if (r.d === 0) return;
    const df = f - fAt[j]!;
    const sp = sPrev[j]!;
    if (r.n > r.d) v += (df * df * r.d) / (r.n * (r.n - r.d));
    v += (sp * sp * r.d1 * (r.n - r.d1)) / r.n ** 3;
    v -= (2 * df * sp * r.d1) / r.n ** 2;
  });
  const se = Math.sqrt(Math.max(v, 0));
  let low = f;
  let high = f;
  if (f > 0 && f < 1 && se > 0) {
    const a = (Z95 * se) / (f * Math.log(f));
    const b1 = f ** Math.exp(a);
    const b2 = f ** Math.exp(-a);
    low = Math.min(b1, b2);
    high = Math.max(b1, b2);
  }
  const atRisk = times.filter((t) => t >= at).length;
  return { value: f, se, low, high, atRisk };
}
