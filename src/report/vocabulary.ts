import type { Lang } from '../shared/index.js';

type Words = Readonly<Record<string, { nl: string; en: string }>>;

const MEASURES: Words = {
  median: { nl: 'mediaan', en: 'median' },
  p25: { nl: '1e kwartiel', en: 'first quartile' },
  p75: { nl: '3e kwartiel', en: 'third quartile' },
  hours: { nl: 'uren', en: 'hours' },
  n: { nl: 'aantal', en: 'number' },
  reach: { nl: 'bereik', en: 'reach' },
  participants: { nl: 'deelnemers', en: 'participants' },
};
const VARIANTS: Words = {
  'at-work': { nl: 'aan het werk op', en: 'at work at' },
  'found-work': { nl: 'werk gevonden binnen', en: 'found work within' },
  durable: { nl: 'duurzaam aan het werk op', en: 'durably at work at' },
  km: { nl: 'Kaplan–Meier', en: 'Kaplan–Meier' },
  'finished-only': { nl: 'enkel afgeronde trajecten', en: 'finished trajectories only' },
};
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
  value: { nl: 'waarde', en: 'value' },
};

const word = (w: Words, k: string, lang: Lang): string => w[k]?.[lang] ?? k;

export const measureLabel = (m: string, lang: Lang): string => word(MEASURES, m, lang);
export const variantLabel = (v: string, lang: Lang): string => word(VARIANTS, v, lang);
export const unitLabel = (u: string, lang: Lang): string => word(UNITS, u, lang);

/** Breakdown dimensions never shown to the public, whatever the upstream stages did. */
export const NON_PUBLIC_DIMENSIONS: readonly string[] = ['residence_status'];
