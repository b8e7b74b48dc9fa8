import type { Plan, Result, Series } from '../plan/index.js';
import type { ProtectedCell } from '../protect/index.js';
import { isComplete, isEstimate, matches, resolveSelector } from './select-cell.js';

type Shown = ProtectedCell & { value: number };
type Estimate = Shown & { ci_low: number; ci_high: number };

/** The headline of a result: its figure, the same period a year earlier, and a later estimate. */
export interface HeadlineCells {
  /** Latest complete period of the declared grain (default: quarters first, else years). */
  readonly complete?: Shown;
  /** The same period a year earlier, when complete too (the only comparison the summary makes). */
  readonly yearBefore?: Shown;
  /** The latest estimate after `complete` (or the latest at all, without a complete one). */
  readonly estimate?: Estimate;
}

const YEAR = /^\d{4}$/;
const QUARTER = /^\d{4}-Q[1-4]$/;

/** `2017-Q3` → `2016-Q3`, `2017` → `2016`. */
export const yearEarlier = (p: string): string => `${Number(p.slice(0, 4)) - 1}${p.slice(4)}`;

/**
 * The headline's cell selector; without a declared measure, `value` where the line has it, else the
 * first measure the result's cells carry (a sum may name its measure, e.g. `hours`).
 */
export function headlineSelector(
  plan: Plan,
  owner: Result | Series,
  cells: readonly ProtectedCell[],
): ReturnType<typeof resolveSelector> {
  const sel = resolveSelector(plan, owner, { ...owner.headline, breakdown: {} });
  if (owner.headline?.measure || cells.some((c) => c.result === owner.id && matches(sel, c)))
    return sel;
  const other = cells.find(
    (c) => c.result === owner.id && matches({ ...sel, measure: c.measure }, c),
  );
  return other ? { ...sel, measure: other.measure } : sel;
}

/**
 * Picks the headline cells the plan declares for a result or series (`headline:`), from its total
 * cells. Never a period cut short by the cut-off date or an unobserved cohort as a complete figure.
 */
export function pickHeadline(
  plan: Plan,
  owner: Result | Series,
  cells: readonly ProtectedCell[],
): HeadlineCells {
  const sel = headlineSelector(plan, owner, cells);
  const mine = cells.filter((c) => c.result === owner.id && matches(sel, c));
  const byPeriod = new Map(mine.map((c) => [c.period, c]));
  const grain = owner.headline?.grain;
  const complete = mine.filter(isComplete).sort((a, b) => (a.period < b.period ? -1 : 1));
  const quarters = grain === 'year' ? [] : complete.filter((c) => QUARTER.test(c.period));
  const head =
    quarters[quarters.length - 1] ??
    (grain === 'quarter' ? undefined : complete.filter((c) => YEAR.test(c.period)).pop());
  const before = head && byPeriod.get(yearEarlier(head.period));
  const years = head ? YEAR.test(head.period) : grain !== 'quarter';
  const estimate = mine
    .filter((c) => (years ? YEAR.test(c.period) : QUARTER.test(c.period)))
    .filter((c) => !head || c.period > head.period)
    .filter(isEstimate)
    .sort((a, b) => (a.period < b.period ? -1 : 1))
    .pop();
  return {
    ...(head ? { complete: head } : {}),
    ...(before && isComplete(before) ? { yearBefore: before } : {}),
    ...(estimate ? { estimate } : {}),
  };
}
