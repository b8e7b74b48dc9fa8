import { daysInMonth, formatIsoDate } from '../shared/index.js';
import type { Grain } from './sql/index.js';

/** One reporting period: label, first and last day, and its reference day (last day, capped at asOf). */
export interface Period {
  readonly label: string;
  readonly grain: Grain;
  readonly start: string;
  readonly end: string;
  /** Last day observed: the period's end, or the cut-off date inside the last period. */
  readonly through: string;
}

/** Periods of a grain from the start of `firstYear` up to the one containing `asOf`. */
export function periodSeries(grain: Grain, firstYear: number, asOf: string): Period[] {
  const out: Period[] = [];
  const step = grain === 'year' ? 12 : grain === 'quarter' ? 3 : 1;
  for (let idx = firstYear * 12; ; idx += step) {
    const y = Math.floor(idx / 12);
    const m = (idx % 12) + 1;
    const start = formatIsoDate(y, m, 1);
    if (start > asOf) break;
    const em = m + step - 1;
    const end = formatIsoDate(y, em, daysInMonth(y, em));
    const label =
      grain === 'year'
        ? String(y)
        : grain === 'quarter'
          ? `${y}-Q${(m - 1) / 3 + 1}`
          : `${y}-${String(m).padStart(2, '0')}`;
    out.push({ label, grain, start, end, through: end < asOf ? end : asOf });
  }
  return out;
}

/** The grain a period label is written in (`2016`, `2016-Q3`, `2016-07`). */
export function grainOfLabel(label: string): Grain | undefined {
  if (/^\d{4}$/.test(label)) return 'year';
  if (/^\d{4}-Q[1-4]$/.test(label)) return 'quarter';
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(label)) return 'month';
  return undefined;
}
