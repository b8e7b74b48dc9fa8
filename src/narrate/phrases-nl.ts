import { formatDate, formatPeriod, measureWords, variantWords } from '../shared/index.js';
import { list, periodRuns, type Phrases } from './phrases.js';
import { groupWord } from './group-words.js';

const p = (s: string): string => formatPeriod(s, 'nl');
const horizon = (m: number): string => `na ${m} ${m === 1 ? 'maand' : 'maanden'}`;

const UNITS: Record<string, readonly [string, string]> = {
  hours: ['uur', 'uren'],
  persons: ['persoon', 'personen'],
  days: ['dag', 'dagen'],
  actions: ['actie', 'acties'],
  campaigns: ['campagne', 'campagnes'],
  sessions: ['opdracht', 'opdrachten'],
  agreements: ['overeenkomst', 'overeenkomsten'],
  trainings: ['opleiding', 'opleidingen'],
  participants: ['deelnemer', 'deelnemers'],
};
const GROUPS: Record<string, string> = {
  nodw: 'NODW',
  ibo_t: 'IBO-T',
  M: 'mannen',
  F: 'vrouwen',
  X: 'overige',
  low: 'laaggeschoolden',
  medium: 'middengeschoolden',
  high: 'hooggeschoolden',
  unknown: 'onbekend',
};
const BOARD_VERDICT = {
  met: 'gehaald',
  'not-met': 'niet gehaald',
  'on-track': 'op koers',
  'off-track': 'niet op koers',
  unclear: 'nog onzeker',
  pending: 'nog niet te beoordelen',
  'no-data': 'er is geen cijfer',
} as const;
const SINCE = {
  'now-complete': 'het cohort is nu volledig gevolgd; eerder was het een schatting',
  definition: 'de definitie van de indicator is gewijzigd',
  'new-data': 'nieuwe of verbeterde gegevens over die periode',
} as const;
const VERB = { increase: 'steeg', decrease: 'daalde', stable: 'bleef stabiel' } as const;
const STEP = { year: 'elk jaar', quarter: 'elk kwartaal', month: 'elke maand' } as const;
const REASONS = {
  suppressed: 'niet getoond omdat de aantallen te klein zijn (vertrouwelijk)',
  censored:
    'nog niet volledig waarneembaar (gecensureerd); deze waarden worden in geen enkele vergelijking gebruikt',
  incomplete:
    'nog niet volledig (de periode loopt na de peildatum door); deze waarden worden in geen enkele vergelijking gebruikt',
  'not-defined': 'niet gedefinieerd',
  'to-explore': 'nog te exploreren',
  'no-data': 'geen gegevens',
} as const;

/** Flemish Dutch sentences (house style: docs/narrative-style.md). */
export const phrasesNl: Phrases = {
  lang: 'nl',
  lexicon: {
    increase: /\b(steeg|stegen|stijging|hoger)\b/,
    decrease: /\b(daalde|daalden|daling|lager)\b/,
    stable: /\b(stabiel|even hoog)\b/,
    ofWhich: /\bwaarvan\b/,
    every: /\b(elk jaar|elk kwartaal|elke maand)\b/,
    highest: /\bhoogst\b/,
    lowest: /\blaagst\b/,
    met: /\b(gehaald|op koers)\b/,
    notMet: /\bniet (gehaald|op koers)\b/,
    above: /\bboven\b/,
    below: /\bonder\b/,
    perCent: /\bprocent\b/,
    points: /\bprocentpunt\b/,
  },
  group: (dim, code) => GROUPS[code] ?? groupWord(dim, code, 'nl') ?? code,
  horizon,
  measure: (m) => measureWords(m, 'nl'),
  variant: (v) => variantWords(v, 'nl'),
  withSubject: (subject, body) => `${subject}: ${body}`,
  unitWord: (unit, plural) => UNITS[unit]?.[plural ? 1 : 0] ?? '',
  level: (a, n) => {
    const when =
      a.cohortHorizon === undefined
        ? `in ${p(a.period)}`
        : `voor het cohort van ${p(a.period)} ${horizon(a.cohortHorizon)}`;
    const head = `${when} bedroeg ${a.hasParts ? 'het totaal' : 'de waarde'} ${n.level(a.total)}`;
    if (a.parts.length === 0) return `${head}.`;
    const parts = a.parts.map((x) => `${x.label} ${n.value(x.value)}`);
    return `${head}, waarvan ${list(parts, 'en')}.`;
  },
  change: (a, n) => {
    const who = a.ofTotal ? 'het totaal' : 'de waarde';
    const span = `tussen ${p(a.from)} en ${p(a.to)}`;
    const fromTo = `van ${n.value(a.fromValue)} naar ${n.value(a.toValue)}`;
    if (a.direction === 'stable') return `${span} bleef ${who} stabiel, ${fromTo}.`;
    const rel = a.relative === null ? '' : ` (${n.relative(a.relative)})`;
    return `${span} ${VERB[a.direction]} ${who} met ${n.diff(a.delta)}${rel}, ${fromTo}.`;
  },
  cohort: (a, n) => {
    const cmp =
      a.direction === 'stable'
        ? 'even hoog als'
        : `${n.diff(a.delta)} ${a.direction === 'increase' ? 'hoger' : 'lager'} dan`;
    return `${horizon(a.horizon)} lag de waarde voor het cohort van ${p(a.to)} ${cmp} voor het cohort van ${p(a.from)} (${n.value(a.toValue)} tegenover ${n.value(a.fromValue)}).`;
  },
  decomposition: (a, n) => {
    const t = a.total;
    const span = `tussen ${p(a.from)} en ${p(a.to)}`;
    const head =
      t.direction === 'stable'
        ? `${span} bleef het totaal stabiel`
        : `${span} ${VERB[t.direction]} het totaal met ${n.diff(t.delta)}`;
    const fromTo = `van ${n.value(t.fromValue)} naar ${n.value(t.toValue)}`;
    const parts =
      a.connector === 'of-which'
        ? `waarvan ${list(
            a.parts.map((x) => `${x.label} ${n.diff(x.delta)}`),
            'en',
          )}`
        : `terwijl ${list(
            a.parts.map((x) =>
              x.direction === 'stable'
                ? `${x.label} stabiel bleef`
                : `${x.label} met ${n.diff(x.delta)} ${VERB[x.direction]}`,
            ),
            'en',
          )}`;
    const every = a.parts
      .filter((x) => x.monotone && x.direction !== 'stable')
      .map((x) => ` ${x.label} ${VERB[x.direction]} ${STEP[a.step]}.`)
      .join('');
    return `${head}, ${fromTo}, ${parts}.${every}`;
  },
  extremes: (a, n) =>
    `in ${p(a.period)} was de waarde het hoogst voor ${a.highest.label} (${n.level(a.highest.value)}) en het laagst voor ${a.lowest.label} (${n.level(a.lowest.value)}), een verschil van ${n.diff(a.gap)}.`,
  target: (a, n) => {
    const pos = a.gap === 0 ? 'gelijk aan' : `${n.diff(a.gap)} ${a.gap > 0 ? 'boven' : 'onder'}`;
    const kind = a.kind === 'at-least' ? 'ten minste' : 'ten hoogste';
    if (a.path !== undefined && a.targetPeriod)
      return `in ${p(a.period)} bedroeg de waarde ${n.level(a.value)}, ${pos} het pad naar de doelstelling van ${kind} ${n.level(a.target)} in ${p(a.targetPeriod)}: ${a.met ? 'op koers' : 'niet op koers'}.`;
    return `in ${p(a.period)} bedroeg de waarde ${n.level(a.value)}, ${pos} de doelstelling van ${kind} ${n.level(a.target)}: ${a.met ? 'gehaald' : 'niet gehaald'}.`;
  },
  boardItem: (a, n) => {
    const head = a.what ? `${a.label} (${a.what})` : a.label;
    if (a.open === 'not-defined') return `${head}: het plan legt er geen indicator voor vast.`;
    if (a.open === 'to-explore') return `${head}: de meetmethode wordt nog verkend.`;
    if (a.open === 'no-data') return `${head}: op de peildatum zijn er geen cijfers.`;
    const who = (per: string) => (a.cohort ? `voor wie in ${p(per)} instroomde` : `in ${p(per)}`);
    const more = (d: number, rate: boolean) =>
      d === 0
        ? 'evenveel als'
        : `${n.diff(d)} ${d > 0 ? (rate ? 'hoger dan' : 'meer dan') : rate ? 'lager dan' : 'minder dan'}`;
    const rate = a.rate;
    const parts: string[] = [];
    if (a.period !== undefined && a.value !== undefined) {
      let s = `${head}: ${n.level(a.value)} ${who(a.period)}`;
      if (a.change)
        s += a.cohort
          ? `, ${more(a.change.delta, rate)} voor het cohort een jaar eerder`
          : `, ${more(a.change.delta, rate)} een jaar eerder`;
      parts.push(`${s}.`);
      if (a.estimate)
        parts.push(
          `Voor ${p(a.estimate.period)} is de schatting ${n.level(a.estimate.value)} (tussen ${n.value(a.estimate.low)} en ${n.value(a.estimate.high)}); dat cohort is nog niet volledig gevolgd.`,
        );
    } else if (a.estimate)
      parts.push(
        `${head}: ${who(a.estimate.period)} wordt het cijfer op ${n.level(a.estimate.value)} geschat (tussen ${n.value(a.estimate.low)} en ${n.value(a.estimate.high)}); eerdere cohorten zijn vertrouwelijk of nog niet volledig gevolgd.`,
      );
    if (a.verdict)
      parts.push(
        `De streefwaarde is ${a.verdict.kind === 'at-least' ? 'ten minste' : 'ten hoogste'} ${n.level(a.verdict.target)} in ${p(a.verdict.period)}: ${BOARD_VERDICT[a.verdict.status]}.`,
      );
    else if (a.benchmark)
      parts.push(`Ter vergelijking: ${n.level(a.benchmark.value)} (${a.benchmark.label}).`);
    return parts.join(' ');
  },
  since: (a, n) =>
    `${a.label}, ${p(a.period)}: ${n.level(a.before)} in het vorige rapport, nu ${n.level(a.after)} (${SINCE[a.reason]}).`,
  sinceTitle: (asOf, none) =>
    none
      ? `Geen enkel kerncijfer van een eerder gerapporteerde periode is gewijzigd sinds het vorige rapport (peildatum ${formatDate(asOf, 'nl')}).`
      : `Gewijzigd sinds het vorige rapport (peildatum ${formatDate(asOf, 'nl')}):`,
  note: (a) =>
    `voor ${list(
      periodRuns(a.periods).map((r) =>
        r.length < 3
          ? list(r.map(p), 'en')
          : `de periode van ${p(r[0]!)} tot en met ${p(r[r.length - 1]!)}`,
      ),
      'en',
    )}${a.groups ? ' (voor minstens één groep)' : ''} ${REASONS[a.reason]}.`,
};
