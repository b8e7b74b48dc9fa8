import type { Result, Series } from '../plan/index.js';
import { labelCell, modelCell, periodHeading } from './cell-format.js';
import type { BuildContext } from './context.js';
import { t, statusLabel } from './labels.js';
import type { ModelCell, ModelSheet, ModelTable } from './model.js';
import { isYear, keyOf, lineLabel, seriesLines } from './series.js';
import { unitLabel } from './vocabulary.js';

/** Overview rows of one result: one row per line (indicator × measure × variant × horizon), years as columns. */
function resultRows(
  r: Result | Series,
  objective: string,
  years: readonly string[],
  ctx: BuildContext,
): ModelCell[][] {
  const lang = ctx.lang;
  const head = (line: string, unit: string) => [
    labelCell(objective),
    labelCell(r.id),
    labelCell(r.short[lang]),
    labelCell(line),
    labelCell(unit),
  ];
  if ('status' in r && (r.status === 'undefined' || r.status === 'to-explore')) {
    const st = statusLabel(r.status === 'undefined' ? 'not-defined' : 'to-explore', lang);
    return [[...head(`${t('openItem', lang)}: ${st}`, ''), ...years.map(() => labelCell(''))]];
  }
  const lines = seriesLines(ctx.cellsByResult.get(r.id) ?? [], r.indicators).filter((l) =>
    [...l.byPeriod.keys()].some(isYear),
  );
  if (!lines.length)
    return [[...head(statusLabel('no-data', lang), ''), ...years.map(() => labelCell('–'))]];
  return lines.map((l) => [
    ...head(lineLabel(l, ctx.indicators, lang), unitLabel(l.unit, lang)),
    ...years.map((y) => {
      const c = l.byPeriod.get(y);
      return modelCell(c, c && keyOf(c), lang);
    }),
  ]);
}

const overviewColumns = (years: readonly string[], ctx: BuildContext) => [
  t('objective', ctx.lang),
  t('result', ctx.lang),
  ctx.lang === 'nl' ? 'Omschrijving' : 'Description',
  t('indicator', ctx.lang),
  t('unit', ctx.lang),
  // A year that the cut-off date cuts short says so in its heading.
  ...years.map((y) => periodHeading(y, ctx.asOf < `${y}-12-31` ? ctx.asOf : undefined, ctx.lang)),
];

/** One sheet per strategic objective (its results and its tactical objectives' results) and one per series. */
export function overviewSheets(years: readonly string[], ctx: BuildContext): ModelSheet[] {
  const plan = ctx.plan;
  const sheets: ModelSheet[] = [];
  for (const sd of plan.objectives.filter((o) => o.level === 'strategic')) {
    const objs = [sd, ...plan.objectives.filter((o) => o.parent === sd.id)];
    const rows = objs.flatMap((o) =>
      plan.results
        .filter((r) => r.objective === o.id)
        .flatMap((r) => resultRows(r, o.id, years, ctx)),
    );
    const table: ModelTable = {
      id: `sheet-${sd.id}`,
      caption: `${sd.id} ${sd.short[ctx.lang]}`,
      columns: overviewColumns(years, ctx),
      labelColumns: 5,
      rows,
    };
    sheets.push({ name: `${sd.id} ${sd.short[ctx.lang]}`, table });
  }
  for (const s of plan.series) {
    const table: ModelTable = {
      id: `sheet-${s.id}`,
      caption: `${s.id} ${s.short[ctx.lang]}`,
      columns: overviewColumns(years, ctx),
      labelColumns: 5,
      rows: resultRows(s, t('series', ctx.lang), years, ctx),
    };
    sheets.push({ name: s.id, table });
  }
  return sheets;
}

/** Definitions: every result and indicator in plan order, in words. */
export function definitionsTable(ctx: BuildContext): ModelTable {
  const lang = ctx.lang;
  const rows: ModelCell[][] = [];
  for (const r of [...ctx.plan.results, ...ctx.plan.series]) {
    if (!r.indicators.length)
      rows.push(
        [r.id, r.text[lang], '', ('reason' in r && r.reason?.[lang]) || '', ''].map(labelCell),
      );
    for (const id of r.indicators) {
      const ind = ctx.indicators.get(id);
      rows.push(
        [
          r.id,
          r.text[lang],
          ind?.title[lang] ?? id,
          ind?.definition[lang] ?? '',
          unitLabel(ind?.unit ?? '', lang),
        ].map(labelCell),
      );
    }
  }
  return {
    id: 'definitions',
    caption: t('definitions', lang),
    columns: [
      t('result', lang),
      ctx.lang === 'nl' ? 'Omschrijving' : 'Description',
      t('indicator', lang),
      t('definition', lang),
      t('unit', lang),
    ],
    labelColumns: 5,
    rows,
  };
}

/** Notes: the symbols and the general remarks (audience, synthetic data, censoring). */
export function notesTable(extra: readonly string[], ctx: BuildContext): ModelTable {
  const lang = ctx.lang;
  const rows: ModelCell[][] = [
    ['x', t('symbolX', lang)],
    ['.', t('symbolDot', lang)],
    ['*', t('symbolStar', lang)],
    ['–', t('symbolDash', lang)],
    ...extra.map((e) => ['', e]),
  ].map((r) => r.map(labelCell));
  return {
    id: 'notes',
    caption: t('notes', lang),
    columns: [t('symbol', lang), t('meaning', lang)],
    labelColumns: 2,
    rows,
  };
}
