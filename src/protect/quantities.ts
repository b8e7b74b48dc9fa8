import type { ResultCell } from '../compute/index.js';

/** The numbers of a cell that add up over a breakdown. */
export type Quantity = 'value' | 'numerator' | 'denominator' | 'n';
export const QUANTITIES: readonly Quantity[] = ['value', 'numerator', 'denominator', 'n'];

/** Measures that are statistics of a distribution: never additive. */
const STATISTIC_MEASURE = /^(median|mean|average|sd|min|max|p\d+|q\d+|quantile.*|ci.*)$/;
/** Units whose value is not additive (shares, rates, durations, free values). */
const NON_ADDITIVE_UNITS = new Set([
  'share',
  'rate',
  'percent',
  'ratio',
  'days',
  'weeks',
  'months',
  'value',
]);
const DURATION_UNITS = new Set(['days', 'weeks', 'months']);
/** Units whose value adds up but is not a number of persons or events (no count threshold on the value). */
const SUM_UNITS = new Set(['hours', 'euro', 'eur']);

type Shape = Pick<ResultCell, 'measure' | 'unit'> & {
  /** `false` when the indicator counts no person (plan + contract); absent means personal. */
  readonly personal?: boolean;
};

/**
 * A count hidden in a statistic: `<segment>.open` of a duration is the number of persons whose
 * trajectory is still open, though the indicator's unit is days. It is a count of persons.
 */
export function isCountInStatistic(c: Pick<Shape, 'measure'>): boolean {
  return /(^|\.)open$/.test(c.measure);
}

/** True for a median, quantile, mean or duration: only its `n` is additive. */
export function isDistributionStatistic(c: Shape): boolean {
  if (isCountInStatistic(c)) return false;
  return STATISTIC_MEASURE.test(c.measure) || DURATION_UNITS.has(c.unit);
}

/** True when the value itself is not additive (a statistic, a share, a free value). */
export function isStatistic(c: Shape): boolean {
  if (isCountInStatistic(c)) return false;
  return STATISTIC_MEASURE.test(c.measure) || NON_ADDITIVE_UNITS.has(c.unit);
}

/** Whether the cell's `value` itself adds up (a count or a sum, not a share). */
export function valueIsAdditive(c: Shape, hasDenominator: boolean): boolean {
  return !hasDenominator && !isStatistic(c);
}

/**
 * Whether a quantity counts persons or persons' events, so the count threshold applies to it.
 * Whether an indicator is personal is part of its definition (plan + data contract), never its
 * unit: a cell is personal unless protect marked it `personal: false`.
 */
export function isCountQuantity(c: Shape, q: Quantity): boolean {
  if (c.personal === false) return false;
  return q !== 'value' || !SUM_UNITS.has(c.unit);
}

/** The cell's number for a quantity (null when not published or absent). */
export function quantityOf(c: Partial<Pick<ResultCell, Quantity>>, q: Quantity): number | null {
  const v = c[q];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Table keys and breakdown signatures are the compute stage's, so cell identities match everywhere. */
export { tableKey, breakdownSig } from '../compute/index.js';
