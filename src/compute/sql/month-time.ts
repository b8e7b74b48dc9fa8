import type { Dialect } from './dialect.js';

/**
 * SQL for the time from `t0` to `d` in calendar months, number for number the value of
 * `monthTime(t0, d)` (kinds/cohort-outflow.ts): j whole months by calendar-month addition (month
 * ends clamped) plus the fraction of month j + 1 in days, as a double. `j0` is the difference of
 * the month numbers; one month less when t0 + j0 months lies after d (never below 0, as the
 * TypeScript loop). Both operands are dates; the expression repeats them, so pass columns.
 */
export function monthTimeSql(d: Dialect, t0: string, x: string): string {
  const j0 = `((${d.year(x)} - ${d.year(t0)}) * 12 + ${d.month(x)} - ${d.month(t0)})`;
  const j = `(CASE WHEN ${j0} > 0 AND ${d.addMonths(t0, j0)} > ${x} THEN ${j0} - 1 ELSE ${j0} END)`;
  const a = d.addMonths(t0, j);
  const b = d.addMonths(t0, `${j} + 1`);
  return `(${j} + CAST(${d.daysBetween(a, x)} AS DOUBLE PRECISION) / CAST(${d.daysBetween(a, b)} AS DOUBLE PRECISION))`;
}
