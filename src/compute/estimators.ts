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

/** A member's path between not at work (0) and at work (1), with the end of follow-up. */
export interface MsPath {
  readonly state0: number;
  readonly exit: number;
  readonly times: readonly number[];
  readonly to: readonly number[];
}

/** A member's path: merged spells (overlapping or touching ones are one stay at work). */
export function msPath(m: MsMember): MsPath {
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
  return { state0, exit: m.exit, times, to };
}

/**
 * Canonical order of paths, so that sums of influences (floating point) do not depend on the order
 * the store returned the rows in: the same members give the same numbers to the last bit.
 */
export function comparePaths(a: MsPath, b: MsPath): number {
  if (a.exit !== b.exit) return a.exit - b.exit;
  if (a.state0 !== b.state0) return a.state0 - b.state0;
  if (a.times.length !== b.times.length) return a.times.length - b.times.length;
  for (let i = 0; i < a.times.length; i++)
    if (a.times[i] !== b.times[i]) return a.times[i]! - b.times[i]!;
  return 0;
}

/** Paths as `MsPaths`; with `from`, each path starts at its transition `from[i]`, at work. */
function toPaths(ps: readonly MsPath[], start: number, from?: readonly number[]): MsPaths {
  const n = ps.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + ps[i]!.times.length - (from?.[i] ?? 0);
  const trTime = new Float64Array(offsets[n]!);
  const trTo = new Int32Array(offsets[n]!);
  const state0 = new Int32Array(n);
  const exit = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = ps[i]!;
    state0[i] = from ? AT_WORK : p.state0;
    exit[i] = p.exit;
    let k = offsets[i]!;
    for (let j = from?.[i] ?? 0; j < p.times.length; j++, k++) {
      trTime[k] = p.times[j]!;
      trTo[k] = p.to[j]!;
    }
  }
  return { states: 2, start, state0, exit, offsets, trTime, trTo };
}

/**
 * The multi-state fits of one group of cohort members (`MsFit`), from their paths in canonical
 * order (`comparePaths`). `horizons`: the horizons that will be read, fitted in one pass.
 */
export function msFit(paths: readonly MsPath[], horizons: readonly number[] = []): MsFit {
  const all = toPaths(paths, 0);
  const points = new Map<number, MsPoint>();
  const hs = [...new Set(horizons)].sort((a, b) => a - b);
  if (hs.length) multiStateAJ(all, AT_WORK, hs).forEach((p, i) => points.set(hs[i]!, p));
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
      const lm: MsPath[] = [];
      const from: number[] = [];
      for (let i = 0; i < paths.length; i++) {
        const p = paths[i]!;
        if (p.exit < h) continue;
        let s = p.state0;
        let j = 0;
        while (j < p.times.length && p.times[j]! <= h) s = p.to[j++]!;
        if (s !== AT_WORK) continue;
        sub.push(i);
        lm.push(p);
        from.push(j);
      }
      if (!sub.length) return { value: null, low: null, high: null, atRisk };
      const b = multiStateAJ(toPaths(lm, h, from), AT_WORK, [h + k])[0]!;
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
