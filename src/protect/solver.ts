import { narrow, unknownGroups, type Bounds } from './bounds.js';
import type { Model } from './model.js';

interface Solved {
  readonly vars: readonly number[];
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly infeasible: readonly number[];
}

/**
 * Bounds propagation re-solved incrementally while a suppression pattern changes one cell at a
 * time. Only equations with an unknown variable can narrow anything; they split into groups linked
 * by unknown variables, and the bounds of a group depend only on which variables in it are
 * unknown. A group left untouched by a change is taken from the cache instead of being solved
 * again. Gives exactly the bounds of `propagate` on the same equations.
 */
export class IncrementalBounds {
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly isUnknown: Uint8Array;
  private readonly eqsOfVar: number[][];
  private readonly seen: Int32Array;
  private readonly parent: Int32Array;
  private stamp = 0;
  private readonly cache = new Map<string, Solved>();

  constructor(
    private readonly model: Model,
    private readonly maxRounds = 500,
  ) {
    const n = model.vars.length;
    this.lo = new Float64Array(n);
    this.hi = new Float64Array(n).fill(Infinity);
    this.isUnknown = new Uint8Array(n);
    this.eqsOfVar = model.vars.map(() => []);
    model.eqs.forEach((e, i) => {
      for (const [v] of e.terms) this.eqsOfVar[v]!.push(i);
    });
    this.seen = new Int32Array(model.eqs.length);
    this.parent = new Int32Array(n).fill(-1);
  }

  /**
   * Bounds when exactly the variables `unknownVars` (and those without a number) are unknown to
   * the attacker. Only entries of `unknownVars` in the result are meaningful.
   */
  solve(unknownVars: readonly number[]): Bounds {
    const { model, lo, hi, isUnknown, seen } = this;
    const stamp = ++this.stamp;
    const eqs: number[] = [];
    for (const v of unknownVars)
      for (const e of this.eqsOfVar[v]!)
        if (seen[e] !== stamp) {
          seen[e] = stamp;
          eqs.push(e);
        }
    eqs.sort((a, b) => a - b);
    for (const e of eqs)
      for (const [id] of model.eqs[e]!.terms) {
        const v = model.vars[id]!;
        isUnknown[id] = v.value === null ? 1 : 0;
        lo[id] = v.value ?? v.min ?? 0;
        hi[id] = v.value ?? v.max ?? Infinity;
      }
    for (const id of unknownVars) {
      isUnknown[id] = 1;
      lo[id] = model.vars[id]!.min ?? 0;
      hi[id] = model.vars[id]!.max ?? Infinity;
    }
    const infeasible = new Set<number>();
    for (const g of unknownGroups(model, isUnknown, eqs, this.parent).groups) {
      const key = g.vars.join(',');
      let s = this.cache.get(key);
      if (!s) {
        const found = new Set<number>();
        narrow(model, lo, hi, g.eqs, found, this.maxRounds);
        s = {
          vars: g.vars,
          lo: Float64Array.from(g.vars, (v) => lo[v]!),
          hi: Float64Array.from(g.vars, (v) => hi[v]!),
          infeasible: [...found],
        };
        this.cache.set(key, s);
      }
      for (let i = 0; i < s.vars.length; i++) {
        lo[s.vars[i]!] = s.lo[i]!;
        hi[s.vars[i]!] = s.hi[i]!;
      }
      for (const v of s.infeasible) infeasible.add(v);
    }
    for (const id of unknownVars) isUnknown[id] = 0;
    return { lo, hi, infeasible };
  }
}
