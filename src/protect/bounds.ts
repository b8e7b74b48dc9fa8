import type { Model } from './model.js';

/** Bounds an attacker can derive for every variable, and whether the relations contradicted. */
export interface Bounds {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** Variables whose relations cannot all hold (the published numbers break an assumed relation). */
  readonly infeasible: ReadonlySet<number>;
}

/** Equations that share unknown variables: bounds in one group never depend on another. */
export interface UnknownGroup {
  /** Unknown variables of the group, ascending. */
  readonly vars: number[];
  /** Its equations, in the order given. */
  readonly eqs: number[];
}

const EPS = 1e-9;

/**
 * Interval bounds propagation to a fixed point: known variables are fixed, unknown ones start at
 * [0, ∞) (non-negativity) or the range everyone knows (the slack of a near-additive relation), and every equation `Σ c·x = 0` narrows each of its variables to what the
 * others allow. Counts are rounded inward to integers. On the one-way, two-way and hierarchical
 * tables we publish this reaches the linear-programming bounds; on general systems it can be
 * looser (see docs/privacy.md).
 *
 * Known numbers are constants, so the equations split into groups linked by unknown variables;
 * each group is narrowed on its own (the same fixed point, reached without sweeping the others).
 */
export function propagate(
  model: Model,
  unknown: (varId: number) => boolean,
  eqIds: readonly number[] = model.eqs.map((_, i) => i),
  maxRounds = 500,
): Bounds {
  const n = model.vars.length;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n).fill(Infinity);
  const isUnknown = new Uint8Array(n);
  for (const v of model.vars)
    if (!unknown(v.id) && v.value !== null) {
      lo[v.id] = v.value;
      hi[v.id] = v.value;
    } else {
      isUnknown[v.id] = 1;
      lo[v.id] = v.min ?? 0;
      hi[v.id] = v.max ?? Infinity;
    }
  const infeasible = new Set<number>();
  const { groups, fixed } = unknownGroups(model, isUnknown, eqIds);
  // Equations between known numbers only: a contradiction marks their variables.
  narrow(model, lo, hi, fixed, infeasible, 1);
  for (const g of groups) narrow(model, lo, hi, g.eqs, infeasible, maxRounds);
  return { lo, hi, infeasible };
}

/**
 * Splits equations into groups linked by unknown variables, and equations with none. `parent` is
 * scratch space of one entry per variable, all −1 (left so on return).
 */
export function unknownGroups(
  model: Model,
  isUnknown: Uint8Array,
  eqIds: readonly number[],
  parent: Int32Array = new Int32Array(model.vars.length).fill(-1),
): { groups: UnknownGroup[]; fixed: number[] } {
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r]!;
    while (x !== r) {
      const next = parent[x]!;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  const fixed: number[] = [];
  const firstUnknown: number[] = [];
  const seen: number[] = [];
  for (const e of eqIds) {
    let first = -1;
    for (const [v] of model.eqs[e]!.terms) {
      if (!isUnknown[v]) continue;
      if (parent[v] === -1) {
        parent[v] = v;
        seen.push(v);
      }
      if (first < 0) first = v;
      else {
        const a = find(first),
          b = find(v);
        if (a !== b) parent[b] = a;
      }
    }
    if (first < 0) fixed.push(e);
    firstUnknown.push(first);
  }
  const byRoot = new Map<number, UnknownGroup>();
  eqIds.forEach((e, i) => {
    const f = firstUnknown[i]!;
    if (f < 0) return;
    const r = find(f);
    const g = byRoot.get(r) ?? { vars: [], eqs: [] };
    g.eqs.push(e);
    byRoot.set(r, g);
  });
  seen.sort((a, b) => a - b);
  for (const v of seen) byRoot.get(find(v))!.vars.push(v);
  for (const v of seen) parent[v] = -1;
  return { groups: [...byRoot.values()], fixed };
}

/** Narrows lo/hi with the given equations until nothing changes (or a contradiction). */
export function narrow(
  model: Model,
  lo: Float64Array,
  hi: Float64Array,
  eqIds: readonly number[],
  infeasible: Set<number>,
  maxRounds: number,
): void {
  const start = infeasible.size;
  const round = (id: number) => {
    if (!model.vars[id]!.count) return;
    lo[id] = Math.ceil(lo[id]! - 1e-6);
    hi[id] = Math.floor(hi[id]! + 1e-6);
  };
  for (let r = 0; r < maxRounds; r++) {
    let changed = false;
    for (const e of eqIds) {
      const terms = model.eqs[e]!.terms;
      // Sum of c·x over all terms: finite parts and the number of infinite ends.
      let sLo = 0,
        sHi = 0,
        infLo = 0,
        infHi = 0;
      for (const [v, c] of terms) {
        const a = c * lo[v]!,
          b = c * hi[v]!;
        const mn = Math.min(a, b),
          mx = Math.max(a, b);
        if (mn === -Infinity) infLo++;
        else sLo += mn;
        if (mx === Infinity) infHi++;
        else sHi += mx;
      }
      for (const [v, c] of terms) {
        const a = c * lo[v]!,
          b = c * hi[v]!;
        const mn = Math.min(a, b),
          mx = Math.max(a, b);
        // Others: [oLo, oHi]; c·x = −others.
        const oLo =
          mn === -Infinity ? (infLo > 1 ? -Infinity : sLo) : infLo > 0 ? -Infinity : sLo - mn;
        const oHi =
          mx === Infinity ? (infHi > 1 ? Infinity : sHi) : infHi > 0 ? Infinity : sHi - mx;
        const xLo = c === 1 ? -oHi : oLo;
        const xHi = c === 1 ? -oLo : oHi;
        if (xLo > lo[v]! + EPS) {
          lo[v] = xLo;
          changed = true;
        }
        if (xHi < hi[v]! - EPS) {
          hi[v] = xHi;
          changed = true;
        }
        round(v);
        if (lo[v]! > hi[v]! + 1e-6) infeasible.add(v);
      }
    }
    if (!changed || infeasible.size > start) break;
  }
}
