import type { ResultCell } from '../compute/index.js';
import type { Thresholds } from './access.js';
import { fewAtRisk } from './at-risk.js';
import {
  isCountQuantity,
  isDistributionStatistic,
  quantityOf,
  valueIsAdditive,
  type Quantity,
} from './quantities.js';
import type { DisclosureReason } from './types.js';

type Numbers = Pick<ResultCell, 'measure' | 'unit' | 'value' | 'numerator' | 'denominator' | 'n'> &
  Partial<Pick<ResultCell, 'status' | 'at_risk'>> & {
    readonly personal?: boolean;
  };

/** True when the cell has no number to show (censored, no data, not defined). */
export function notObservable(c: Numbers): boolean {
  return (['value', 'numerator', 'denominator', 'n'] as const).every(
    (q) => quantityOf(c, q) === null,
  );
}

/**
 * Primary suppression rule: a count, numerator, denominator or n in [1, count) (or 0 when zeros
 * are suppressed) → `primary-count`; a median/quantile/mean/duration with n < statisticN →
 * `primary-count`; a share or rate with denominator < rateDenominator → `primary-denominator`.
 */
export function primaryReason(c: Numbers, th: Thresholds): DisclosureReason | undefined {
  if (notObservable(c)) return 'not-observable';
  if (fewAtRisk(c, th)) return 'primary-count';
  const den = quantityOf(c, 'denominator');
  const qs: Quantity[] = ['numerator', 'denominator', 'n'];
  if (valueIsAdditive(c, den !== null)) qs.push('value');
  for (const q of qs) {
    const v = quantityOf(c, q);
    if (v === null || !isCountQuantity(c, q)) continue;
    if (v < th.count && (v > 0 || th.suppressZero)) return 'primary-count';
  }
  const n = quantityOf(c, 'n');
  if (isDistributionStatistic(c) && n !== null && n < th.statisticN) return 'primary-count';
  if (den !== null && den < th.rateDenominator) return 'primary-denominator';
  return undefined;
}
