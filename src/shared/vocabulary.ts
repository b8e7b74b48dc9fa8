import type { Lang } from './format.js';

/** A word in both report languages. */
export interface Words {
  readonly nl: string;
  readonly en: string;
}

/**
 * The one vocabulary for the codes that cells carry (measures, duration segments, variants,
 * estimators): narrate's sentences and every report table read these words, so a code never shows
 * raw. `report/vocabulary.ts` checks at compile time that every code the plan schema allows has a
 * label here.
 */
export const MEASURE_WORDS = {
  median: { nl: 'mediaan', en: 'median' },
  p25: { nl: 'eerste kwartiel', en: 'first quartile' },
  p75: { nl: 'derde kwartiel', en: 'third quartile' },
  mean: { nl: 'gemiddelde', en: 'mean' },
  open: { nl: 'lopende trajecten', en: 'open trajectories' },
  hours: { nl: 'uren', en: 'hours' },
  n: { nl: 'aantal', en: 'number' },
  reach: { nl: 'bereik', en: 'reach' },
  participants: { nl: 'deelnemers', en: 'participants' },
} as const satisfies Record<string, Words>;

/** The five stretches of a trajectory whose duration is measured. */
export const SEGMENT_WORDS = {
  'registration-first-service': {
    nl: 'inschrijving tot eerste persoonlijke dienstverlening',
    en: 'registration to first personal service',
  },
  'first-service-first-action': {
    nl: 'eerste dienstverlening tot eerste actie',
    en: 'first service to first action',
  },
  'first-action-last-action': {
    nl: 'eerste tot laatste actie',
    en: 'first to last action',
  },
  'last-action-outflow': { nl: 'laatste actie tot uitstroom', en: 'last action to outflow' },
  'registration-outflow': { nl: 'inschrijving tot uitstroom', en: 'registration to outflow' },
} as const satisfies Record<string, Words>;

/** Outflow variants and duration estimators. */
export const VARIANT_WORDS = {
  'at-work': { nl: 'aan het werk', en: 'at work' },
  'found-work': { nl: 'werk gevonden', en: 'found work' },
  durable: { nl: 'duurzaam aan het werk', en: 'durably at work' },
  km: { nl: 'Kaplan–Meierschatting', en: 'Kaplan–Meier estimate' },
  'finished-only': { nl: 'enkel afgeronde trajecten', en: 'finished trajectories only' },
} as const satisfies Record<string, Words>;

const lookup = (w: Readonly<Record<string, Words>>, k: string): Words | undefined =>
  Object.hasOwn(w, k) ? w[k] : undefined;

/** A measure in words: `mediaan`, or for durations `mediaan, inschrijving tot eerste …`. */
export function measureWords(m: string, lang: Lang): string {
  const [seg, stat] = m.includes('.') ? m.split('.', 2) : [undefined, m];
  const s = lookup(MEASURE_WORDS, stat!)?.[lang] ?? stat!;
  const g = seg === undefined ? undefined : (lookup(SEGMENT_WORDS, seg)?.[lang] ?? seg);
  return g ? `${s}, ${g}` : s;
}

/**
 * A variant in words, with the parameters that compute writes into the code
 * (`found-work-28d`: a job of at least 28 days; `durable-12m`: still at work 12 months later).
 */
export function variantWords(v: string, lang: Lang): string {
  const found = /^found-work-(\d+)d$/.exec(v);
  if (found)
    return lang === 'nl'
      ? `werk gevonden (job van minstens ${found[1]} dagen)`
      : `found work (a job of at least ${found[1]} days)`;
  const durable = /^durable-(\d+)m$/.exec(v);
  if (durable)
    return lang === 'nl'
      ? `duurzaam aan het werk (${durable[1]} maanden later nog)`
      : `durably at work (still ${durable[1]} months later)`;
  return lookup(VARIANT_WORDS, v)?.[lang] ?? v;
}
