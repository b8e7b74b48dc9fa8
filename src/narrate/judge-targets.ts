import { cellKey } from '../compute/index.js';
import { grainOf, type Plan, type Result, type Target } from '../plan/index.js';
import type { ProtectedCell } from '../protect/index.js';
import { isComplete, isEstimate, matches, periodIndex, resolveSelector } from './select-cell.js';

/**
 * Where a result stands against one target.
 * - `met` / `not-met`: the target's own period is complete and shown.
 * - `on-track` / `off-track`: before the target period, the latest complete period is on the good /
 *   wrong side of the straight path from the baseline to the target (less the tolerance); or the
 *   target period holds an estimate whose whole interval lies on that side.
 * - `unclear`: the estimate's interval straddles the target.
 * - `pending`: nothing to judge yet (no baseline for a path, or no complete period after it).
 * - `no-data`: the target period's figure is suppressed or missing.
 */
export type TargetStatus =
  'met' | 'not-met' | 'on-track' | 'off-track' | 'unclear' | 'pending' | 'no-data';

/** The verdict on one target, as plain data every consumer (narrate, report, API) reads. */
export interface TargetVerdict {
  readonly result: string;
  /** Position of the target in the result's `targets`. */
  readonly index: number;
  readonly target: Target;
  readonly status: TargetStatus;
  /** The cell judged: the target period's own, or the latest complete one before it. */
  readonly cell?: string;
  readonly period?: string;
  readonly value?: number;
  /** The estimate's interval, when the judged cell is an estimate. */
  readonly low?: number;
  readonly high?: number;
  /** Value of the straight path from the baseline to the target in `period` (path verdicts only). */
  readonly path?: number;
}

const atLeast = (t: Target): boolean => t.direction === 'at-least' || t.direction === 'increase';

/** Judges one target against the protected cells of its result. Pure: same cells, same verdict. */
export function judgeTarget(
  plan: Plan,
  result: Result,
  index: number,
  cells: readonly ProtectedCell[],
): TargetVerdict {
  const t = result.targets[index]!;
  const sel = resolveSelector(plan, result, t);
  const mine = cells.filter((c) => c.result === result.id && matches(sel, c));
  const base = { result: result.id, index, target: t };
  const good = (v: number, goal: number) => (atLeast(t) ? v >= goal : v <= goal);
  const own = mine.find((c) => c.period === t.period);
  if (own && isComplete(own)) {
    const status = good(own.value, t.value) ? 'met' : 'not-met';
    return { ...base, status, cell: cellKey(own), period: own.period, value: own.value };
  }
  if (own && isEstimate(own)) {
    const [lo, hi] = [own.ci_low, own.ci_high];
    const status =
      good(lo, t.value) && good(hi, t.value)
        ? 'on-track'
        : !good(lo, t.value) && !good(hi, t.value)
          ? 'off-track'
          : 'unclear';
    return {
      ...base,
      status,
      cell: cellKey(own),
      period: own.period,
      value: own.value,
      low: lo,
      high: hi,
    };
  }
  if (own && own.disclosure === 'suppressed' && own.reason !== 'not-observable')
    return { ...base, status: 'no-data', cell: cellKey(own), period: own.period };
  // Before the target period: the latest complete period of the same grain after the baseline.
  const b = t.baseline;
  const latest = mine
    .filter(
      (c): c is ProtectedCell & { value: number } =>
        isComplete(c) &&
        grainOf(c.period) === grainOf(t.period) &&
        c.period < t.period &&
        (!b || c.period > b.period),
    )
    .sort((x, y) => (x.period < y.period ? -1 : 1))
    .pop();
  if (!b || !latest) return { ...base, status: 'pending' };
  const share =
    (periodIndex(latest.period) - periodIndex(b.period)) /
    (periodIndex(t.period) - periodIndex(b.period));
  const path = b.value + (t.value - b.value) * share;
  const tol = t.tolerance ?? 0;
  const status = good(latest.value, atLeast(t) ? path - tol : path + tol)
    ? 'on-track'
    : 'off-track';
  return {
    ...base,
    status,
    cell: cellKey(latest),
    period: latest.period,
    value: latest.value,
    path,
  };
}

/** Every target of every result, in plan order: the one verdict narrate and report both show. */
export function judgeTargets(plan: Plan, cells: readonly ProtectedCell[]): TargetVerdict[] {
  return plan.results.flatMap((r) => r.targets.map((_, i) => judgeTarget(plan, r, i, cells)));
}
