import type { ProtectedCell } from '../protect/index.js';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatPoints,
  periodLabel,
  type Lang,
} from '../shared/index.js';
import type { ModelCell, NumberKind } from './model.js';

/** How a unit is shown: shares as percentages, hours/persons/… as whole numbers, free values with one decimal. */
export function numberKind(unit: string, measure = 'value'): NumberKind {
  if (unit === 'share' && measure !== 'n') return 'percent';
  if (unit === 'value' || unit === 'rate') return 'decimal';
  return 'integer';
}

/** A number in house style for its kind (the same function the narrative's formatter uses). */
export function formatValue(x: number, kind: NumberKind, lang: Lang): string {
  if (kind === 'percent') return formatPercent(x, lang, 1);
  if (kind === 'decimal') return formatNumber(x, lang, 1);
  return formatNumber(x, lang, 0);
}

/** A signed difference: `+3,2 procentpunt`, `−170`. */
export function formatChange(diff: number, kind: NumberKind, lang: Lang): string {
  if (kind === 'percent')
    return `${diff < 0 ? '−' : diff > 0 ? '+' : ''}${formatPoints(diff, lang)}`;
  const s = formatValue(diff, kind, lang);
  return diff > 0 ? `+${s}` : s;
}

/** True when the cell's value may be printed. */
export function isShown(c: ProtectedCell): boolean {
  return c.disclosure === 'shown' && c.value !== null;
}

/** A result cell as a table cell: the formatted value, or its symbol (`x`, `.`), or `–` for no cell. */
export function modelCell(
  c: ProtectedCell | undefined,
  key: string | undefined,
  lang: Lang,
): ModelCell {
  if (!c) return { text: '–', value: null };
  const kind = numberKind(c.unit, c.measure);
  if (c.disclosure === 'suppressed')
    return { text: c.symbol ?? 'x', value: null, key, flag: 'suppressed' };
  if (c.value === null) return { text: c.symbol ?? '.', value: null, key, flag: 'censored' };
  const text = formatValue(c.value, kind, lang);
  if (c.status === 'censored')
    return { text: `${text}*`, value: c.value, kind, key, flag: 'censored' };
  return { text, value: c.value, kind, key };
}

export function labelCell(text: string): ModelCell {
  return { text, value: null };
}

export { periodLabel };

/**
 * A period as a table heading; a period cut short by the cut-off date says so (`2018 (t/m 31
 * maart 2018)`), so that a quarter's worth of data is never read as a whole year.
 */
export function periodHeading(period: string, through: string | undefined, lang: Lang): string {
  if (!through) return periodLabel(period, lang);
  return `${periodLabel(period, lang)} (${lang === 'nl' ? 't/m' : 'to'} ${formatDate(through, lang)})`;
}
