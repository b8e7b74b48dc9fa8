import { codes as CODE_LISTS } from '../contract/index.js';
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
const DIMENSIONS: Words = {
  sex: { nl: 'geslacht', en: 'sex' },
  age_group: { nl: 'leeftijd', en: 'age' },
  residence_status: { nl: 'verblijfsstatuut', en: 'residence status' },
  education_level: { nl: 'opleidingsniveau', en: 'education level' },
  region: { nl: 'regio', en: 'region' },
  coaching_kind: { nl: 'soort coaching', en: 'kind of coaching' },
  origin_group: { nl: 'herkomst', en: 'origin' },
  tool: { nl: 'tool', en: 'tool' },
  action_type: { nl: 'soort actie', en: 'kind of action' },
};
const CODES: Words = {
  M: { nl: 'man', en: 'male' },
  F: { nl: 'vrouw', en: 'female' },
  nodw: { nl: 'NODW', en: 'NODW' },
  ibo_t: { nl: 'IBO-T', en: 'IBO-T' },
  refugee: { nl: 'erkend vluchteling', en: 'recognised refugee' },
  subsidiary_protection: { nl: 'subsidiair beschermde', en: 'subsidiary protection' },
  asylum_seeker: { nl: 'asielzoeker', en: 'asylum seeker' },
  low: { nl: 'laag', en: 'low' },
  medium: { nl: 'midden', en: 'medium' },
  high: { nl: 'hoog', en: 'high' },
  unknown: { nl: 'onbekend', en: 'unknown' },
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
export const dimensionLabel = (d: string, lang: Lang): string => word(DIMENSIONS, d, lang);
export const codeLabel = (c: string, lang: Lang): string => word(CODES, c, lang);
export const unitLabel = (u: string, lang: Lang): string => word(UNITS, u, lang);

/** Breakdown dimensions never shown to the public, whatever the upstream stages did. */
export const NON_PUBLIC_DIMENSIONS: readonly string[] = ['residence_status'];

/**
 * Codes in the order of the dimension's code list in the data contract (`coaching_kind` →
 * `COACHING_KIND`: NODW before IBO-T); unknown codes last, alphabetically.
 */
export function sortCodes(dimension: string, list: readonly string[]): string[] {
  const codeList = (CODE_LISTS as Record<string, unknown>)[dimension.toUpperCase()];
  const order: readonly string[] = Array.isArray(codeList) ? codeList : [];
  const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : Number.MAX_SAFE_INTEGER);
  return [...list].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
