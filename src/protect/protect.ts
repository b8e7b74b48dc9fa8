import { cellKey, type ResultCell, type ResultSet } from '../compute/index.js';
import type { Thresholds } from './access.js';
import type { Bounds } from './bounds.js';
import { findExposures } from './exposure.js';
import { buildModel, type Model } from './model.js';
import { primaryReason } from './primary.js';
import { IncrementalBounds } from './solver.js';
import { SYMBOL } from './symbols.js';
import type { Audience, DisclosureReason, ProtectedCell, ProtectedResultSet } from './types.js';

export interface ProtectOptions {
  readonly audience: Audience;
  readonly thresholds: Thresholds;
  /** Breakdown dimensions over special data; dropped entirely for the public audience. */
  readonly specialDimensions?: readonly string[];
  /**
   * Indicators that count no person (the plan's `nonPersonalIndicators`): their cells are marked
   * `personal: false` and no count threshold applies. Any other indicator is protected as persons.
   */
  readonly nonPersonal?: ReadonlySet<string>;
}

/**
 * Disclosure control on a whole result set: drops special breakdowns for the public, applies the
 * primary rule, then secondary suppression until no suppressed cell is pinned or recomputable
 * (docs/privacy.md). Deterministic: the same cells give the same pattern. Protect the complete
 * result set once and let every output take its cells from it, so a cell looks the same everywhere.
 */
export function protect(rs: ResultSet, opts: ProtectOptions): ProtectedResultSet {
  const special = new Set(opts.specialDimensions ?? []);
  const nonPersonal = opts.nonPersonal ?? new Set<string>();
  const kept = rs.cells
    .filter(
      (c) => opts.audience !== 'public' || !Object.keys(c.breakdown).some((d) => special.has(d)),
    )
    .map((c) => (nonPersonal.has(c.indicator) ? { ...c, personal: false } : c));
  const base = { ...rs, audience: opts.audience };
  if (opts.audience === 'steward')
    return {
      ...base,
      cells: kept.map((c) => ({ ...c, disclosure: 'shown' as const })),
      protection: summary(opts, rs.cells.length - kept.length, 0, 0, []),
    };
  const { reasons, unresolved } = suppressionPattern(kept, opts.thresholds);
  const cells = kept.map((c) => applyReason(c, reasons.get(cellKey(c))));
  const primary = [...reasons.values()].filter((r) => r.startsWith('primary')).length;
  const secondary = [...reasons.values()].filter((r) => r === 'secondary').length;
  return {
    ...base,
    cells,
    protection: summary(opts, rs.cells.length - kept.length, primary, secondary, unresolved),
  };
}

function summary(
  o: ProtectOptions,
  dropped: number,
  primary: number,
  secondary: number,
  unresolved: string[],
) {
  return { thresholds: o.thresholds, dropped, primary, secondary, unresolved };
}

/** A cell as published: suppressed cells lose every number. */
export function applyReason(
  c: ResultCell & { personal?: boolean },
  reason: DisclosureReason | undefined,
): ProtectedCell {
  if (!reason) return { ...c, disclosure: 'shown' };
  const out: Record<string, unknown> = { ...c, value: null };
  for (const k of ['numerator', 'denominator', 'n', 'ci_low', 'ci_high'] as const)
    if (k in c) out[k] = null;
  return {
    ...(out as ResultCell),
    disclosure: 'suppressed',
    reason,
    symbol: reason === 'not-observable' ? SYMBOL.notObservable : SYMBOL.confidential,
  };
}

/** Reason per suppressed cell key, and cells that could not be protected (should be empty). */
export function suppressionPattern(
  cells: readonly (ResultCell & { readonly personal?: boolean })[],
  th: Thresholds,
): { reasons: Map<string, DisclosureReason>; unresolved: string[] } {
  const reasons = new Map<string, DisclosureReason>();
  for (const c of cells) {
    const r = primaryReason(c, th);
    if (r) reasons.set(cellKey(c), r);
  }
  const model = buildModel(cells.map((c) => ({ ...c, key: cellKey(c) })));
  const magnitude = new Map<string, number>();
  for (const v of model.vars)
    if (!v.hidden && v.value !== null)
      magnitude.set(v.cell, Math.max(magnitude.get(v.cell) ?? 0, v.value));
  const depth = new Map(cells.map((c) => [cellKey(c), Object.keys(c.breakdown).length]));
  const unresolved: string[] = [];
  const bounds = new IncrementalBounds(model);
  for (const comp of components(model)) {
    const cellsIn = [...new Set(comp.vars.map((v) => model.vars[v]!.cell))].filter(
      (k) => !k.startsWith('~'),
    );
    if (!cellsIn.some((k) => reasons.has(k) && reasons.get(k) !== 'not-observable')) continue;
    // Unknown to the attacker: unpublished margins, missing numbers and suppressed cells.
    const always = comp.vars.filter((v) => model.vars[v]!.hidden || model.vars[v]!.value === null);
    const solve = () =>
      bounds.solve([
        ...always,
        ...cellsIn.filter((k) => reasons.has(k)).flatMap((k) => model.varsOfCell.get(k) ?? []),
      ]);
    const { eqCells, eqsOfCell } = cellRelations(model, comp.eqs);
    for (;;) {
      const suppressed = cellsIn.filter(
        (k) => reasons.has(k) && reasons.get(k) !== 'not-observable',
      );
      if (!suppressed.length) break;
      const b = solve();
      const exposed = new Set(findExposures(model, b, suppressed, th).map((e) => e.cell));
      if (!exposed.size) break;
      // Candidates: shown cells in the equations of exposed cells, scored by how many such
      // equations they sit in.
      const eqs = new Set([...exposed].flatMap((k) => eqsOfCell.get(k) ?? []));
      const hits = new Map<string, number>();
      for (const e of eqs)
        for (const k of eqCells.get(e)!)
          if (!k.startsWith('~') && !reasons.has(k)) hits.set(k, (hits.get(k) ?? 0) + 1);
      let best: [string, number] | undefined;
      for (const h of hits) if (!best || compare(h, best, magnitude, depth, th.count) < 0) best = h;
      if (!best) {
        unresolved.push(...[...exposed].sort());
        break;
      }
      reasons.set(best[0], 'secondary');
    }
    prune(model, solve, cellsIn, reasons, magnitude, th);
  }
  return { reasons, unresolved };
}

/** The distinct cells of each equation, and the equations each cell sits in. */
function cellRelations(model: Model, eqIds: readonly number[]) {
  const eqCells = new Map<number, string[]>();
  const eqsOfCell = new Map<string, number[]>();
  for (const e of eqIds) {
    const ks = [...new Set(model.eqs[e]!.terms.map(([v]) => model.vars[v]!.cell))];
    eqCells.set(e, ks);
    for (const k of ks) eqsOfCell.set(k, [...(eqsOfCell.get(k) ?? []), e]);
  }
  return { eqCells, eqsOfCell };
}

/**
 * Greedy choice can overshoot: give back every secondary cell (largest first) whose suppression
 * turns out not to be needed once the others are in place.
 */
function prune(
  model: Model,
  solve: () => Bounds,
  cellsIn: readonly string[],
  reasons: Map<string, DisclosureReason>,
  magnitude: Map<string, number>,
  th: Thresholds,
): void {
  const secondary = cellsIn
    .filter((k) => reasons.get(k) === 'secondary')
    .sort((a, b) => (magnitude.get(b) ?? 0) - (magnitude.get(a) ?? 0) || (a < b ? -1 : 1));
  for (const k of secondary) {
    reasons.delete(k);
    const b = solve();
    const suppressed = cellsIn.filter((c) => reasons.has(c) && reasons.get(c) !== 'not-observable');
    if (findExposures(model, b, suppressed, th).length) reasons.set(k, 'secondary');
  }
}

/**
 * Most relations first, then inner cells before margins and totals, then cells of at least the
 * threshold, then the smallest, then by key.
 */
function compare(
  [ka, ha]: [string, number],
  [kb, hb]: [string, number],
  mag: Map<string, number>,
  depth: Map<string, number>,
  t: number,
): number {
  const ma = mag.get(ka) ?? 0,
    mb = mag.get(kb) ?? 0;
  const cls = (m: number) => (m >= t ? 0 : m > 0 ? 1 : 2);
  return (
    hb - ha ||
    (depth.get(kb) ?? 0) - (depth.get(ka) ?? 0) ||
    cls(ma) - cls(mb) ||
    ma - mb ||
    (ka < kb ? -1 : ka > kb ? 1 : 0)
  );
}

/** Connected groups of variables linked by equations, each with its equations. */
export function components(model: Model): { vars: number[]; eqs: number[] }[] {
  const parent = model.vars.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (const e of model.eqs)
    for (const [v] of e.terms.slice(1)) parent[find(v)] = find(e.terms[0]![0]);
  // A cell is suppressed as a whole, so all its quantities belong to one group.
  for (const ids of model.varsOfCell.values())
    for (const v of ids.slice(1)) parent[find(v)] = find(ids[0]!);
  const groups = new Map<number, { vars: number[]; eqs: number[] }>();
  for (const v of model.vars) {
    const r = find(v.id);
    const g = groups.get(r) ?? { vars: [], eqs: [] };
    g.vars.push(v.id);
    groups.set(r, g);
  }
  model.eqs.forEach((e, i) => groups.get(find(e.terms[0]![0]))!.eqs.push(i));
  return [...groups.values()];
}
