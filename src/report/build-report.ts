import {
  boardSummary,
  changesSince,
  judgeTargets,
  phrasesEn,
  phrasesNl,
  type Finding,
  type PreviousReport,
} from '../narrate/index.js';
import { resultsInPlanOrder, type Plan } from '../plan/index.js';
import {
  DATA_COLUMNS,
  toDataRows,
  type Audience,
  type ProtectedCell,
  type ProtectedResultSet,
} from '../protect/index.js';
import { formatDate, type Lang } from '../shared/index.js';
import { cellKey } from '../compute/index.js';
import { groupBy, type BuildContext } from './context.js';
import { dimensionWords } from './dimension-words.js';
import { audienceLabel, t } from './labels.js';
import type { Block, ModelCell, ReportKind, ReportModel } from './model.js';
import { resultBlocks } from './result-section.js';
import { isYear, sortedPeriods } from './series.js';
import { definitionsTable, notesTable, overviewSheets } from './sheets.js';
import { summaryRow, summaryTable } from './summary.js';
import { NON_PUBLIC_DIMENSIONS } from './vocabulary.js';

/** What to build. */
export interface ReportOptions {
  /** Language of every text (default Dutch). */
  readonly lang: Lang;
  /** Who the report is for; must equal the audience the cells were protected for. */
  readonly audience: Audience;
  /** Cut-off date `YYYY-MM-DD`. */
  readonly asOf: string;
  /** `quarterly` (board report) or `overview` (per objective, per result, per year). */
  readonly kind: ReportKind;
  /** An earlier report's results, to list the headline figures that changed since (quarterly only). */
  readonly previous?: PreviousReport;
}

/** First day of a period: `2019` → `2019-01-01`, `2018-Q2` → `2018-04-01`, `2018-06` → `2018-06-01`. */
export function periodStart(p: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(p);
  if (q) return `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  return /^\d{4}-\d{2}$/.test(p) ? `${p}-01` : `${p.slice(0, 4)}-01-01`;
}

/**
 * Cells an audience may see: never a period that starts after the cut-off date (a manual value
 * entered ahead, say); the public never gets a residence-status breakdown, whatever upstream did.
 */
export function visibleCells(
  all: readonly ProtectedCell[],
  audience: Audience,
  asOf = '9999-12-31',
): ProtectedCell[] {
  const cells = all.filter((c) => periodStart(c.period) <= asOf);
  if (audience !== 'public') return cells;
  return cells.filter(
    (c) => !Object.keys(c.breakdown).some((d) => NON_PUBLIC_DIMENSIONS.includes(d)),
  );
}

/** The changes since an earlier report, in the report language. */
function changesOf(
  plan: Plan,
  prs: ProtectedResultSet,
  cells: readonly ProtectedCell[],
  previous: PreviousReport,
  lang: Lang,
): { title: string; items: string[] } {
  const changes = changesSince(plan, { ...prs, cells }, previous);
  const p = lang === 'nl' ? phrasesNl : phrasesEn;
  return {
    title: p.sinceTitle(previous.asOf, !changes.length),
    items: changes.map((c) => c.text[lang]),
  };
}

/**
 * Builds the format-neutral report once from the plan, the protected cells and the findings. Pure:
 * the same input gives the same model, which every renderer then prints.
 */
export function buildReport(
  plan: Plan,
  prs: ProtectedResultSet,
  findings: readonly Finding[],
  opts: ReportOptions,
): ReportModel {
  const { lang, kind } = opts;
  const cells = visibleCells(prs.cells, opts.audience, opts.asOf);
  const late = new Set(
    prs.cells.filter((c) => periodStart(c.period) > opts.asOf).map((c) => cellKey(c)),
  );
  const ctx: BuildContext = {
    plan,
    lang,
    kind,
    asOf: opts.asOf,
    synthetic: prs.synthetic,
    audience: opts.audience,
    indicators: new Map(plan.indicators.map((i) => [i.id, i])),
    cellsByResult: groupBy(cells, (c) => c.result),
    // A finding about a period after the cut-off date is left out with that period's cells.
    findingsByResult: groupBy(
      findings.filter((f) => f.cells.every((k) => !late.has(k))),
      (f) => f.result,
    ),
    verdicts: groupBy(judgeTargets(plan, cells), (v) => v.result),
    words: dimensionWords(plan, lang),
  };
  const title = kind === 'quarterly' ? t('quarterlyTitle', lang) : t('overviewTitle', lang);
  const planTitle = plan.plan.title[lang];
  const asOfText = formatDate(opts.asOf, lang);
  const aud = audienceLabel(opts.audience, lang);
  const cover = [
    { label: t('plan', lang), value: `${planTitle} (${plan.plan.organisation})` },
    { label: t('asOf', lang), value: asOfText },
    { label: t('audience', lang), value: aud },
    { label: t('snapshot', lang), value: prs.snapshot },
    { label: t('planHash', lang), value: prs.plan.hash },
    {
      label: t('data', lang),
      value: prs.synthetic
        ? lang === 'nl'
          ? 'synthetisch (demo)'
          : 'synthetic (demo)'
        : t('real', lang),
    },
  ];

  const blocks: Block[] = [];
  if (kind === 'quarterly') {
    const rows: ModelCell[][] = resultsInPlanOrder(plan).map((r) =>
      summaryRow(r, r.objective, ctx),
    );
    for (const s of plan.series) rows.push(summaryRow(s, t('series', lang), ctx));
    blocks.push({ type: 'heading', level: 1, id: 'summary', text: t('summary', lang) });
    blocks.push({ type: 'table', table: summaryTable(rows, ctx) });
    // Said once, not in every row.
    if (!plan.results.some((r) => r.targets.length))
      blocks.push({ type: 'paragraph', style: 'muted', text: t('noTargetsInPlan', lang) });
  }
  for (const sd of plan.objectives.filter((o) => o.level === 'strategic')) {
    blocks.push({
      type: 'heading',
      level: 1,
      id: `o-${sd.id}`,
      text: `${sd.id} ${sd.short[lang]}`,
    });
    blocks.push({ type: 'paragraph', text: sd.text[lang] });
    for (const r of plan.results.filter((x) => x.objective === sd.id))
      blocks.push(...resultBlocks(r, 2, ctx));
    for (const td of plan.objectives.filter((o) => o.parent === sd.id)) {
      blocks.push({
        type: 'heading',
        level: 2,
        id: `o-${td.id}`,
        text: `${td.id} ${td.short[lang]}`,
      });
      blocks.push({ type: 'paragraph', text: td.text[lang] });
      for (const r of plan.results.filter((x) => x.objective === td.id))
        blocks.push(...resultBlocks(r, 3, ctx));
    }
  }
  if (plan.series.length) {
    blocks.push({ type: 'heading', level: 1, id: 'series', text: t('extraSeries', lang) });
    for (const s of plan.series) {
      blocks.push(...resultBlocks(s, 2, ctx));
      blocks.push({ type: 'paragraph', style: 'muted', text: `${t('source', lang)}: ${s.source}` });
    }
  }

  const years = sortedPeriods(cells.map((c) => c.period).filter(isYear));
  const general = [
    `${t('asOf', lang)}: ${asOfText}. ${t('audience', lang)}: ${aud}.`,
    ...(prs.synthetic ? [t('synthetic', lang)] : []),
  ];
  return {
    kind,
    lang,
    audience: opts.audience,
    asOf: opts.asOf,
    title,
    subtitle: planTitle,
    // The synthetic mark travels with every page header and footer, so no page can pass for real.
    runningHeader: `${planTitle} · ${t('asOf', lang)} ${asOfText} · ${aud}${prs.synthetic ? ` · ${t('syntheticShort', lang)}` : ''}`,
    ...(kind === 'quarterly'
      ? {
          keyMessages: {
            title: t('keyMessages', lang),
            intro: t(
              plan.results.some((r) => r.targets.length) ? 'keyIntro' : 'keyIntroNoTargets',
              lang,
            ),
            items: boardSummary(plan, cells).map((b) => ({
              heading: b.heading[lang],
              text: b.text[lang],
            })),
            ...(opts.previous ? { changes: changesOf(plan, prs, cells, opts.previous, lang) } : {}),
          },
        }
      : {}),
    plan: { id: plan.plan.id, hash: prs.plan.hash, title: planTitle },
    snapshot: prs.snapshot,
    synthetic: prs.synthetic,
    cover,
    blocks,
    sheets: overviewSheets(years, ctx),
    definitions: definitionsTable(ctx),
    notes: notesTable(general, ctx),
    // The Data sheet layout is owned by protect: `idw check-disclosure` reads it back.
    dataColumns: DATA_COLUMNS,
    data: toDataRows(cells, opts.asOf),
  };
}
