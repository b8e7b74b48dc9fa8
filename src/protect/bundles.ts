import type { Model } from './model.js';

/**
 * Cells tied by equalities (shared denominators): a number
 * hidden in one of them stays known while another shows it. Suppressing a cell of a bundle can
 * cost the whole bundle, so the choice of secondary cells weighs it as such. Returns the bundle
 * of every cell that has one (cells alone are left out).
 */
export function bundles(model: Model): Map<string, readonly string[]> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const e of model.eqs) {
    if (e.terms.length !== 2 || e.kind !== 'family') continue;
    const a = model.vars[e.terms[0]![0]]!.cell,
      b = model.vars[e.terms[1]![0]]!.cell;
    if (a.startsWith('~') || b.startsWith('~')) continue;
    const ra = find(a),
      rb = find(b);
    if (!parent.has(ra)) parent.set(ra, ra);
    if (ra !== rb) parent.set(rb, ra);
  }
  const groups = new Map<string, string[]>();
  for (const k of parent.keys()) {
    const r = find(k);
    groups.set(r, [...(groups.get(r) ?? []), k]);
  }
  const out = new Map<string, readonly string[]>();
  for (const g of groups.values()) for (const k of g) out.set(k, g);
  return out;
}
