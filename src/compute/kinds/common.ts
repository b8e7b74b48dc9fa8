import type { CellDraft, KindContext } from '../ir.js';

/** Period fields of a cell: the label, and `through` when the cut-off date ends the period early. */
export function periodMeta(ctx: KindContext, label: string): Pick<CellDraft, 'period' | 'through'> {
  const p = ctx.periods.find((x) => x.label === label);
  return p && p.through < p.end ? { period: label, through: p.through } : { period: label };
}
