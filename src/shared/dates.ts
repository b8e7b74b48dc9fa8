/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in UTC, without time zones.
 * Months are calendar months: 31 January + 1 month = 28/29 February (the end of month is clamped).
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parse `YYYY-MM-DD` strictly (rejects 2019-02-30). Returns undefined when invalid. */
export function parseIsoDate(s: string): { y: number; m: number; d: number } | undefined {
  const m = ISO.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return { y, m: mo, d };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

export function formatIsoDate(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** `date` + `months` calendar months, clamping the day to the end of the target month. */
export function addMonths(date: string, months: number): string {
  const p = parseIsoDate(date);
  if (!p) throw new RangeError(`not an ISO date: ${date}`);
  const idx = p.y * 12 + (p.m - 1) + months;
  const y = Math.floor(idx / 12);
  const m = (idx % 12) + 1;
  return formatIsoDate(y, m, Math.min(p.d, daysInMonth(y, m)));
}

/** Days since 1970-01-01 for an ISO date. */
export function toEpochDay(date: string): number {
  const p = parseIsoDate(date);
  if (!p) throw new RangeError(`not an ISO date: ${date}`);
  return Math.round(Date.UTC(p.y, p.m - 1, p.d) / 86_400_000);
}

export function fromEpochDay(day: number): string {
  const dt = new Date(day * 86_400_000);
  return formatIsoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return toEpochDay(b) - toEpochDay(a);
}
