import type { DURATION_SEGMENTS, OUTFLOW_VARIANTS } from '../plan/index.js';
import {
  SEGMENT_WORDS,
  VARIANT_WORDS,
  measureWords,
  variantWords,
  type Lang,
} from '../shared/index.js';

type Words = Readonly<Record<string, { nl: string; en: string }>>;

const UNITS: Words = {
  share: { nl: 'aandeel (%)', en: 'share (%)' },
  persons: { nl: 'personen', en: 'persons' },
  days: { nl: 'dagen', en: 'days' },
  hours: { nl: 'uren', en: 'hours' },
  actions: { nl: 'acties', en: 'actions' },
  campaigns: { nl: 'acties en campagnes', en: 'actions and campaigns' },
  count: { nl: 'aantal', en: 'number' },
  sessions: { nl: 'tolkopdrachten', en: 'interpreter assignments' },
  agreements: { nl: 'overeenkomsten', en: 'agreements' },
  trainings: { nl: 'opleidingen', en: 'trainings' },
  uses: { nl: 'keer gebruikt', en: 'uses' },
  participants: { nl: 'deelnemers', en: 'participants' },
  value: { nl: 'waarde', en: 'value' },
};

const word = (w: Words, k: string, lang: Lang): string => w[k]?.[lang] ?? k;

/** A measure in words (`mediaan, inschrijving tot eerste persoonlijke dienstverlening`). */
export const measureLabel = (m: string, lang: Lang): string => measureWords(m, lang);
/** A variant or estimator in words (`aan het werk`, `Kaplan–Meierschatting`). */
export const variantLabel = (v: string, lang: Lang): string => variantWords(v, lang);

/** `aan het werk na 12 maanden`, `werk gevonden binnen 12 maanden`. */
export function variantHorizonLabel(v: string | undefined, h: number, lang: Lang): string {
  const within = v?.startsWith('found-work') ?? false;
  const months = `${h} ${lang === 'nl' ? 'maanden' : 'months'}`;
  const prep = lang === 'nl' ? (within ? 'binnen' : 'na') : within ? 'within' : 'after';
  return [v === undefined ? '' : variantLabel(v, lang), prep, months].filter(Boolean).join(' ');
}

// Compile-time checks: a segment, variant or estimator the plan schema allows without a label in
// the shared vocabulary fails the type check here.
type Labelled<K extends string> = Readonly<Record<K, { nl: string; en: string }>>;
export const LABELLED_CODES: readonly [
  Labelled<(typeof DURATION_SEGMENTS)[number]>,
  Labelled<(typeof OUTFLOW_VARIANTS)[number] | 'km' | 'finished-only'>,
] = [SEGMENT_WORDS, VARIANT_WORDS];
export const unitLabel = (u: string, lang: Lang): string => word(UNITS, u, lang);

/** Breakdown dimensions never shown to the public, whatever the upstream stages did. */
export const NON_PUBLIC_DIMENSIONS: readonly string[] = ['residence_status'];
