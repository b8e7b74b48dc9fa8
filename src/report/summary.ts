import type { Result, Series } from '../plan/index.js';
import type { ProtectedCell } from '../protect/index.js';
import { periodLabel } from '../shared/index.js';
import { formatChange, formatValue, isShown, labelCell, numberKind } from './cell-format.js';
import type { BuildContext } from './context.js';
import { t, statusLabel } from './labels.js';
import type { ModelCell, ModelTable } from './model.js';
import { isQuarter, isYear, keyOf, seriesLines } from './series.js';

/** Data status of a result in words: open item, no data, partly suppressed/observed, complete. */
export function dataStatus(
  r: Result | Series,
  cells: readonly ProtectedCell[],
  ctx: BuildContext,
): string {
  if ('status' in r && r.status === 'undefined') return statusLabel('not-defined', ctx.lang);
  if ('status' in r && r.status === 'to-explore') return statusLabel('to-explore', ctx.lang);
  if (!cells.length || cells.every((c) => c.status === 'no-data'))
    return statusLabel('no-data', ctx.lang);
  if (cells.some((c) => c.disclosure === 'suppressed' && c.reason !== 'not-observable'))
    return statusLabel('suppressed', ctx.lang);
  if (cells.some((c) => c.status === 'censored')) return statusLabel('censored', ctx.lang);
  return statusLabel('ok', ctx.lang);
}

/** Year before a period: `2017-Q3` → `2016-Q3`, `2017` → `2016`. */
export const yearEarlier = (p: string): string => `${Number(p.slice(0, 4)) - 1}${p.slice(4)}`;

function targetText(
  r: Result | Series,
  latest: ProtectedCell | undefined,
  ctx: BuildContext,
): string {
  const targets = 'targets' in r ? r.targets : [];
  const tg = targets[targets.length - 1];
  if (!tg) return t('noTarget', ctx.lang);
  const kind = numberKind(latest?.unit ?? 'count');
  const goal = `${formatValue(tg.value, kind, ctx.lang)} (${periodLabel(tg.period, ctx.lang)})`;
  if (!latest || latest.value === null) return goal;
  const v = latest.value;
  const met =
    tg.direction === 'at-least' || tg.direction === 'increase' ? v >= tg.value : v <= tg.value;
  const word =
    ctx.lang === 'nl' ? (met ? 'bereikt' : 'nog niet bereikt') : met ? 'met' : 'not yet met';
  return `${goal}: ${word}`;
}

/** One summary row: objective, result, latest value, change on a year earlier, target, data status. */
export function summaryRow(r: Result | Series, objective: string, ctx: BuildContext): ModelCell[] {
  const lang = ctx.lang;
  const cells = ctx.cellsByResult.get(r.id) ?? [];
  const main = seriesLines(cells, r.indicators)[0];
  // Latest fully observed, shown value: quarters first (a quarterly report), else years.
  const usable = (p: string) => {
    const c = main?.byPeriod.get(p);
    return !!c && isShown(c) && c.status === 'ok';
  };
  const periods = main ? [...main.byPeriod.keys()].filter(usable).sort() : [];
  const quarters = periods.filter(isQuarter);
  const latestP = quarters[quarters.length - 1] ?? periods.filter(isYear).pop();
  const latest = latestP ? main!.byPeriod.get(latestP) : undefined;
  const before = latestP ? main!.byPeriod.get(yearEarlier(latestP)) : undefined;
  const kind = numberKind(main?.unit ?? 'count', main?.measure);
  const latestCell: ModelCell = latest
    ? {
        text: formatValue(latest.value!, kind, lang),
        value: latest.value,
        kind,
        key: keyOf(latest),
      }
    : labelCell('–');
  let change: ModelCell = labelCell('–');
  if (latest && before && isShown(before) && before.status === 'ok') {
    const diff = latest.value! - before.value!;
    change = { text: formatChange(diff, kind, lang), value: diff, kind };
  } else if (before && before.disclosure === 'suppressed') change = labelCell(before.symbol ?? 'x');
  return [
    labelCell(objective),
    labelCell(`${r.id} ${r.short[lang]}`),
    latestCell,
    labelCell(latestP ? periodLabel(latestP, lang) : '–'),
    change,
    labelCell(targetText(r, latest, ctx)),
    labelCell(dataStatus(r, cells, ctx)),
  ];
}

export function summaryTable(rows: ModelCell[][], ctx: BuildContext): ModelTable {
  const lang = ctx.lang;
  return {
    id: 'summary',
    caption: t('summary', lang),
    columns: [
      t('objective', lang),
      t('result', lang),
      t('latest', lang),
      t('period', lang),
      t('changeYear', lang),
      t('target', lang),
      t('dataStatus', lang),
    ],
    labelColumns: 2,
    numeric: [false, false, true, false, true, false, false],
    rows,
  };
}
