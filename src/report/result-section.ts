import { ESTIMATOR_LABEL } from '../compute/index.js';
import type { Result, Series } from '../plan/index.js';
import type { ProtectedCell } from '../protect/index.js';
import { formatDate } from '../shared/index.js';
import { labelCell, modelCell, isShown, numberKind, periodHeading } from './cell-format.js';
import { chartSpec, type ChartPoint } from './chart-spec.js';
import type { BuildContext } from './context.js';
import { t, statusLabel } from './labels.js';
import type { Block, ModelTable } from './model.js';
import {
  breakdownText,
  isQuarter,
  isYear,
  keyOf,
  lineId,
  lineLabel,
  seriesLines,
  sortedPeriods,
  type SeriesLine,
} from './series.js';
import { compositionBlocks } from './series-table.js';
import { headlineLine } from './summary.js';
import { unitLabel } from './vocabulary.js';

/** `Regio` → `regio` inside a sentence; acronyms (`NODW`) stay as they are. */
const lowerFirst = (s: string): string =>
  /^\p{Lu}\p{Ll}/u.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;

/** Table of lines × periods. */
export function linesTable(
  id: string,
  caption: string,
  lines: readonly SeriesLine[],
  periods: readonly string[],
  ctx: BuildContext,
): ModelTable {
  return {
    id,
    caption,
    columns: [
      t('indicator', ctx.lang),
      ...periods.map((p) =>
        periodHeading(
          p,
          lines.map((l) => l.byPeriod.get(p)?.through).find((x) => x !== undefined),
          ctx.lang,
        ),
      ),
    ],
    labelColumns: 1,
    rows: lines.map((l) => [
      labelCell(lineLabel(l, ctx.indicators, ctx.lang)),
      ...periods.map((p) => {
        const c = l.byPeriod.get(p);
        return modelCell(c, c && keyOf(c), ctx.lang);
      }),
    ]),
  };
}

function chartFor(
  id: string,
  title: string,
  lines: readonly SeriesLine[],
  ctx: BuildContext,
): Block[] {
  const lang = ctx.lang;
  // Chart the lines of the headline's family (first line by default): one indicator, one unit and
  // one statistic on one y-axis, never a count (open trajectories) on a days axis; at most six.
  const first = lines[0];
  if (!first) return [];
  const chosen = family(lines, first).slice(0, 6);
  const names = chosen.map((l) => lineLabel(l, ctx.indicators, lang, chosen.length === 1));
  const points: ChartPoint[] = [];
  chosen.forEach((l, i) => {
    for (const [p, c] of l.byPeriod)
      // A year cut short by the cut-off date is left out of the chart: its bar would look like a fall.
      if (isYear(p) && isShown(c) && c.status === 'ok' && c.through === undefined)
        points.push({ period: p, series: names[i]!, value: c.value! });
  });
  if (points.length < 2) return [];
  const periods = sortedPeriods(points.map((p) => p.period));
  const unit = unitLabel(first.unit, lang);
  const spec = chartSpec({
    title,
    subtitle: `${unit}, ${periods[0]}–${periods[periods.length - 1]}`,
    source: `${t(ctx.synthetic ? 'chartSourceSynthetic' : 'chartSource', lang)}, ${t('asOf', lang).toLowerCase()} ${formatDate(ctx.asOf, lang)}`,
    xTitle:
      first.horizon !== undefined
        ? lang === 'nl'
          ? 'instroomjaar'
          : 'inflow year'
        : t('period', lang),
    yTitle: unit,
    percent: numberKind(first.unit) === 'percent',
    points: points.sort(
      (a, b) => a.period.localeCompare(b.period) || a.series.localeCompare(b.series),
    ),
    seriesOrder: names.length > 1 ? names : [],
    lang,
  });
  const alt = chosen
    .map((l, i) => `${names[i]}: ${[...l.byPeriod.keys()].filter(isYear).sort().join(', ')}`)
    .join('; ');
  return [{ type: 'chart', chart: { id: `chart-${id}`, title, spec, alt } }];
}

/** Statistic of a measure: `median` of `registration-outflow.median`, else the measure itself. */
const statOf = (m: string): string => m.slice(m.lastIndexOf('.') + 1);
const COUNTS = new Set(['open', 'n']);

/**
 * The lines that belong with `head` in one chart or compact table: same indicator, unit, statistic
 * and variant (durations: every segment's Kaplan–Meier median; outflow: every horizon at work).
 */
export function family(lines: readonly SeriesLine[], head: SeriesLine): SeriesLine[] {
  return lines.filter(
    (l) =>
      l.indicator === head.indicator &&
      l.unit === head.unit &&
      statOf(l.measure) === statOf(head.measure) &&
      !COUNTS.has(statOf(l.measure)) &&
      l.variant === head.variant,
  );
}

/**
 * One table per breakdown dimension, for the first line (in plan order) that has that breakdown:
 * the main split of a result, e.g. outflow at 12 months by sex and by residence status.
 */
function breakdownTables(
  id: string,
  cells: readonly ProtectedCell[],
  lines: readonly SeriesLine[],
  years: readonly string[],
  ctx: BuildContext,
): Block[] {
  const split = cells.filter((c) => Object.keys(c.breakdown).length === 1 && isYear(c.period));
  const dims = [...new Set(split.map((c) => Object.keys(c.breakdown)[0]!))].sort();
  return dims.flatMap((d) => {
    const main = lines.find((l) => split.some((c) => d in c.breakdown && lineId(c) === l.id));
    return main
      ? [
          breakdownTable(
            id,
            d,
            split.filter((c) => d in c.breakdown && lineId(c) === main.id),
            main,
            years,
            ctx,
          ),
        ]
      : [];
  });
}

function breakdownTable(
  id: string,
  d: string,
  mine: readonly ProtectedCell[],
  main: SeriesLine,
  years: readonly string[],
  ctx: BuildContext,
): Block {
  const shownYears = years.slice(-3);
  const codes = ctx.words.sort(d, [
    ...new Set(mine.filter((c) => d in c.breakdown).map((c) => c.breakdown[d]!)),
  ]);
  const at = (code: string, y: string) =>
    mine.find((c) => c.breakdown[d] === code && c.period === y);
  const table: ModelTable = {
    id: `${id}-by-${d}`,
    caption: `${t('breakdown', ctx.lang)} ${lowerFirst(ctx.words.dimension(d))} — ${lineLabel(main, ctx.indicators, ctx.lang)}`,
    columns: [
      ctx.words.dimension(d),
      ...shownYears.map((y) =>
        periodHeading(
          y,
          main.byPeriod.get(y)?.through ?? mine.find((c) => c.period === y)?.through,
          ctx.lang,
        ),
      ),
    ],
    labelColumns: 1,
    rows: codes.map((code) => [
      labelCell(ctx.words.code(d, code)),
      ...shownYears.map((y) => {
        const c = at(code, y);
        return modelCell(c, c && keyOf(c), ctx.lang);
      }),
    ]),
  };
  return { type: 'table', table } as const;
}

function notesFor(
  r: Result | Series,
  cells: readonly ProtectedCell[],
  ctx: BuildContext,
): string[] {
  const lang = ctx.lang;
  const notes: string[] = [];
  const censored = cells.filter(
    (c) => c.status === 'censored' || c.reason === 'not-observable',
  ).length;
  const suppressed = cells.filter(
    (c) => c.disclosure === 'suppressed' && c.reason !== 'not-observable',
  ).length;
  if (censored) notes.push(t('censoredNote', lang, { n: censored }));
  // The estimators behind the shown estimates (*), by name, and data faults behind durations.
  const estimators = [
    ...new Set(
      cells.flatMap((c) =>
        c.status === 'censored' && c.value !== null && c.estimator ? [c.estimator] : [],
      ),
    ),
  ];
  if (estimators.length)
    notes.push(
      t('estimatorNote', lang, {
        names: estimators.map((e) => ESTIMATOR_LABEL[e][lang]).join('; '),
      }),
    );
  // Counted once per cohort and segment (every quantile cell of a segment carries the same count).
  const perSegment = new Map<string, number>();
  for (const c of cells)
    if (c.negative && !Object.keys(c.breakdown).length)
      perSegment.set(`${c.period}|${c.measure.split('.')[0]}`, c.negative);
  const negative = [...perSegment.values()].reduce((a, b) => a + b, 0);
  if (negative) notes.push(t('negativeNote', lang, { n: negative }));
  if (suppressed) notes.push(t('suppressedNote', lang, { n: suppressed }));
  if (!cells.length) notes.push(t('noDataNote', lang));
  if ('status' in r && r.status === 'manual') notes.push(t('manualNote', lang));
  notes.push(...r.notes.map((n) => (typeof n === 'string' ? n : n[lang])));
  return notes;
}

/** Blocks for one measurable result or series: definition, chart, tables, breakdowns, findings, notes. */
export function resultBlocks(r: Result | Series, level: 2 | 3, ctx: BuildContext): Block[] {
  const lang = ctx.lang;
  const blocks: Block[] = [
    { type: 'heading', level, id: `r-${r.id}`, text: `${r.id} ${r.short[lang]}` },
    { type: 'paragraph', text: r.text[lang] },
  ];
  if ('status' in r && (r.status === 'undefined' || r.status === 'to-explore')) {
    const status = r.status === 'undefined' ? 'not-defined' : 'to-explore';
    blocks.push({
      type: 'paragraph',
      style: 'warning',
      text: `${t('openItem', lang)} (${statusLabel(status, lang)}): ${r.reason?.[lang] ?? ''}`,
    });
    return blocks;
  }
  for (const ind of r.indicators) {
    const def = ctx.indicators.get(ind);
    if (def)
      blocks.push({
        type: 'paragraph',
        style: 'definition',
        text: `${def.title[lang]}: ${def.definition[lang]} (${unitLabel(def.unit, lang)})`,
      });
  }
  const cells = ctx.cellsByResult.get(r.id) ?? [];
  const all = seriesLines(cells, r.indicators);
  // The board report keeps a result with many lines (durations: 5 segments × 3 statistics × 2
  // estimators) to its headline's family; the overview keeps every line.
  const head = headlineLine(r, ctx);
  const lines =
    ctx.kind === 'quarterly' && head && all.length > 6
      ? [head, ...family(all, head).filter((l) => l.id !== head.id)]
      : head && all.length > 1
        ? [head, ...all.filter((l) => l.id !== head.id)]
        : all;
  const years = sortedPeriods(cells.map((c) => c.period).filter(isYear));
  const yearly = lines.filter((l) => [...l.byPeriod.keys()].some(isYear));
  const parts = !('status' in r) && yearly[0] ? compositionBlocks(r, cells, yearly[0], ctx) : [];
  if (parts.length) blocks.push(...parts);
  else if (ctx.kind === 'quarterly')
    blocks.push(...chartFor(r.id, `${r.id} ${r.short[lang]}`, lines, ctx));
  if (yearly.length && years.length && !parts.length)
    blocks.push({
      type: 'table',
      table: linesTable(`${r.id}-years`, `${r.id} — ${t('perYear', lang)}`, yearly, years, ctx),
    });
  if (ctx.kind === 'quarterly') {
    const quarters = sortedPeriods(cells.map((c) => c.period).filter(isQuarter));
    // The latest year's quarters, and enough earlier ones to include the same quarter a year before.
    const lastYear = quarters[quarters.length - 1]?.slice(0, 4);
    const qs = quarters.filter(
      (q) => q.startsWith(`${lastYear}-`) || quarters.indexOf(q) >= quarters.length - 5,
    );
    const ql = lines.filter((l) => qs.some((q) => l.byPeriod.has(q)));
    if (ql.length)
      blocks.push({
        type: 'table',
        table: linesTable(`${r.id}-quarters`, `${r.id} — ${t('perQuarter', lang)}`, ql, qs, ctx),
      });
    if (yearly[0] && !parts.length)
      blocks.push(...breakdownTables(r.id, cells, yearly, years, ctx));
  }
  const findings = ctx.findingsByResult.get(r.id) ?? [];
  if (findings.length)
    blocks.push({
      type: 'findings',
      title: t('findings', lang),
      items: findings.map((f) => f.text[lang]),
    });
  const notes = notesFor(r, cells, ctx);
  if (notes.length) blocks.push({ type: 'notes', title: t('notes', lang), items: notes });
  return blocks;
}

export { breakdownText };
