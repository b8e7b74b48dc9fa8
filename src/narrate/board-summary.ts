import { cellKey } from '../compute/index.js';
import type { Plan, Result, Series, Text } from '../plan/index.js';
import type { ProtectedCell } from '../protect/index.js';
import { defaultDecimals, isRateUnit } from '../shared/index.js';
import { CATALOGUES } from './draft.js';
import { pickHeadline } from './headline.js';
import { judgeTargets, type TargetVerdict } from './judge-targets.js';
import { amounts, type BoardItemArgs } from './phrases.js';

/** One paragraph of the first page: a strategic objective (or a series) in two or three sentences. */
export interface BoardParagraph {
  /** `SD1` … or the series id. */
  readonly id: string;
  readonly heading: Text;
  readonly text: Text;
  /** Keys of the cells whose numbers the paragraph states. */
  readonly cells: readonly string[];
}

/** Most results per paragraph: two or three sentences a board member reads in a minute. */
const MAX_ITEMS = 3;

const COHORT_KINDS = new Set(['cohort-outflow', 'duration']);

/** The words for one result's headline, in both languages (numbers from the cells only). */
function item(
  plan: Plan,
  r: Result | Series,
  cells: readonly ProtectedCell[],
  verdicts: readonly TargetVerdict[],
): { args: (lang: 'nl' | 'en') => BoardItemArgs; unit: string; keys: string[]; figure: boolean } {
  const h = pickHeadline(plan, r, cells);
  const head = h.complete ?? h.estimate;
  const unit = head?.unit ?? 'count';
  const ind = plan.indicators.find((i) => i.id === (head?.indicator ?? r.indicators[0]));
  const status = 'status' in r ? r.status : 'defined';
  const verdict = verdicts.find((v) => v.result === r.id);
  const bench =
    'benchmarks' in r
      ? r.benchmarks.find(
          (b) =>
            head &&
            (b.variant ?? head.variant) === head.variant &&
            (b.horizon ?? head.horizon) === head.horizon,
        )
      : undefined;
  const keys = [h.complete, h.yearBefore, h.estimate].flatMap((c) => (c ? [cellKey(c)] : []));
  return {
    unit,
    keys,
    figure: head !== undefined,
    args: (lang) => {
      const p = CATALOGUES[lang];
      const what = head
        ? [
            head.measure === 'value' || head.measure === head.unit ? '' : p.measure(head.measure),
            head.variant === undefined || head.variant === 'km' ? '' : p.variant(head.variant),
            head.horizon === undefined ? '' : p.horizon(head.horizon),
          ]
            .filter(Boolean)
            .join(' ')
        : '';
      return {
        // An open item's short title says only that it is open: name it by its id instead.
        label: status === 'undefined' || status === 'to-explore' ? r.id : r.short[lang],
        ...(what ? { what } : {}),
        cohort: COHORT_KINDS.has(ind?.kind ?? ''),
        rate: isRateUnit(unit),
        ...(h.complete ? { period: h.complete.period, value: h.complete.value } : {}),
        ...(h.complete && h.yearBefore
          ? { change: { from: h.yearBefore.period, delta: h.complete.value - h.yearBefore.value } }
          : {}),
        ...(h.estimate
          ? {
              estimate: {
                period: h.estimate.period,
                value: h.estimate.value,
                low: h.estimate.ci_low,
                high: h.estimate.ci_high,
              },
            }
          : {}),
        ...(verdict
          ? {
              verdict: {
                status: verdict.status,
                target: verdict.target.value,
                period: verdict.target.period,
                kind:
                  verdict.target.direction === 'at-least' || verdict.target.direction === 'increase'
                    ? ('at-least' as const)
                    : ('at-most' as const),
              },
            }
          : {}),
        ...(bench ? { benchmark: { value: bench.value, label: bench.label[lang] } } : {}),
        ...(status === 'undefined'
          ? { open: 'not-defined' as const }
          : status === 'to-explore'
            ? { open: 'to-explore' as const }
            : !head
              ? { open: 'no-data' as const }
              : {}),
      };
    },
  };
}

/**
 * The first page: per strategic objective (and per extra series) two or three sentences with the
 * headline figures, the change on a year earlier, and the verdict against a target or a benchmark.
 * Numbers come from the protected cells through the plan's headlines; nothing is invented.
 */
export function boardSummary(plan: Plan, cells: readonly ProtectedCell[]): BoardParagraph[] {
  const verdicts = judgeTargets(plan, cells);
  const paragraph = (
    id: string,
    heading: Text,
    owners: readonly (Result | Series)[],
  ): BoardParagraph => {
    const items = owners.map((r) => item(plan, r, cells, verdicts));
    const text = (lang: 'nl' | 'en') =>
      items
        .map((it) => {
          const p = CATALOGUES[lang];
          const a = it.args(lang);
          const decimals = isRateUnit(it.unit) ? 1 : defaultDecimals(it.unit);
          return p.boardItem(a, amounts(p, it.unit, decimals));
        })
        .join(' ');
    return {
      id,
      heading,
      text: { nl: text('nl'), en: text('en') },
      cells: items.flatMap((i) => i.keys),
    };
  };
  const out: BoardParagraph[] = [];
  for (const sd of plan.objectives.filter((o) => o.level === 'strategic')) {
    const own = plan.results.filter((r) => r.objective === sd.id);
    const withFigure = (rs: readonly Result[]) =>
      rs.filter(
        (r) => pickHeadline(plan, r, cells).complete ?? pickHeadline(plan, r, cells).estimate,
      );
    // An objective without a figure of its own is told through its tactical objectives' results.
    const tactical = plan.results.filter((r) =>
      plan.objectives.some((o) => o.parent === sd.id && o.id === r.objective),
    );
    const chosen = withFigure(own).length
      ? [...withFigure(own), ...own.filter((r) => !withFigure(own).includes(r))]
      : [...own, ...withFigure(tactical)];
    out.push(
      paragraph(
        sd.id,
        { nl: `${sd.id} ${sd.short.nl}`, en: `${sd.id} ${sd.short.en}` },
        chosen.slice(0, MAX_ITEMS),
      ),
    );
  }
  // A series is headed by where it comes from; its own title opens the sentence.
  for (const s of plan.series)
    out.push(
      paragraph(
        s.id,
        s.origin === 'question'
          ? { nl: 'Gevraagd door het parlement', en: 'Asked by parliament' }
          : { nl: 'Bijkomende reeks', en: 'Additional series' },
        [s],
      ),
    );
  return out;
}
