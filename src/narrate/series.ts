import type { ProtectedCell } from '../protect/index.js';

/** The cells of one indicator measure over periods: the total and single-dimension breakdowns. */
export interface Series {
  readonly key: string;
  readonly result: string;
  readonly indicator: string;
  readonly measure: string;
  readonly variant?: string;
  readonly horizon?: number;
  readonly unit: string;
  /** Every period with at least one cell, sorted. */
  readonly periods: readonly string[];
  /** Total (`breakdown: {}`) per period. */
  readonly total: ReadonlyMap<string, ProtectedCell>;
  /** Dimension → codes (first-seen order) and period → code → cell. */
  readonly dims: ReadonlyMap<
    string,
    { codes: string[]; cells: Map<string, Map<string, ProtectedCell>> }
  >;
  readonly all: readonly ProtectedCell[];
}

/** Grain of a period label: `2016` year, `2016-Q3` quarter, `2016-07` month. */
export function grainOf(period: string): 'year' | 'quarter' | 'month' {
  if (/^\d{4}$/.test(period)) return 'year';
  return period.includes('Q') ? 'quarter' : 'month';
}

/**
 * Identity of the series a cell belongs to: everything but period, cohort and breakdown, and the
 * period's grain (years are compared with years, quarters with quarters, never with each other).
 */
export function seriesKey(c: ProtectedCell): string {
  const grain = grainOf(c.period);
  return [c.result, c.indicator, c.measure, c.variant ?? '', c.horizon ?? '', grain].join('|');
}

/** Groups cells into series, in the order the series first appear. */
export function groupSeries(cells: readonly ProtectedCell[]): Series[] {
  const out = new Map<string, ProtectedCell[]>();
  for (const c of cells) {
    const k = seriesKey(c);
    const list = out.get(k) ?? [];
    list.push(c);
    out.set(k, list);
  }
  return [...out.entries()].map(([key, list]) => build(key, list));
}

function build(key: string, list: ProtectedCell[]): Series {
  const first = list[0]!;
  const total = new Map<string, ProtectedCell>();
  const dims = new Map<
    string,
    { codes: string[]; cells: Map<string, Map<string, ProtectedCell>> }
  >();
  for (const c of list) {
    const keys = Object.keys(c.breakdown);
    if (keys.length === 0) total.set(c.period, c);
    if (keys.length !== 1) continue;
    const dim = keys[0]!;
    const code = c.breakdown[dim]!;
    const d = dims.get(dim) ?? {
      codes: [] as string[],
      cells: new Map<string, Map<string, ProtectedCell>>(),
    };
    if (!d.codes.includes(code)) d.codes.push(code);
    const at = d.cells.get(c.period) ?? new Map<string, ProtectedCell>();
    at.set(code, c);
    d.cells.set(c.period, at);
    dims.set(dim, d);
  }
  return {
    key,
    result: first.result,
    indicator: first.indicator,
    measure: first.measure,
    ...(first.variant === undefined ? {} : { variant: first.variant }),
    ...(first.horizon === undefined ? {} : { horizon: first.horizon }),
    unit: first.unit,
    periods: [...new Set(list.map((c) => c.period))].sort(),
    total,
    dims,
    all: list,
  };
}

/** The period after `p` (`2016` → `2017`, `2016-Q4` → `2017-Q1`, `2016-12` → `2017-01`). */
export function nextPeriod(p: string): string | null {
  const q = /^(\d{4})-Q([1-4])$/.exec(p);
  if (q) return q[2] === '4' ? `${Number(q[1]) + 1}-Q1` : `${q[1]}-Q${Number(q[2]) + 1}`;
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) {
    const n = Number(m[2]);
    return n === 12 ? `${Number(m[1]) + 1}-01` : `${m[1]}-${String(n + 1).padStart(2, '0')}`;
  }
  return /^\d{4}$/.test(p) ? String(Number(p) + 1) : null;
}

/** Granularity of a period string. */
export function periodStep(p: string): 'year' | 'quarter' | 'month' {
  return /-Q/.test(p) ? 'quarter' : /-\d{2}$/.test(p) ? 'month' : 'year';
}

/** True when the sorted periods follow each other without a gap. */
export function consecutive(periods: readonly string[]): boolean {
  return periods.every((p, i) => i === 0 || nextPeriod(periods[i - 1]!) === p);
}
