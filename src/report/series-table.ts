import type { Series } from '../plan/index.js';
import type { ProtectedCell } from '../protect/index.js';
import { formatDate } from '../shared/index.js';
import { isShown, labelCell, modelCell, numberKind, periodHeading } from './cell-format.js';
import { chartSpec, type ChartPoint } from './chart-spec.js';
import type { BuildContext } from './context.js';
import { t } from './labels.js';
import type { Block, ModelTable } from './model.js';
import { isYear, keyOf, lineId, sortedPeriods, type SeriesLine } from './series.js';
import { unitLabel } from './vocabulary.js';

/**
 * A series split in parts (e.g. NODW and IBO-T hours): years as rows, each part and the total as
 * columns — the layout of the table in the minister's answer — with a chart of the same numbers.
 */
export function compositionBlocks(
  s: Series,
  cells: readonly ProtectedCell[],
  main: SeriesLine,
  ctx: BuildContext,
): Block[] {
  const lang = ctx.lang;
  const mine = cells.filter((c) => isYear(c.period) && lineId(c) === main.id);
  const parts = mine.filter((c) => Object.keys(c.breakdown).length === 1);
  const dim = Object.keys(parts[0]?.breakdown ?? {})[0];
  if (!dim) return [];
  const codes = ctx.words.sort(dim, [
    ...new Set(parts.filter((c) => dim in c.breakdown).map((c) => c.breakdown[dim]!)),
  ]);
  const years = sortedPeriods(mine.map((c) => c.period));
  const at = (code: string | undefined, y: string) =>
    code === undefined
      ? main.byPeriod.get(y)
      : parts.find((c) => c.breakdown[dim] === code && c.period === y);
  const names = [...codes.map((c) => ctx.words.code(dim, c)), t('total', lang)];
  const table: ModelTable = {
    id: `${s.id}-parts`,
    caption: t('hoursTitle', lang),
    columns: [t('period', lang), ...names],
    labelColumns: 1,
    rows: years.map((y) => [
      labelCell(periodHeading(y, main.byPeriod.get(y)?.through, lang)),
      ...[...codes, undefined].map((code) => {
        const c = at(code, y);
        return modelCell(c, c && keyOf(c), lang);
      }),
    ]),
  };
  const blocks: Block[] = [];
  if (ctx.kind === 'quarterly') {
    const points: ChartPoint[] = [];
    [...codes, undefined].forEach((code, i) => {
      for (const y of years) {
        const c = at(code, y);
        if (c && isShown(c) && c.through === undefined)
          points.push({ period: y, series: names[i]!, value: c.value! });
      }
    });
    const spec = chartSpec({
      title: `${s.id} ${s.short[lang]}`,
      subtitle: `${unitLabel(main.unit, lang)}, ${years[0]}–${years[years.length - 1]}`,
      source: `${t(ctx.synthetic ? 'chartSourceSynthetic' : 'chartSource', lang)}, ${t('asOf', lang).toLowerCase()} ${formatDate(ctx.asOf, lang)}`,
      xTitle: t('period', lang),
      yTitle: unitLabel(main.unit, lang),
      percent: numberKind(main.unit) === 'percent',
      points,
      seriesOrder: names,
      lang,
    });
    blocks.push({
      type: 'chart',
      chart: {
        id: `chart-${s.id}`,
        title: `${s.id} ${s.short[lang]}`,
        spec,
        alt: `${names.join(', ')}: ${years.join(', ')}`,
      },
    });
  }
  blocks.push({ type: 'table', table });
  return blocks;
}
