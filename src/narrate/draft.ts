import { cellKey } from '../compute/index.js';
import type { ProtectedCell } from '../protect/index.js';
import type { Claim } from './claims.js';
import { phrasesEn } from './phrases-en.js';
import { phrasesNl } from './phrases-nl.js';
import type { Phrases } from './phrases.js';
import type { Rules } from './rules.js';
import type { Series } from './series.js';
import type { Finding } from './types.js';

export const CATALOGUES = { nl: phrasesNl, en: phrasesEn } as const;

/** What a finding builder needs: one series, the rules and the subject (indicator title) per language. */
export interface Ctx {
  readonly series: Series;
  readonly rules: Rules;
  readonly subject: { readonly nl: string; readonly en: string };
}

/** A finding before it gets its id. */
export type Draft = Omit<Finding, 'id' | 'result'> & {
  readonly claim: Claim;
  readonly tag: string;
};

/** Writes the body in both languages from the catalogues and puts the subject in front. */
export function draft(
  ctx: Ctx,
  type: Finding['type'],
  claim: Claim,
  cells: readonly ProtectedCell[],
  tag: string,
  body: (p: Phrases) => string,
): Draft {
  return {
    type,
    claim,
    tag,
    cells: cells.map(cellKey),
    subject: ctx.subject,
    text: {
      nl: phrasesNl.withSubject(ctx.subject.nl, body(phrasesNl)),
      en: phrasesEn.withSubject(ctx.subject.en, body(phrasesEn)),
    },
  };
}

/** The claim's `{ key, value }` for a usable cell. */
export function point(c: ProtectedCell & { value: number }): { key: string; value: number } {
  return { key: cellKey(c), value: c.value };
}
