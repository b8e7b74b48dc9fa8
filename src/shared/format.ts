/**
 * House style for numbers and periods, shared by narrative and every renderer so that sentences and
 * tables always show the same figures. Dutch follows Flemish usage: `2.560`, `28,4 %`, `−170`.
 * Hand-written rather than `Intl` so output is identical on every machine and ICU version.
 */
export type Lang = 'nl' | 'en';

const SEP = { nl: { thousands: '.', decimal: ',' }, en: { thousands: ',', decimal: '.' } } as const;

/** Rounds half away from zero to `decimals` places (avoids 1.005 → 1.00 surprises via toFixed on scaled ints). */
export function roundHalfAway(x: number, decimals = 0): number {
  const f = 10 ** decimals;
  const r = Math.round(Math.abs(x) * f + 1e-9) / f;
  return x < 0 ? -r : r;
}

/** `2560` → `2.560` (nl) / `2,560` (en); `28.36` with 1 decimal → `28,4`. Negative numbers use a true minus sign. */
export function formatNumber(x: number, lang: Lang, decimals = 0): string {
  const r = roundHalfAway(x, decimals);
  const [int, frac] = Math.abs(r).toFixed(decimals).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, SEP[lang].thousands);
  const body = frac ? `${grouped}${SEP[lang].decimal}${frac}` : grouped;
  return r < 0 ? `−${body}` : body;
}

/** A share (0.284) as a percentage: `28,4 %` (nl) / `28.4%` (en). */
export function formatPercent(share: number, lang: Lang, decimals = 1): string {
  const s = formatNumber(share * 100, lang, decimals);
  return lang === 'nl' ? `${s} %` : `${s}%`;
}

/** A difference of two shares in percentage points: `3,2 procentpunt` / `3.2 percentage points`. */
export function formatPoints(diffShare: number, lang: Lang, decimals = 1): string {
  const s = formatNumber(Math.abs(diffShare) * 100, lang, decimals);
  return lang === 'nl'
    ? `${s} procentpunt`
    : `${s} percentage point${s === '1' || s === '1.0' ? '' : 's'}`;
}

const MONTHS = {
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
} as const;
const QUARTERS = {
  nl: ['eerste', 'tweede', 'derde', 'vierde'],
  en: ['first', 'second', 'third', 'fourth'],
} as const;

/** `2016` → `2016`; `2016-Q3` → `het derde kwartaal van 2016` / `the third quarter of 2016`; `2016-07` → `juli 2016` / `July 2016`. */
export function formatPeriod(period: string, lang: Lang): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) {
    const name = QUARTERS[lang][Number(q[2]) - 1];
    return lang === 'nl' ? `het ${name} kwartaal van ${q[1]}` : `the ${name} quarter of ${q[1]}`;
  }
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `${MONTHS[lang][Number(m[2]) - 1]} ${m[1]}`;
  return period;
}

/** Short period label for table headers: `2016`, `2016 K3` / `2016 Q3`, `jul 2016` / `Jul 2016`. */
export function periodLabel(period: string, lang: Lang): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return `${q[1]} ${lang === 'nl' ? 'K' : 'Q'}${q[2]}`;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `${MONTHS[lang][Number(m[2]) - 1]!.slice(0, 3)} ${m[1]}`;
  return period;
}

/** A date `2016-03-31` written out: `31 maart 2016` / `31 March 2016`. */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[lang][m! - 1]} ${y}`;
}

/** Units whose values are shares (0–1) and are shown as percentages; their changes are percentage points. */
export function isRateUnit(unit: string): boolean {
  return unit === 'share' || unit === 'rate';
}

/** Decimals a table shows by default: 1 for percentages, 0 for counts, hours, days and other values. */
export function defaultDecimals(unit: string): number {
  return isRateUnit(unit) ? 1 : 0;
}

/** A value in the house style for its unit (percent for shares, a plain number otherwise), without a unit word. */
export function formatValue(
  value: number,
  unit: string,
  lang: Lang,
  decimals = defaultDecimals(unit),
): string {
  return isRateUnit(unit)
    ? formatPercent(value, lang, decimals)
    : formatNumber(value, lang, decimals);
}
