import type { DialectName } from '../../store/index.js';

/** Period grains the engine reports on. */
export type Grain = 'year' | 'quarter' | 'month';

/**
 * The few SQL differences between engines. Everything else is written once by the shared writer;
 * a dialect only renders these fragments (expressions are SQL text built from contract identifiers).
 */
export interface Dialect {
  readonly name: DialectName;
  /** A date parameter (`$1::DATE`). */
  date(param: string): string;
  /** Calendar months added to a date, the day clamped to the end of the month (like `addMonths`). */
  addMonths(date: string, months: string): string;
  /** Whole days from `a` to `b` (b − a). */
  daysBetween(a: string, b: string): string;
  /** Calendar year of a date, as an integer. */
  year(date: string): string;
  /** Calendar month of a date (1–12), as an integer. */
  month(date: string): string;
  /** The period label of a date: `2016`, `2016-Q3`, `2016-07`. */
  period(grain: Grain, date: string): string;
  /**
   * Join of the residence-status spell that started last on or before `at` for `person` (alias `r`).
   * The caller still checks `valid_to`.
   */
  residenceJoin(person: string, at: string): string;
  /** Text cast. */
  text(expr: string): string;
}
