import type { ProtectedCell } from '../protect/index.js';
import { isRateUnit } from '../shared/index.js';
import { isUsable, type UsableCell } from './numbers.js';
import type { Rules } from './rules.js';
import { grainOf, type Series } from './series.js';

/** Periods whose total can be stated and compared, sorted. */
export function usablePeriods(s: Series): string[] {
  return s.periods.filter((p) => {
    const c = s.total.get(p);
    return c !== undefined && isUsable(c);
  });
}

/** Period pairs to compare, from the rules (only usable periods; duplicates removed). */
/** The same period one year earlier: `2018` → `2017`, `2018-Q1` → `2017-Q1`, `2018-03` → `2017-03`. */
export function yearEarlier(period: string): string {
  return `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
}

export function comparisonPairs(s: Series, rules: Rules): [string, string][] {
  const ps = usablePeriods(s);
  if (ps.length < 2) return [];
  const first = ps[0]!;
  const last = ps[ps.length - 1]!;
  const out: [string, string][] = [];
  const yearly = grainOf(last) === 'year';
  for (const mode of yearly ? rules.change.pairs : rules.change.subYearPairs) {
    if (mode === 'first-to-each')
      out.push(
        ...ps
          .slice(1)
          .slice(-rules.change.maxComparisons)
          .map((p): [string, string] => [first, p]),
      );
    if (mode === 'first-to-latest') out.push([first, last]);
    if (mode === 'previous-to-latest') out.push([ps[ps.length - 2]!, last]);
    if (mode === 'year-ago-to-latest') {
      const ago = yearEarlier(last);
      if (ps.includes(ago)) out.push([ago, last]);
    }
  }
  const seen = new Set<string>();
  return out
    .filter(([a, b]) => !seen.has(`${a}>${b}`) && seen.add(`${a}>${b}`) !== undefined)
    .sort((x, y) => x[1].localeCompare(y[1]) || x[0].localeCompare(y[0]));
}

/** True when the parts add up to the total (relative tolerance for floating sums). */
export function addsUp(total: number, parts: readonly number[]): boolean {
  const sum = parts.reduce((a, b) => a + b, 0);
  return Math.abs(sum - total) <= 1e-9 * Math.max(1, Math.abs(total), ...parts.map(Math.abs));
}

export interface PartsAt {
  readonly dim: string;
  readonly codes: readonly string[];
  /** period → cells in `codes` order. */
  readonly at: ReadonlyMap<string, readonly UsableCell[]>;
}

/**
 * The first breakdown whose groups are all shown and add up to the total in each of `periods`
 * (never for rates: shares of groups do not add up to the total's share).
 */
export function additiveParts(
  s: Series,
  periods: readonly string[],
  maxParts: number,
): PartsAt | null {
  if (isRateUnit(s.unit)) return null;
  for (const [dim, d] of s.dims) {
    if (d.codes.length < 2 || d.codes.length > maxParts) continue;
    const at = new Map<string, UsableCell[]>();
    const ok = periods.every((p) => {
      const total = s.total.get(p);
      const row = d.codes.map((code) => d.cells.get(p)?.get(code));
      if (
        !total ||
        !isUsable(total) ||
        !row.every((c): c is ProtectedCell => c !== undefined && isUsable(c))
      )
        return false;
      const cells = row as UsableCell[];
      at.set(p, cells);
      return addsUp(
        total.value,
        cells.map((c) => c.value),
      );
    });
    if (ok) return { dim, codes: d.codes, at };
  }
  return null;
}
