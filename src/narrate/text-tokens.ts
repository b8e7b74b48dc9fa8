import type { Lang } from '../shared/index.js';

/** How a number is written: a percentage (`28,4 %`), percentage points or a plain number. */
export type TokenKind = 'percent' | 'points' | 'plain';

const NUMBER = {
  nl: /([+−-]?)(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)( ?%| +procentpunt)?/g,
  en: /([+−-]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(%| +percentage points?)?/g,
} as const;

/** Every number in a text as `number|kind`, e.g. `−26,0|percent`, `2.560|plain`, `3,2|points`. */
export function numberTokens(text: string, lang: Lang): string[] {
  return [...text.matchAll(NUMBER[lang])].map((m) => {
    const suffix = m[3] ?? '';
    const kind: TokenKind = suffix.includes('%') ? 'percent' : suffix.trim() ? 'points' : 'plain';
    return `${m[1] === '-' ? '−' : m[1]}${m[2]}|${kind}`;
  });
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces known words that may contain digits (periods, horizons, group labels), longest first. */
export function mask(text: string, words: readonly string[], by: (w: string) => string): string {
  const sorted = [...new Set(words)]
    .filter((w) => w.length > 0)
    .sort((a, b) => b.length - a.length);
  return sorted.reduce(
    (t, w) => t.replace(new RegExp(`(?<![\\d.,])${escape(w)}(?![\\d]|[.,]\\d)`, 'g'), () => by(w)),
    text,
  );
}

/** Splits a sentence into clauses: a number and its direction word stand in the same clause. */
export function clauses(text: string, lang: Lang): string[] {
  const sep =
    lang === 'nl' ? / terwijl | en |, |; |: |\(|\)|\. / : / while | and |, |; |: |\(|\)|\. /;
  return text
    .split(new RegExp(sep.source, 'g'))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Difference of two multisets of tokens: what is missing from `actual` and what is extra. */
export function tokenDiff(
  expected: readonly string[],
  actual: readonly string[],
): { missing: string[]; extra: string[] } {
  const rest = [...actual];
  const missing: string[] = [];
  for (const e of expected) {
    const i = rest.indexOf(e);
    if (i < 0) missing.push(e);
    else rest.splice(i, 1);
  }
  return { missing, extra: rest };
}
