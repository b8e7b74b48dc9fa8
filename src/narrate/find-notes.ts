import type { ProtectedCell } from '../protect/index.js';
import { draft, type Ctx, type Draft } from './draft.js';
import { noteReason } from './numbers.js';
import type { NoteReason } from './phrases.js';

/** One note per reason for the cells of a series that are censored, suppressed, incomplete (cut short by the cut-off date) or not defined. */
export function findNotes(ctx: Ctx): Draft[] {
  const byReason = new Map<NoteReason, ProtectedCell[]>();
  for (const c of ctx.series.all) {
    const r = noteReason(c);
    if (!r) continue;
    const list = byReason.get(r);
    if (list) list.push(c);
    else byReason.set(r, [c]);
  }
  return [...byReason.entries()].map(([reason, cells]) => {
    const periods = [...new Set(cells.map((c) => c.period))].sort();
    const groups = cells.some((c) => Object.keys(c.breakdown).length > 0);
    const claim = { op: 'note' as const, reason, periods, groups };
    return draft(ctx, 'note', claim, cells, reason, (p) => p.note({ periods, groups, reason }));
  });
}
