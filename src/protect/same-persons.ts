import type { Equation, ModelCell, Var } from './model.js';
import { breakdownSig } from './quantities.js';

/**
 * Cells of different indicators that count the same persons: SD1.A's inflow of 2015 by sex and
 * the denominators of SD1.B's 2015 cohort by sex, a stock and the denominator of a share of that
 * stock. They are found the way periods are found linked: two count quantities over the same
 * period (or cohort) are one number when they agree on every breakdown known in both, with at
 * least the total known in both. Each such class is then linked cell by cell (`a − b = 0`), so a
 * cell hidden in one indicator is hidden by the other as well.
 */
export function addSamePersonsEquations(
  cells: readonly ModelCell[],
  vars: readonly Var[],
  varsOfCell: ReadonlyMap<string, readonly number[]>,
  eqs: Equation[],
): void {
  // Slot: one count quantity of one table (everything but the breakdown), keyed per population period.
  const slots = new Map<string, Map<string, Map<string, number>>>();
  for (const c of cells) {
    const slotBase = [c.result, c.indicator, c.measure, c.horizon ?? '', c.variant ?? ''].join('|');
    const when = `${c.cohort ?? c.period}@${c.through ?? ''}`;
    const sig = breakdownSig(c.breakdown);
    for (const v of varsOfCell.get(c.key) ?? []) {
      const x = vars[v]!;
      if (!x.count) continue;
      const bySlot = slots.get(when) ?? new Map<string, Map<string, number>>();
      slots.set(when, bySlot);
      const slot = `${slotBase}#${x.q}`;
      const bySig = bySlot.get(slot) ?? new Map<string, number>();
      bySlot.set(slot, bySig);
      bySig.set(sig, v);
    }
  }
  for (const bySlot of slots.values()) {
    const list = [...bySlot.entries()].filter(([, m]) => {
      const total = m.get('');
      return total !== undefined && vars[total]!.value !== null;
    });
    // Group by the total first: only slots with the same known total can be the same persons.
    const byTotal = new Map<number, [string, Map<string, number>][]>();
    for (const e of list) {
      const t = vars[e[1].get('')!]!.value!;
      byTotal.set(t, [...(byTotal.get(t) ?? []), e]);
    }
    for (const group of byTotal.values()) {
      if (group.length < 2) continue;
      // Families already linked by structure (one cell's quantities, shared denominators) need
      // one equation between them, not one per pair of slots.
      const fam = new Map<string, string>();
      const find = (f: string): string => {
        let r = f;
        while (fam.has(r) && fam.get(r) !== r) r = fam.get(r)!;
        return r;
      };
      for (let i = 0; i < group.length; i++) {
        const a = group[i]![1];
        for (let j = i + 1; j < group.length; j++) {
          const fa = find(family(group[i]![0])),
            fb = find(family(group[j]![0]));
          // The same cell's value and n are shown or hidden together: nothing to link.
          if (fa === fb || base(group[i]![0]) === base(group[j]![0])) continue;
          const b = group[j]![1];
          const common = [...a.keys()].filter((s) => b.has(s));
          if (!agree(vars, a, b, common)) continue;
          fam.set(fa, fa);
          fam.set(fb, fa);
          for (const s of common)
            eqs.push({
              kind: 'same-persons',
              terms: [
                [a.get(s)!, 1],
                [b.get(s)!, -1],
              ],
            });
        }
      }
    }
  }
}

/** Both slots' numbers are equal wherever both are known. */
function agree(
  vars: readonly Var[],
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
  common: readonly string[],
): boolean {
  for (const s of common) {
    const x = vars[a.get(s)!]!.value,
      y = vars[b.get(s)!]!.value;
    if (x !== null && y !== null && Math.abs(x - y) > 1e-6) return false;
  }
  return true;
}

/**
 * The structural family of a slot: the quantities of one cell (value and n of a count) and the
 * shared denominators of one distribution (horizons and variants of a cohort, quartiles of a
 * segment) are linked already; `result|indicator|distribution#quantity`.
 */
function family(slot: string): string {
  const [result, indicator, measure] = slot.split('|');
  const dot = measure!.lastIndexOf('.');
  return `${result}|${indicator}|${dot > 0 ? measure!.slice(0, dot) : measure}${slot.slice(slot.lastIndexOf('#'))}`;
}

/** A slot without its quantity: the table. */
function base(slot: string): string {
  return slot.slice(0, slot.lastIndexOf('#'));
}
