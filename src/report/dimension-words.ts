import { CODE_LABELS, COMMON_CODE_LABELS, codeListOf, getTable } from '../contract/index.js';
import type { Plan } from '../plan/index.js';
import type { Lang } from '../shared/index.js';

/** Words and order for the breakdown dimensions of one plan, in one language. */
export interface DimensionWords {
  /** The dimension's title from the plan (`origin_group` → `Herkomstgroep`). */
  dimension(d: string): string;
  /** A code as printed (`region`, `ant` → `Antwerpen`); a code without a label prints as is. */
  code(d: string, code: string): string;
  /** Codes in the order of the dimension's code list or age bands; others last, alphabetically. */
  sort(d: string, codes: readonly string[]): string[];
  /** The codes a dimension can take (empty when it has no closed list). */
  codes(d: string): readonly string[];
}

type Band = { readonly code: string; readonly from?: number; readonly to?: number };

/** An age band in words, from its bounds: `<25` → `jonger dan 25`, `50+` → `50 jaar en ouder`. */
export function ageBandLabel(b: Band, lang: Lang): string {
  const nl = lang === 'nl';
  if (b.from === undefined && b.to !== undefined)
    return nl ? `jonger dan ${b.to + 1}` : `under ${b.to + 1}`;
  if (b.from !== undefined && b.to === undefined)
    return nl ? `${b.from} jaar en ouder` : `${b.from} and over`;
  if (b.from !== undefined && b.to !== undefined)
    return nl ? `${b.from}–${b.to} jaar` : `${b.from}–${b.to} years`;
  return b.code;
}

/** Builds the words once per report from the plan's dimensions and the contract's code lists. */
export function dimensionWords(plan: Plan, lang: Lang): DimensionWords {
  const byDim = new Map<string, { codes: readonly string[]; labels: Map<string, string> }>();
  for (const [name, def] of Object.entries(plan.dimensions)) {
    if (def.age_bands) {
      byDim.set(name, {
        codes: def.age_bands.map((b) => b.code),
        labels: new Map(def.age_bands.map((b) => [b.code, ageBandLabel(b, lang)])),
      });
      continue;
    }
    const [table, column] = def.column.split('.');
    const values = getTable(table!)?.fields.find((f) => f.name === column)?.constraints.enum;
    const list = values && codeListOf(values);
    if (!values || !list) continue;
    const labels = CODE_LABELS[list] as Readonly<Record<string, { nl: string; en: string }>>;
    byDim.set(name, {
      codes: values,
      labels: new Map(values.map((c) => [c, labels[c]![lang]])),
    });
  }
  const codeLabel = (d: string, code: string) =>
    byDim.get(d)?.labels.get(code) ?? COMMON_CODE_LABELS[code]?.[lang] ?? code;
  return {
    dimension: (d) => plan.dimensions[d]?.title[lang] ?? d,
    code: codeLabel,
    codes: (d) => byDim.get(d)?.codes ?? [],
    sort(d, list) {
      const order = byDim.get(d)?.codes ?? [];
      const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : Number.MAX_SAFE_INTEGER);
      return [...list].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    },
  };
}
