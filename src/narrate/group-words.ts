import { CODE_LABELS, COMMON_CODE_LABELS, type CodeLabel } from '../contract/index.js';
import type { Lang } from '../shared/index.js';

/**
 * An age-band code in words (`<25` → `jonger dan 25 jaar`, `25-34` → `25–34 jaar`, `50+`). In a
 * sentence the group's number follows its words, so a band never ends in a bare number.
 */
function ageBand(code: string, lang: Lang): string | undefined {
  const nl = lang === 'nl';
  let m = /^<(\d+)$/.exec(code);
  if (m) return nl ? `jonger dan ${m[1]} jaar` : `under ${m[1]} years`;
  m = /^(\d+)-(\d+)$/.exec(code);
  if (m) return nl ? `${m[1]}–${m[2]} jaar` : `${m[1]}–${m[2]} years`;
  m = /^(\d+)\+$/.exec(code);
  if (m) return nl ? `${m[1]} jaar en ouder` : `${m[1]} and over`;
  return undefined;
}

const byCode = new Map<string, CodeLabel[]>();
for (const list of Object.values(CODE_LABELS) as Readonly<Record<string, CodeLabel>>[])
  for (const [code, label] of Object.entries(list))
    byCode.set(code, [...(byCode.get(code) ?? []), label]);

/**
 * The word for a breakdown group in a sentence, when the code has one: an age band, or a code of the
 * data contract whose label is the same in every code list that has it (`maghreb` → `Maghreb`).
 * Undefined when the code is unknown or ambiguous, so that the caller prints the code itself.
 */
export function groupWord(code: string, lang: Lang): string | undefined {
  const band = ageBand(code, lang);
  if (band) return band;
  const common = COMMON_CODE_LABELS[code];
  if (common) return common[lang];
  const words = new Set((byCode.get(code) ?? []).map((l) => l[lang]));
  return words.size === 1 ? [...words][0] : undefined;
}
