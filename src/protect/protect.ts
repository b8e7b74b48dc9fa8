import { cellKey, tableKey, type ResultCell, type ResultSet } from '../compute/index.js';
import type { Thresholds } from './access.js';
import type { Bounds } from './bounds.js';
import { bundles } from './bundles.js';
import { findExposures } from './exposure.js';
import { buildModel, type Model } from './model.js';
import { primaryReason } from './primary.js';
import { IncrementalBounds } from './solver.js';
import { isCountInStatistic } from './quantities.js';
import { SYMBOL } from './symbols.js';
import type {
  Audience,
  DisclosureReason,
  ProtectedCell,
  ProtectedResultSet,
  ProtectionLoss,
} from './types.js';

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
  /**
   * Breakdown dimensions left out of this output (special data the role may not see). Their cells
   * still take part in choosing the pattern, which is thus the same for every audience.
   */
  readonly omitDimensions?: readonly string[];
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
  const omit = new Set(opts.omitDimensions ?? []);
  if (opts.audience === 'public') for (const d of special) omit.add(d);
  const all = rs.cells.map((c) => (nonPersonal.has(c.indicator) ? { ...c, personal: false } : c));
  const kept = all.filter((c) => !Object.keys(c.breakdown).some((d) => omit.has(d)));
  const base = { ...rs, audience: opts.audience };
  if (opts.audience === 'steward')
    return {
      ...base,
      cells: kept.map((c) => ({ ...c, disclosure: 'shown' as const })),
      protection: summary(opts, rs.cells.length - kept.length, 0, 0, []),
    };
  // One pattern for every audience: chosen over all cells, special breakdowns included, so the
  // board's output holds every cell the public one shows and the two together give nothing away.
  const { reasons, unresolved } = suppressionPattern(all, opts.thresholds, omit);
  const cells = kept.map((c) => applyReason(c, reasons.get(cellKey(c))));
  const loss = lossOf(kept, reasons);
  return {
    ...base,
    cells,
    protection: {
      ...summary(
        opts,
        rs.cells.length - kept.length,
        loss.primary.cells,
        loss.secondary.cells,
        unresolved,
      ),
      loss,
    },
  };
}

/**
 * What the reader loses in this output, by reason: cells suppressed and the persons in them (a
 * count's value, else its denominator or n; cells that count no person add none).
 */
export function lossOf(
  cells: readonly (ResultCell & { readonly personal?: boolean })[],
  reasons: ReadonlyMap<string, DisclosureReason>,
): ProtectionLoss {
  const out = { primary: { cells: 0, persons: 0 }, secondary: { cells: 0, persons: 0 } };
  for (const c of cells) {
    const r = reasons.get(cellKey(c));
    if (!r || r === 'not-observable') continue;
    const k = r === 'secondary' ? out.secondary : out.primary;
    k.cells++;
    if (c.personal === false) continue;
    const additive = /^(persons|actions|sessions|count)$/.test(c.unit) || isCountInStatistic(c);
    k.persons += (additive ? c.value : null) ?? c.denominator ?? c.n ?? 0;
  }
  return out;
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
  for (const k of ['numerator', 'denominator', 'n', 'ci_low', 'ci_high', 'at_risk'] as const)
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
  omit: ReadonlySet<string> = new Set(),
): { reasons: Map<string, DisclosureReason>; unresolved: string[] } {
  const reasons = new Map<string, DisclosureReason>();
  for (const c of cells) {
    const r = primaryReason(c, th);
    if (r) reasons.set(cellKey(c), r);
  }
  // The slack of a near-additive period relation is what the reader can tell from the cells they
  // see, which check-disclosure judges on the published pattern: the fewer cells shown, the
  // tighter it is. So the pattern is chosen on a model whose visible cells are those left shown
  // (primary and secondary cells and omitted breakdowns hidden), rebuilt until the pattern chosen
  // is the one the model was built on (a few rounds on the demo; at most MAX_ROUNDS).
  const keyed = cells.map((c) => ({ ...c, key: cellKey(c) }));
  const omitted = new Set(
    keyed.filter((c) => Object.keys(c.breakdown).some((d) => omit.has(d))).map((c) => c.key),
  );
  for (let round = 0; ; round++) {
    const hidden = new Set(reasons.keys());
    const unresolved = patternRound(keyed, th, reasons, hidden, omitted);
    const same = reasons.size === hidden.size && [...reasons.keys()].every((k) => hidden.has(k));
    if (same || round >= MAX_ROUNDS) return { reasons, unresolved };
  }
}

/** Rounds of rebuilding the model for the pattern chosen (see above). */
const MAX_ROUNDS = 8;

/** One round of secondary suppression on a model whose hidden cells are `hidden`. */
function patternRound(
  cells: readonly (ResultCell & { readonly personal?: boolean; readonly key: string })[],
  th: Thresholds,
  reasons: Map<string, DisclosureReason>,
  hidden: ReadonlySet<string>,
  omitted: ReadonlySet<string>,
): string[] {
  const model = buildModel(cells, {
    visible: (k) => !hidden.has(k) && !omitted.has(k),
  });
  const magnitude = new Map<string, number>();
  for (const v of model.vars)
    if (!v.hidden && v.value !== null)
      magnitude.set(v.cell, Math.max(magnitude.get(v.cell) ?? 0, v.value));
  const cost = costs(cells, magnitude);
  const tied = bundles(model);
  // A cell tied to others by equalities costs its whole bundle.
  const weight = new Map(
    [...cost].map(([k, c]) => [
      k,
      (tied.get(k) ?? [k]).reduce((t, m) => t + (reasons.has(m) ? 0 : (cost.get(m) ?? 0)), 0) || c,
    ]),
  );
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
      const exposed = [...new Set(findExposures(model, b, suppressed, th).map((e) => e.cell))];
      if (!exposed.length) break;
      // Candidates: shown cells in the relations of the exposed cells or of their bundles, each
      // weighed by its cost per relation it sits in (a small inner cell before a large one, a
      // margin, a headline or a cell whose number other indicators show too). Small groups take
      // one cell at a time (minimal patterns); large groups the best cell for every exposed cell
      // at once, then pruned (fast).
      const bestFor = new Map<string, string>();
      const eqs = new Set<number>();
      for (const k of exposed.sort()) {
        let best: string | undefined;
        // Its own relations first; those of its bundle only when they offer nothing.
        for (const ms of [[k], tied.get(k) ?? []]) {
          for (const m of ms)
            for (const e of eqsOfCell.get(m) ?? []) {
              eqs.add(e);
              for (const c of eqCells.get(e)!)
                if (!c.startsWith('~') && !reasons.has(c) && (!best || cheaper(c, best, weight)))
                  best = c;
            }
          if (best) break;
        }
        if (best) bestFor.set(k, best);
      }
      const hits = new Map<string, number>();
      for (const e of eqs)
        for (const c of eqCells.get(e)!)
          if (!c.startsWith('~') && !reasons.has(c)) hits.set(c, (hits.get(c) ?? 0) + 1);
      const chosen = new Set<string>();
      if (cellsIn.length > BATCH_ABOVE) for (const c of bestFor.values()) chosen.add(c);
      else {
        let best: string | undefined;
        const score = (c: string) => (weight.get(c) ?? Infinity) / hits.get(c)!;
        for (const c of hits.keys())
          if (!best || score(c) < score(best) || (score(c) === score(best) && c < best)) best = c;
        if (best) chosen.add(best);
      }
      for (const k of exposed)
        if (!bestFor.has(k)) {
          // Nothing shown in those relations: the number is given away by a tied cell itself.
          const tiedShown = (tied.get(k) ?? []).filter((m) => !reasons.has(m));
          const far = tiedShown.length
            ? undefined
            : nearestShown(k, eqsOfCell, eqCells, reasons, weight);
          if (tiedShown.length) for (const m of tiedShown) chosen.add(m);
          else if (far) chosen.add(far);
          else unresolved.push(k);
        }
      if (!chosen.size) break;
      for (const c of chosen) reasons.set(c, 'secondary');
    }
    prune(model, solve, cellsIn, reasons, cost, th, cellsIn.length > BATCH_ABOVE ? PRUNE_LARGE : 0);
  }
  return [...new Set(unresolved)].sort();
}

/** Groups of more cells than this choose several secondary cells per round (see above). */
const BATCH_ABOVE = 200;
/**
 * In such large groups only secondary cells costing at least this much (margins, totals, large
 * cells) are tried back: each try re-solves the group, and small inner cells cost the reader little.
 */
const PRUNE_LARGE = 200;

/**
 * What suppressing a cell costs the reader: its size (persons hidden, at least 1), ten times more
 * for a margin or total than for an inner cell of its table, and a million times more for a
 * headline (a result's total for a year), which is only hidden when nothing else protects.
 */
export function costs(
  cells: readonly ResultCell[],
  magnitude: ReadonlyMap<string, number>,
): Map<string, number> {
  const deepest = new Map<string, number>();
  for (const c of cells) {
    const t = tableKey(c);
    deepest.set(t, Math.max(deepest.get(t) ?? 0, Object.keys(c.breakdown).length));
  }
  const out = new Map<string, number>();
  for (const c of cells) {
    const k = cellKey(c);
    const d = Object.keys(c.breakdown).length;
    const size = 1 + (magnitude.get(k) ?? 0);
    const margin = d < (deepest.get(tableKey(c)) ?? 0) ? 10 : 1;
    const headline = d === 0 && /^\d{4}$/.test(c.period) ? 1e6 : 1;
    out.set(k, size * margin * headline);
  }
  return out;
}

/**
 * The cheapest shown cell a few relations away, through suppressed cells: an exposed cell whose
 * own relations hold only suppressed cells is given away by numbers further out.
 */
function nearestShown(
  from: string,
  eqsOfCell: ReadonlyMap<string, number[]>,
  eqCells: ReadonlyMap<number, string[]>,
  reasons: ReadonlyMap<string, DisclosureReason>,
  weight: ReadonlyMap<string, number>,
): string | undefined {
  let frontier = [from];
  const seen = new Set(frontier);
  for (let depth = 0; depth < 4 && frontier.length; depth++) {
    let best: string | undefined;
    const next: string[] = [];
    for (const k of frontier)
      for (const e of eqsOfCell.get(k) ?? [])
        for (const c of eqCells.get(e)!) {
          if (c.startsWith('~') || seen.has(c)) continue;
          seen.add(c);
          if (!reasons.has(c)) {
            if (!best || cheaper(c, best, weight)) best = c;
          } else next.push(c);
        }
    if (best) return best;
    frontier = next;
  }
  return undefined;
}

function cheaper(a: string, b: string, cost: ReadonlyMap<string, number>): boolean {
  const ca = cost.get(a) ?? Infinity,
    cb = cost.get(b) ?? Infinity;
  return ca < cb || (ca === cb && a < b);
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
 * Greedy choice can overshoot: give back every secondary cell (costliest first, of at least
 * `minCost`) whose suppression turns out not to be needed once the others are in place.
 */
function prune(
  model: Model,
  solve: () => Bounds,
  cellsIn: readonly string[],
  reasons: Map<string, DisclosureReason>,
  cost: ReadonlyMap<string, number>,
  th: Thresholds,
  minCost: number,
): void {
  const secondary = cellsIn
    .filter((k) => reasons.get(k) === 'secondary' && (cost.get(k) ?? 0) >= minCost)
    .sort((a, b) => (cost.get(b) ?? 0) - (cost.get(a) ?? 0) || (a < b ? -1 : 1));
  for (const k of secondary) {
    reasons.delete(k);
    const b = solve();
    const suppressed = cellsIn.filter((c) => reasons.has(c) && reasons.get(c) !== 'not-observable');
    if (findExposures(model, b, suppressed, th).length) reasons.set(k, 'secondary');
  }
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
