import type { Thresholds } from './access.js';
import type { Bounds } from './bounds.js';
import type { Model } from './model.js';
import type { Quantity } from './quantities.js';

/** A suppressed cell whose numbers the published ones give away. */
export interface Exposure {
  readonly cell: string;
  /** `pinned`: a count narrowed into the danger zone; `recomputable`: the cell's number follows exactly. */
  readonly kind: 'pinned' | 'recomputable';
  readonly quantity: Quantity;
  readonly lo: number;
  readonly hi: number;
}

const exact = (lo: number, hi: number) => Number.isFinite(hi) && hi - lo < 1e-6;

/**
 * The disclosure rule shared by `protect` and `check-disclosure` (docs/privacy.md):
 * a suppressed count quantity with bounds [lo, hi] is *pinned* when lo < t and hi − lo < t
 * (t = count threshold), unless it is a known zero and zeros are safe; a suppressed cell is
 * *recomputable* when its value (a count or sum), or both numerator and denominator (a share
 * or rate), follow exactly.
 */
export function findExposures(
  model: Model,
  b: Bounds,
  suppressed: Iterable<string>,
  th: Thresholds,
): Exposure[] {
  const out: Exposure[] = [];
  for (const cell of suppressed) {
    const ids = (model.varsOfCell.get(cell) ?? []).filter((v) => !b.infeasible.has(v));
    let pinned = false;
    for (const v of ids) {
      const x = model.vars[v]!;
      const lo = b.lo[v]!,
        hi = b.hi[v]!;
      const knownZero = hi === 0 && !th.suppressZero;
      if (x.count && lo < th.count && hi - lo < th.count && !knownZero) {
        out.push({ cell, kind: 'pinned', quantity: x.q, lo, hi });
        pinned = true;
        break;
      }
    }
    if (pinned) continue;
    const byQ = new Map(ids.map((v) => [model.vars[v]!.q, v]));
    const defining: Quantity[] = byQ.has('value')
      ? ['value']
      : byQ.has('numerator') && byQ.has('denominator')
        ? ['numerator', 'denominator']
        : [];
    if (!defining.length) continue;
    const all = defining.every((q) => exact(b.lo[byQ.get(q)!]!, b.hi[byQ.get(q)!]!));
    const first = byQ.get(defining[0]!)!;
    if (all && !(b.hi[first] === 0 && !th.suppressZero))
      out.push({
        cell,
        kind: 'recomputable',
        quantity: defining[0]!,
        lo: b.lo[first]!,
        hi: b.hi[first]!,
      });
  }
  return out;
}
