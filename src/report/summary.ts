import {
  isComplete,
  isEstimate,
  matches,
  resolveSelector,
  type CellSelector,
  type TargetStatus,
  type TargetVerdict,
} from '../narrate/index.js';
import type { Result, Series } from '../plan/index.js';
import type { ProtectedCell } from '../protect/index.js';
import { periodLabel, type Lang } from '../shared/index.js';
import { formatChange, formatValue, labelCell, numberKind } from './cell-format.js';
import type { BuildContext } from './context.js';
import { t, statusLabel } from './labels.js';
import type { ModelCell, ModelTable, NumberKind } from './model.js';
import { isQuarter, isYear, keyOf, lineLabel, seriesLines, type SeriesLine } from './series.js';

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

const STATUS_WORDS: Record<TargetStatus, { nl: string; en: string }> = {
  met: { nl: 'gehaald', en: 'met' },
  'not-met': { nl: 'niet gehaald', en: 'not met' },
  'on-track': { nl: 'op koers', en: 'on track' },
  'off-track': { nl: 'niet op koers', en: 'off track' },
  unclear: { nl: 'nog onzeker', en: 'not yet clear' },
  pending: { nl: 'nog niet te beoordelen', en: 'cannot be judged yet' },
  'no-data': { nl: 'geen cijfer', en: 'no figure' },
};

/** A verdict in words: `ten minste 45,0 % in 2022: op koers`. */
export function verdictText(v: TargetVerdict, kind: NumberKind, lang: Lang): string {
  const t = v.target;
  const up = t.direction === 'at-least' || t.direction === 'increase';
  const dir = lang === 'nl' ? (up ? 'ten minste' : 'ten hoogste') : up ? 'at least' : 'at most';
  return `${dir} ${formatValue(t.value, kind, lang)} in ${periodLabel(t.period, lang)}: ${STATUS_WORDS[v.status][lang]}`;
}

/** The target verdict of the headline line, else a benchmark beside it, else a dash. */
function targetOrBenchmark(
  r: Result | Series,
  line: SeriesLine | undefined,
  kind: NumberKind,
  ctx: BuildContext,
): string {
  const onLine = (sel: CellSelector) => {
    const any = line && [...line.byPeriod.values()][0];
    return !!any && matches(resolveSelector(ctx.plan, r, sel), any);
  };
  const verdict = (ctx.verdicts.get(r.id) ?? []).find((v) => onLine(v.target));
  if (verdict) return verdictText(verdict, kind, ctx.lang);
  const bench = ('benchmarks' in r ? r.benchmarks : []).find(onLine);
  if (bench)
    return `${t('benchmark', ctx.lang)} ${formatValue(bench.value, kind, ctx.lang)} (${bench.label[ctx.lang]})`;
  return '–';
}

/** The line the plan declares as the result's headline (default: its first line). */
export function headlineLine(r: Result | Series, ctx: BuildContext): SeriesLine | undefined {
  const lines = seriesLines(ctx.cellsByResult.get(r.id) ?? [], r.indicators);
  if (!r.headline) return lines[0];
  const sel = resolveSelector(ctx.plan, r, { ...r.headline, breakdown: {} });
  return lines.find((l) => matches(sel, [...l.byPeriod.values()][0]!)) ?? lines[0];
}

/** The headline cell: the latest complete period of the declared grain (quarters first by default). */
export function headlineCell(
  r: Result | Series,
  line: SeriesLine | undefined,
): ProtectedCell | undefined {
  if (!line) return undefined;
  const periods = [...line.byPeriod.keys()].filter((p) => isComplete(line.byPeriod.get(p)!)).sort();
  const grain = r.headline?.grain;
  const quarters = grain === 'year' ? [] : periods.filter(isQuarter);
  const p =
    quarters[quarters.length - 1] ??
    (grain === 'quarter' ? undefined : periods.filter(isYear).pop());
  return p ? line.byPeriod.get(p) : undefined;
}

/**
 * The latest estimate on the headline line (a cohort not yet fully observed) after the headline
 * cell, of the same grain; without a headline cell, of the declared grain (default year).
 */
export function laterEstimate(
  r: Result | Series,
  line: SeriesLine | undefined,
  after: ProtectedCell | undefined,
): (ProtectedCell & { value: number; ci_low: number; ci_high: number }) | undefined {
  if (!line) return undefined;
  const years = after ? isYear(after.period) : r.headline?.grain !== 'quarter';
  return [...line.byPeriod.values()]
    .filter((c) => (years ? isYear(c.period) : isQuarter(c.period)))
    .filter((c) => !after || c.period > after.period)
    .filter(isEstimate)
    .sort((a, b) => (a.period < b.period ? -1 : 1))
    .pop();
}

/**
 * One summary row: objective, result (with the headline's variant and horizon), the headline
 * figure and its period, the change on a year earlier (complete periods only), the target verdict or
 * a benchmark, and the data status (with the latest estimate and its interval, marked as such).
 */
export function summaryRow(r: Result | Series, objective: string, ctx: BuildContext): ModelCell[] {
  const lang = ctx.lang;
  const cells = ctx.cellsByResult.get(r.id) ?? [];
  const main = headlineLine(r, ctx);
  const complete = headlineCell(r, main);
  const est = laterEstimate(r, main, complete);
  // Without a complete period, the latest estimate is the headline, marked as such.
  const latest = complete ?? est;
  const latestP = latest?.period;
  const before = complete ? main!.byPeriod.get(yearEarlier(complete.period)) : undefined;
  const kind = numberKind(main?.unit ?? 'count', main?.measure);
  const latestCell: ModelCell = latest
    ? {
        text: `${formatValue(latest.value!, kind, lang)}${complete ? '' : '*'}`,
        value: latest.value,
        kind,
        key: keyOf(latest),
        ...(complete ? {} : { flag: 'censored' as const }),
      }
    : labelCell('–');
  let change: ModelCell = labelCell('–');
  if (complete && before && isComplete(before)) {
    const diff = complete.value! - before.value;
    change = { text: formatChange(diff, kind, lang), value: diff, kind };
  } else if (before && before.disclosure === 'suppressed') change = labelCell(before.symbol ?? 'x');
  const qualified =
    main && (main.variant || main.horizon !== undefined || main.measure !== 'value');
  const title = `${r.id} ${r.short[lang]}${qualified ? ` (${lineLabel(main, ctx.indicators, lang, false)})` : ''}`;
  const status = dataStatus(r, cells, ctx);
  const range = (e: NonNullable<typeof est>) =>
    `${formatValue(e.ci_low, kind, lang)}–${formatValue(e.ci_high, kind, lang)}`;
  const estText = !est
    ? ''
    : complete
      ? `; ${t('estimate', lang)} ${periodLabel(est.period, lang)}: ${formatValue(est.value, kind, lang)}* (${range(est)})`
      : `; ${t('estimate', lang)}* (${t('interval', lang)} ${range(est)})`;
  return [
    labelCell(objective),
    labelCell(title),
    latestCell,
    labelCell(latestP ? periodLabel(latestP, lang) : '–'),
    change,
    labelCell(targetOrBenchmark(r, main, kind, ctx)),
    labelCell(`${status}${estText}`),
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
      t('targetOrBenchmark', lang),
      t('dataStatus', lang),
    ],
    labelColumns: 2,
    numeric: [false, false, true, false, true, false, false],
    rows,
  };
}
