import {
  CODE_LABELS,
  COMMON_CODE_LABELS,
  CONTRACT_TABLES,
  codeListOf,
  type CodeLabel,
} from '../contract/index.js';
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

/** Labels of the code list of a contract column named like the dimension (`dutch_level`), if any. */
function listOfColumn(dim: string): Readonly<Record<string, CodeLabel>> | undefined {
  for (const t of CONTRACT_TABLES)
    for (const f of t.fields) {
      const values = f.name === dim ? f.constraints.enum : undefined;
      const list = values && codeListOf(values);
      if (list) return CODE_LABELS[list] as Readonly<Record<string, CodeLabel>>;
    }
  return undefined;
}

/**
 * The word for a breakdown group in a sentence, when the code has one: an age band; a code of the
 * contract column the dimension is named after (`dutch_level`, `none` → `geen`); or a code whose
 * label is the same in every code list that has it (`maghreb` → `Maghreb`). Undefined when the
 * code is unknown or ambiguous, so that the caller prints the code itself.
 */
export function groupWord(dim: string, code: string, lang: Lang): string | undefined {
  const band = ageBand(code, lang);
  if (band) return band;
  const own = listOfColumn(dim)?.[code];
  if (own) return own[lang];
  const common = COMMON_CODE_LABELS[code];
  if (common) return common[lang];
  const words = new Set((byCode.get(code) ?? []).map((l) => l[lang]));
  return words.size === 1 ? [...words][0] : undefined;
}
