import { cellKey, CELL_STATUS, type CellStatus } from '../compute/index.js';
import { IdwError } from '../shared/index.js';
import { protectMessages as m } from './messages.js';
import { releaseKey } from './release-key.js';
import type { DisclosureReason, ProtectedCell } from './types.js';

/** Header of the `Data` sheet of every Excel annex, in this order. */
export const DATA_COLUMNS = [
  'key',
  'result',
  'indicator',
  'measure',
  'period',
  'cohort',
  'horizon',
  'variant',
  'breakdown',
  'value',
  'numerator',
  'denominator',
  'n',
  'ci_low',
  'ci_high',
  'unit',
  'status',
  'disclosure',
  'symbol',
  'reason',
  'personal',
] as const;
export type DataColumn = (typeof DATA_COLUMNS)[number];
export type DataRow = Record<DataColumn, string | number | null>;

/** A cell read back from a Data sheet (no provenance; reason only when known). */
export type DataRowCell = Omit<ProtectedCell, 'provenance'>;

const REASONS: readonly string[] = [
  'primary-count',
  'primary-denominator',
  'secondary',
  'not-observable',
];
const NUMBERS = ['value', 'numerator', 'denominator', 'n', 'ci_low', 'ci_high'] as const;

/** `dim=code;dim2=code`, dimensions sorted, empty for the total. */
export function formatBreakdown(b: Readonly<Record<string, string>>): string {
  return Object.keys(b)
    .sort()
    .map((k) => `${k}=${b[k]}`)
    .join(';');
}

export function parseBreakdown(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of s.split(';').filter(Boolean)) {
    const i = part.indexOf('=');
    if (i <= 0) throw new Error(`bad breakdown '${s}'`);
    out[part.slice(0, i)] = part.slice(i + 1);
  }
  return out;
}

/**
 * One Data-sheet row per protected cell; suppressed cells have empty numbers. With the cut-off
 * date, the key is the release key (`releaseKey`), so annexes of several releases can be checked
 * together.
 */
export function toDataRows(cells: readonly ProtectedCell[], asOf?: string): DataRow[] {
  return cells.map((c) => {
    const hide = c.disclosure === 'suppressed';
    const num = (v: number | null | undefined) => (hide || v === undefined ? null : v);
    return {
      key: asOf ? releaseKey(c, asOf) : cellKey(c),
      result: c.result,
      indicator: c.indicator,
      measure: c.measure,
      period: c.period,
      cohort: c.cohort ?? null,
      horizon: c.horizon ?? null,
      variant: c.variant ?? null,
      breakdown: formatBreakdown(c.breakdown),
      value: num(c.value),
      numerator: num(c.numerator),
      denominator: num(c.denominator),
      n: num(c.n),
      ci_low: num(c.ci_low),
      ci_high: num(c.ci_high),
      unit: c.unit,
      status: c.status,
      disclosure: c.disclosure,
      symbol: c.symbol ?? null,
      reason: c.reason ?? null,
      // Written only when the indicator counts no person, so a checker knows no threshold applies.
      personal: c.personal === false ? 'false' : null,
    };
  });
}

const str = (v: unknown) => (v === null || v === undefined || v === '' ? undefined : String(v));
function num(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  const x = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(x)) throw new Error(`not a number: '${String(v)}'`);
  return x;
}

/** Reads Data-sheet rows back into cells; throws `PROTECT_DATA_SHEET` on a malformed row. */
export function fromDataRows(
  rows: readonly Record<string, unknown>[],
  file = 'Data',
): DataRowCell[] {
  return rows.map((r, i) => {
    try {
      const status = String(r.status ?? '');
      if (!(CELL_STATUS as readonly string[]).includes(status))
        throw new Error(`unknown status '${status}'`);
      const disclosure = String(r.disclosure ?? '');
      if (disclosure !== 'shown' && disclosure !== 'suppressed')
        throw new Error(`unknown disclosure '${disclosure}'`);
      const cohort = str(r.cohort),
        variant = str(r.variant),
        symbol = str(r.symbol),
        reason = str(r.reason);
      if (reason !== undefined && !REASONS.includes(reason))
        throw new Error(`unknown reason '${reason}'`);
      const horizon = num(r.horizon);
      const cell: DataRowCell = {
        result: String(r.result ?? ''),
        indicator: String(r.indicator ?? ''),
        measure: String(r.measure ?? 'value'),
        period: String(r.period ?? ''),
        ...(cohort !== undefined ? { cohort } : {}),
        ...(horizon !== null ? { horizon } : {}),
        ...(variant !== undefined ? { variant } : {}),
        breakdown: parseBreakdown(String(r.breakdown ?? '')),
        value: num(r.value),
        ...Object.fromEntries(NUMBERS.slice(1).map((k) => [k, num(r[k])])),
        unit: String(r.unit ?? ''),
        status: status as CellStatus,
        disclosure,
        ...(symbol !== undefined ? { symbol } : {}),
        ...(reason !== undefined && disclosure === 'suppressed'
          ? { reason: reason as DisclosureReason }
          : disclosure === 'suppressed' && symbol === '.'
            ? { reason: 'not-observable' as DisclosureReason }
            : {}),
        ...(str(r.personal) === 'false' ? { personal: false } : {}),
      };
      return cell;
    } catch (e) {
      throw IdwError.single(
        'PROTECT_DATA_SHEET',
        m.PROTECT_DATA_SHEET(file, (e as Error).message),
        {
          file,
          line: i + 2,
        },
      );
    }
  });
}
