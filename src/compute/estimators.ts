/**
 * The engine's view of the survival statistics (`./survival`): Kaplan–Meier quantiles (R's rule),
 * plain quantiles of finished durations, the Aalen–Johansen cumulative incidence of work read
 * just before a horizon, and the multi-state estimates of being at work on a horizon day.
 */
import {
  aalenJohansen,
  cifAt,
  cifInterval,
  multiStateAJ,
  type MsPaths,
  type MsPoint,
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

/** One member for `msFit`: follow-up time and job spells [in, out) in months (out null: open). */
export interface MsMember {
  readonly exit: number;
  readonly spells: readonly (readonly [number, number | null])[];
}

/** Multi-state estimates of one cohort group, read at any horizon (fit once, read often). */
export interface MsFit {
  /** P(at work on the horizon day h): multi-state Aalen–Johansen. */
  atWork(h: number): Cif;
  /** P(at work at h and at h + k): at-work × landmark Aalen–Johansen from h among those at work. */
  durable(h: number, k: number): Cif;
}

const NOT_AT_WORK = 0;
const AT_WORK = 1;

/** A member's path: merged spells (overlapping or touching ones are one stay at work). */
function pathOf(m: MsMember): { state0: number; times: number[]; to: number[] } {
  // A spell that ends before it starts covers no day (the crude rate never counts it either).
  const sp = m.spells.filter(([a, b]) => b === null || b > a).sort((a, b) => a[0] - b[0]);
  const merged: [number, number | null][] = [];
  for (const [a, b] of sp) {
    const last = merged.at(-1);
    if (last && (last[1] === null || a <= last[1])) {
      if (last[1] !== null && (b === null || b > last[1])) last[1] = b;
    } else merged.push([a, b]);
  }
  let state0 = NOT_AT_WORK;
  const times: number[] = [];
  const to: number[] = [];
  for (const [a, b] of merged) {
    if (a <= 0) state0 = AT_WORK;
    else {
      times.push(a);
      to.push(AT_WORK);
    }
    if (b !== null) {
      times.push(b);
      to.push(NOT_AT_WORK);
    }
  }
  return { state0, times, to };
}

function toPaths(
  ps: readonly { state0: number; exit: number; times: number[]; to: number[] }[],
  start: number,
): MsPaths {
  const offsets = new Int32Array(ps.length + 1);
  ps.forEach((p, i) => (offsets[i + 1] = offsets[i]! + p.times.length));
  return {
    states: 2,
    start,
    state0: Int32Array.from(ps, (p) => p.state0),
    exit: Float64Array.from(ps, (p) => p.exit),
    offsets,
    trTime: Float64Array.from(ps.flatMap((p) => p.times)),
    trTo: Int32Array.from(ps.flatMap((p) => p.to)),
  };
}

function comparePaths(
  a: { state0: number; exit: number; times: number[] },
  b: { state0: number; exit: number; times: number[] },
): number {
  if (a.exit !== b.exit) return a.exit - b.exit;
  if (a.state0 !== b.state0) return a.state0 - b.state0;
  if (a.times.length !== b.times.length) return a.times.length - b.times.length;
  for (let i = 0; i < a.times.length; i++)
    if (a.times[i] !== b.times[i]) return a.times[i]! - b.times[i]!;
  return 0;
}

/** The multi-state fits of one group of cohort members (`MsFit`). */
export function msFit(members: readonly MsMember[]): MsFit {
  // In a canonical order, so that sums of influences (floating point) do not depend on the order
  // the store returned the rows in: the same members give the same numbers to the last bit.
  const paths = members.map((m) => ({ ...pathOf(m), exit: m.exit })).sort(comparePaths);
  const all = toPaths(paths, 0);
  const points = new Map<number, MsPoint>();
  const pointAt = (h: number) => {
    let p = points.get(h);
    if (!p) points.set(h, (p = multiStateAJ(all, AT_WORK, [h])[0]!));
    return p;
  };
  const followed = (t: number) => paths.reduce((n, p) => n + (p.exit >= t ? 1 : 0), 0);
  return {
    atWork(h) {
      const p = pointAt(h);
      return { value: p.estimate, low: p.lower, high: p.upper, atRisk: p.nRisk };
    },
    durable(h, k) {
      const a = pointAt(h);
      const atRisk = followed(h + k);
      // Landmark: members followed at h and at work then, from h on.
      const sub: number[] = [];
      const lm = [];
      for (let i = 0; i < paths.length; i++) {
        const p = paths[i]!;
        if (p.exit < h) continue;
        let s = p.state0;
        let j = 0;
        while (j < p.times.length && p.times[j]! <= h) s = p.to[j++]!;
        if (s !== AT_WORK) continue;
        sub.push(i);
        lm.push({ state0: AT_WORK, exit: p.exit, times: p.times.slice(j), to: p.to.slice(j) });
      }
      if (!sub.length) return { value: null, low: null, high: null, atRisk };
      const b = multiStateAJ(toPaths(lm, h), AT_WORK, [h + k])[0]!;
      const value = a.estimate * b.estimate;
      // Influence of each member on the product: b·U_a + a·U_b (U_b is 0 outside the landmark set).
      const u = Float64Array.from(a.influence, (x) => b.estimate * x);
      sub.forEach((i, j) => (u[i] = u[i]! + a.estimate * b.influence[j]!));
      let v = 0;
      for (const x of u) v += x * x;
      const ci = cifInterval(value, Math.sqrt(v));
      return { value, low: ci.lower, high: ci.upper, atRisk };
    },
  };
}
