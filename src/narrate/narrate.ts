import type { Plan } from '../plan/index.js';
import type { ProtectedCell } from '../protect/index.js';
import { IdwError } from '../shared/index.js';
import { checkFinding, indexCells } from './check-finding.js';
import { CATALOGUES, type Ctx, type Draft } from './draft.js';
import { findChanges } from './find-change.js';
import { findExtremes } from './find-extremes.js';
import { findLevel } from './find-level.js';
import { findNotes } from './find-notes.js';
import { findTargets } from './find-target.js';
import { narrateMessages } from './messages.js';
import { defaultRules, type Rules } from './rules.js';
import { groupSeries, type Series } from './series.js';
import type { Finding } from './types.js';

export interface NarrateOptions {
  /** Selection rules; default the shipped `rules.yaml`. */
  readonly rules?: Rules;
}

/**
 * Findings in Dutch and English for protected result cells. Every finding is re-derived from the
 * cells by `checkFinding` before it is returned; a finding that fails is a bug and throws.
 */
export function narrate(
  cells: readonly ProtectedCell[],
  plan: Plan,
  opts: NarrateOptions = {},
): Finding[] {
  const rules = opts.rules ?? defaultRules();
  const types = new Set<string>(rules.types);
  const byResult = new Map<string, Draft[]>();
  for (const series of groupSeries(cells)) {
    const ctx: Ctx = { series, rules, subject: subjectOf(series, plan) };
    const drafts = [
      ...(types.has('note') ? findNotes(ctx) : []),
      ...(types.has('level') ? findLevel(ctx) : []),
      ...findChanges(ctx, types),
      ...(types.has('extremes') ? findExtremes(ctx) : []),
      ...(types.has('target') ? findTargets(ctx, plan) : []),
    ];
    byResult.set(series.result, [
      ...(byResult.get(series.result) ?? []),
      ...drafts.map((d) => ({ ...d, tag: `${series.key}|${d.tag}` })),
    ]);
  }
  const order = (d: Draft): number => rules.types.indexOf(d.type);
  const findings: Finding[] = [];
  for (const [result, drafts] of byResult) {
    const kept = drafts
      .map((d, i) => ({ d, i }))
      .sort((x, y) => order(x.d) - order(y.d) || x.i - y.i)
      .slice(0, rules.maxFindingsPerResult)
      .map((x) => x.d);
    for (const { tag, ...d } of kept) findings.push({ id: `${d.type}|${tag}`, result, ...d });
  }
  const index = indexCells(cells);
  const problems = findings.flatMap((f) => checkFinding(f, cells, { rules, plan, index }));
  if (problems.length > 0) throw new IdwError(problems);
  return findings;
}

/** The indicator's title from the plan, with the measure and variant where they are not the default. */
function subjectOf(s: Series, plan: Plan): { nl: string; en: string } {
  const ind = plan.indicators.find((i) => i.id === s.indicator);
  const title = ind?.title ?? { nl: s.indicator, en: s.indicator };
  const extra = (lang: 'nl' | 'en'): string =>
    [
      s.measure === 'value' ? null : CATALOGUES[lang].measure(s.measure),
      s.variant === undefined ? null : CATALOGUES[lang].variant(s.variant),
    ]
      .filter((x) => x !== null)
      .map((x) => ` (${x})`)
      .join('');
  return { nl: `${title.nl}${extra('nl')}`, en: `${title.en}${extra('en')}` };
}

export { narrateMessages };
