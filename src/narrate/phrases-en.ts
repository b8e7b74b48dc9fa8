import { formatDate, formatPeriod, measureWords, variantWords } from '../shared/index.js';
import { list, periodRuns, type Phrases } from './phrases.js';
import { groupWord } from './group-words.js';

const p = (s: string): string => formatPeriod(s, 'en');
const horizon = (m: number): string => `after ${m} ${m === 1 ? 'month' : 'months'}`;

const UNITS: Record<string, readonly [string, string]> = {
  hours: ['hour', 'hours'],
  persons: ['person', 'persons'],
  days: ['day', 'days'],
  actions: ['action', 'actions'],
  campaigns: ['campaign', 'campaigns'],
  sessions: ['session', 'sessions'],
  agreements: ['agreement', 'agreements'],
  trainings: ['training', 'trainings'],
};
const GROUPS: Record<string, string> = {
  nodw: 'NODW',
  ibo_t: 'IBO-T',
  M: 'men',
  F: 'women',
  X: 'other',
  low: 'low-skilled',
  medium: 'medium-skilled',
  high: 'high-skilled',
  unknown: 'unknown',
};
const BOARD_VERDICT = {
  met: 'met',
  'not-met': 'not met',
  'on-track': 'on track',
  'off-track': 'off track',
  unclear: 'not yet clear',
  pending: 'cannot be judged yet',
  'no-data': 'there is no figure',
} as const;
const SINCE = {
  'now-complete': 'the cohort is now followed in full; before, it was an estimate',
  definition: "the indicator's definition changed",
  'new-data': 'new or corrected data about that period',
} as const;
const VERB = { increase: 'rose', decrease: 'fell', stable: 'remained stable' } as const;
const STEP = { year: 'every year', quarter: 'every quarter', month: 'every month' } as const;
const REASONS = {
  suppressed: 'not shown because the numbers are too small (confidential)',
  censored: 'not yet fully observable (censored); no comparison uses these values',
  incomplete:
    'not yet complete (the period runs on after the cut-off date); no comparison uses these values',
  'not-defined': 'not defined',
  'to-explore': 'still to be explored',
  'no-data': 'no data',
} as const;

/** English sentences (house style: docs/narrative-style.md). */
export const phrasesEn: Phrases = {
  lang: 'en',
  lexicon: {
    increase: /\b(rose|increase|higher)\b/,
    decrease: /\b(fell|decrease|lower)\b/,
    stable: /\b(stable|the same)\b/,
    ofWhich: /\bof which\b/,
    every: /\b(every year|every quarter|every month)\b/,
    highest: /\bhighest\b/,
    lowest: /\blowest\b/,
    met: /\b(met|on track)\b/,
    notMet: /\b(not met|off track)\b/,
    above: /\babove\b/,
    below: /\bbelow\b/,
    perCent: /\b(per ?cent|percent)\b/,
    points: /\bpercentage points?\b/,
  },
  group: (dim, code) => GROUPS[code] ?? groupWord(dim, code, 'en') ?? code,
  horizon,
  measure: (m) => measureWords(m, 'en'),
  variant: (v) => variantWords(v, 'en'),
  withSubject: (subject, body) => `${subject}: ${body}`,
  unitWord: (unit, plural) => UNITS[unit]?.[plural ? 1 : 0] ?? '',
  level: (a, n) => {
    const when =
      a.cohortHorizon === undefined
        ? `in ${p(a.period)}`
        : `for the cohort of ${p(a.period)} ${horizon(a.cohortHorizon)}`;
    const head = `${when} ${a.hasParts ? 'the total' : 'the value'} was ${n.level(a.total)}`;
    if (a.parts.length === 0) return `${head}.`;
    const parts = a.parts.map((x) => `${x.label} ${n.value(x.value)}`);
    return `${head}, of which ${list(parts, 'and')}.`;
  },
  change: (a, n) => {
    const who = a.ofTotal ? 'the total' : 'the value';
    const span = `between ${p(a.from)} and ${p(a.to)}`;
    const fromTo = `from ${n.value(a.fromValue)} to ${n.value(a.toValue)}`;
    if (a.direction === 'stable') return `${span} ${who} remained stable, ${fromTo}.`;
    const rel = a.relative === null ? '' : ` (${n.relative(a.relative)})`;
    return `${span} ${who} ${VERB[a.direction]} by ${n.diff(a.delta)}${rel}, ${fromTo}.`;
  },
  cohort: (a, n) => {
    const cmp =
      a.direction === 'stable'
        ? 'about the same as'
        : `${n.diff(a.delta)} ${a.direction === 'increase' ? 'higher' : 'lower'} than`;
    return `${horizon(a.horizon)} the value for the cohort of ${p(a.to)} was ${cmp} for the cohort of ${p(a.from)} (${n.value(a.toValue)} against ${n.value(a.fromValue)}).`;
  },
  decomposition: (a, n) => {
    const t = a.total;
    const span = `between ${p(a.from)} and ${p(a.to)}`;
    const head =
      t.direction === 'stable'
        ? `${span} the total remained stable`
        : `${span} the total ${VERB[t.direction]} by ${n.diff(t.delta)}`;
    const fromTo = `from ${n.value(t.fromValue)} to ${n.value(t.toValue)}`;
    const parts =
      a.connector === 'of-which'
        ? `of which ${list(
            a.parts.map((x) => `${x.label} ${n.diff(x.delta)}`),
            'and',
          )}`
        : `while ${list(
            a.parts.map((x) =>
              x.direction === 'stable'
                ? `${x.label} remained stable`
                : `${x.label} ${VERB[x.direction]} by ${n.diff(x.delta)}`,
            ),
            'and',
          )}`;
    const every = a.parts
      .filter((x) => x.monotone && x.direction !== 'stable')
      .map((x) => ` ${x.label} ${VERB[x.direction]} ${STEP[a.step]}.`)
      .join('');
    return `${head}, ${fromTo}, ${parts}.${every}`;
  },
  extremes: (a, n) =>
    `in ${p(a.period)} the value was highest for ${a.highest.label} (${n.level(a.highest.value)}) and lowest for ${a.lowest.label} (${n.level(a.lowest.value)}), a gap of ${n.diff(a.gap)}.`,
  target: (a, n) => {
    const pos = a.gap === 0 ? 'equal to' : `${n.diff(a.gap)} ${a.gap > 0 ? 'above' : 'below'}`;
    const kind = a.kind === 'at-least' ? 'at least' : 'at most';
    if (a.path !== undefined && a.targetPeriod)
      return `in ${p(a.period)} the value was ${n.level(a.value)}, ${pos} the path to the target of ${kind} ${n.level(a.target)} in ${p(a.targetPeriod)}: ${a.met ? 'on track' : 'off track'}.`;
    return `in ${p(a.period)} the value was ${n.level(a.value)}, ${pos} the target of ${kind} ${n.level(a.target)}: ${a.met ? 'met' : 'not met'}.`;
  },
  boardItem: (a, n) => {
    const head = a.what ? `${a.label} (${a.what})` : a.label;
    if (a.open === 'not-defined') return `${head}: the plan sets no indicator for it.`;
    if (a.open === 'to-explore') return `${head}: the way to measure it is still being explored.`;
    if (a.open === 'no-data') return `${head}: there are no figures at the cut-off date.`;
    const who = (per: string) =>
      a.cohort ? `for those who registered in ${p(per)}` : `in ${p(per)}`;
    const more = (d: number, rate: boolean) =>
      d === 0
        ? 'the same as'
        : `${n.diff(d)} ${d > 0 ? (rate ? 'higher than' : 'more than') : rate ? 'lower than' : 'fewer than'}`;
    const rate = a.rate;
    const parts: string[] = [];
    if (a.period !== undefined && a.value !== undefined) {
      let s = `${head}: ${n.level(a.value)} ${who(a.period)}`;
      if (a.change)
        s += a.cohort
          ? `, ${more(a.change.delta, rate)} for the cohort a year earlier`
          : `, ${more(a.change.delta, rate)} a year earlier`;
      parts.push(`${s}.`);
      if (a.estimate)
        parts.push(
          `For ${p(a.estimate.period)} the estimate is ${n.level(a.estimate.value)} (between ${n.value(a.estimate.low)} and ${n.value(a.estimate.high)}); that cohort has not yet been followed in full.`,
        );
    } else if (a.estimate)
      parts.push(
        `${head}: ${who(a.estimate.period)} the figure is estimated at ${n.level(a.estimate.value)} (between ${n.value(a.estimate.low)} and ${n.value(a.estimate.high)}); earlier cohorts are confidential or not yet followed in full.`,
      );
    if (a.verdict)
      parts.push(
        `The target is ${a.verdict.kind === 'at-least' ? 'at least' : 'at most'} ${n.level(a.verdict.target)} in ${p(a.verdict.period)}: ${BOARD_VERDICT[a.verdict.status]}.`,
      );
    else if (a.benchmark)
      parts.push(`For comparison: ${n.level(a.benchmark.value)} (${a.benchmark.label}).`);
    return parts.join(' ');
  },
  since: (a, n) =>
    `${a.label}, ${p(a.period)}: ${n.level(a.before)} in the previous report, now ${n.level(a.after)} (${SINCE[a.reason]}).`,
  sinceTitle: (asOf, none) =>
    none
      ? `No headline figure of a period already reported has changed since the previous report (cut-off ${formatDate(asOf, 'en')}).`
      : `Changed since the previous report (cut-off ${formatDate(asOf, 'en')}):`,
  note: (a) =>
    `for ${list(
      periodRuns(a.periods).map((r) =>
        r.length < 3
          ? list(r.map(p), 'and')
          : `the period from ${p(r[0]!)} to ${p(r[r.length - 1]!)}`,
      ),
      'and',
    )}${a.groups ? ' (for at least one group)' : ''} ${REASONS[a.reason]}.`,
};
