import type { Indicator } from '../plan/index.js';
import type { ProtectedCell } from '../protect/index.js';
import { cellKey } from '../compute/index.js';
import type { Lang } from '../shared/index.js';
import type { DimensionWords } from './dimension-words.js';
import { measureLabel, variantHorizonLabel, variantLabel } from './vocabulary.js';

/** One line of a result: the cells of one indicator × measure × variant × horizon, over periods. */
export interface SeriesLine {
  readonly id: string;
  readonly indicator: string;
  readonly measure: string;
  readonly variant?: string;
  readonly horizon?: number;
  readonly unit: string;
  /** Cells by period, breakdown = total. */
  readonly byPeriod: ReadonlyMap<string, ProtectedCell>;
}

const YEAR = /^\d{4}$/;
const QUARTER = /^\d{4}-Q[1-4]$/;
export const isYear = (p: string): boolean => YEAR.test(p);
export const isQuarter = (p: string): boolean => QUARTER.test(p);

export const lineId = (c: ProtectedCell): string =>
  [c.indicator, c.measure, c.variant ?? '', c.horizon ?? ''].join('|');
export const breakdownText = (b: Readonly<Record<string, string>>): string =>
  Object.keys(b)
    .sort()
    .map((k) => `${k}=${b[k]}`)
    .join(';');
export const keyOf = (c: ProtectedCell): string => cellKey(c);

/** Lines of a result's total cells, in plan order of indicators, then measure, variant, horizon. */
export function seriesLines(
  cells: readonly ProtectedCell[],
  indicatorOrder: readonly string[],
): SeriesLine[] {
  const lines = new Map<string, { first: ProtectedCell; byPeriod: Map<string, ProtectedCell> }>();
  for (const c of cells) {
    if (Object.keys(c.breakdown).length) continue;
    const id = lineId(c);
    const l = lines.get(id) ?? { first: c, byPeriod: new Map() };
    l.byPeriod.set(c.period, c);
    lines.set(id, l);
  }
  const rank = (c: ProtectedCell) => {
    const i = indicatorOrder.indexOf(c.indicator);
    return i < 0 ? indicatorOrder.length : i;
  };
  return [...lines.entries()]
    .sort(([, a], [, b]) => {
      const x = a.first;
      const y = b.first;
      return (
        rank(x) - rank(y) ||
        Number(y.measure === 'value') - Number(x.measure === 'value') ||
        x.measure.localeCompare(y.measure) ||
        (x.variant ?? '').localeCompare(y.variant ?? '') ||
        (x.horizon ?? 0) - (y.horizon ?? 0)
      );
    })
    .map(([id, l]) => ({
      id,
      indicator: l.first.indicator,
      measure: l.first.measure,
      variant: l.first.variant,
      horizon: l.first.horizon,
      unit: l.first.unit,
      byPeriod: l.byPeriod,
    }));
}

/** Words for a line: indicator title, measure, variant and horizon. */
export function lineLabel(
  l: Pick<SeriesLine, 'indicator' | 'measure' | 'variant' | 'horizon'>,
  indicators: ReadonlyMap<string, Indicator>,
  lang: Lang,
  withIndicator = true,
): string {
  const parts: string[] = [];
  if (withIndicator) parts.push(indicators.get(l.indicator)?.title[lang] ?? l.indicator);
  if (l.measure !== 'value') parts.push(measureLabel(l.measure, lang));
  if (l.horizon !== undefined) parts.push(variantHorizonLabel(l.variant, l.horizon, lang));
  else if (l.variant) parts.push(variantLabel(l.variant, lang));
  return parts.join(', ') || (indicators.get(l.indicator)?.title[lang] ?? l.indicator);
}

/** Words for a breakdown: `geslacht: vrouw`. */
export function breakdownLabel(b: Readonly<Record<string, string>>, words: DimensionWords): string {
  return Object.keys(b)
    .sort()
    .map((k) => `${words.dimension(k)}: ${words.code(k, b[k]!)}`)
    .join(', ');
}

export const sortedPeriods = (ps: Iterable<string>): string[] => [...new Set(ps)].sort();
