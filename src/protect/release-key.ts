import { cellKey, type ResultCell } from '../compute/index.js';
import { isCountInStatistic, isDistributionStatistic } from './quantities.js';

type Keyed = Pick<
  ResultCell,
  | 'result'
  | 'indicator'
  | 'measure'
  | 'period'
  | 'cohort'
  | 'horizon'
  | 'variant'
  | 'breakdown'
  | 'unit'
  | 'status'
  | 'through'
>;

/**
 * Whether a number can still change with a later cut-off date: a period cut short by the cut-off
 * (`through`), a cohort not yet followed to its horizon (`censored`), or a duration or open count
 * while trajectories are still open. Other numbers of complete periods are final.
 */
export function isProvisional(c: Keyed): boolean {
  return (
    c.through !== undefined ||
    c.status === 'censored' ||
    isDistributionStatistic(c) ||
    isCountInStatistic(c)
  );
}

/**
 * The key of a published number across releases: the cell key, plus `@through=DATE` for a period
 * cut short by the cut-off date and `@as-of=DATE` for a number that can still change. So the
 * year 2018 up to 31 March and the full year 2018, or a cohort's share at two cut-off dates, are
 * different numbers, and a final number is the same cell in every release.
 */
export function releaseKey(c: Keyed, asOf: string | undefined): string {
  const base = cellKey(c);
  if (c.through !== undefined) return `${base}@through=${c.through}`;
  return isProvisional(c) && asOf ? `${base}@as-of=${asOf}` : base;
}
