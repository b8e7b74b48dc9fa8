import type { Model } from './model.js';

/** Bounds an attacker can derive for every variable, and whether the relations contradicted. */
export interface Bounds {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** Variables whose relations cannot all hold (the published numbers break an assumed relation). */
  readonly infeasible: ReadonlySet<number>;
}

const EPS = 1e-9;

/**
 * Interval bounds propagation to a fixed point: known variables are fixed, unknown ones start at
 * [0, ∞) (non-negativity), and every equation `Σ c·x = 0` narrows each of its variables to what the
 * others allow. Counts are rounded inward to integers. On the one-way, two-way and hierarchical
 * tables we publish this reaches the linear-programming bounds; on general systems it can be
 * looser (see docs/privacy.md).
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
  for (const v of model.vars)
    if (!unknown(v.id) && v.value !== null) {
      lo[v.id] = v.value;
      hi[v.id] = v.value;
    }
  const infeasible = new Set<number>();
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
    if (!changed || infeasible.size) break;
  }
  return { lo, hi, infeasible };
}
