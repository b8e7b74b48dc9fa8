import type { ResultCell } from '../compute/index.js';
import {
  breakdownSig,
  isCountQuantity,
  isStatistic,
  quantityOf,
  tableKey,
  valueIsAdditive,
  type Quantity,
} from './quantities.js';

/** A cell as the model sees it: numbers are null where not known (suppressed, not observable). */
export type ModelCell = Omit<ResultCell, 'provenance' | 'status'> & {
  readonly key: string;
  /** `false` when the indicator counts no person. */
  readonly personal?: boolean;
};

/** One unknown or known additive number: a quantity of a published cell, or of an unpublished margin. */
export interface Var {
  readonly id: number;
  /** Cell key; for unpublished margins a synthetic key starting with `~`. */
  readonly cell: string;
  readonly q: Quantity;
  /** Counts persons or events (the count threshold applies; integer). */
  readonly count: boolean;
  /** Number in the data (null when not known to whoever built the model). */
  readonly value: number | null;
  /** Not part of any output: a margin nobody published, or the slack of a near-additive relation. */
  readonly hidden: boolean;
  /** Lower and upper bound known to everyone (default [0, ∞): numbers are non-negative). */
  readonly min?: number;
  readonly max?: number;
}

/** `Σ coef · var = 0`, with coefficients ±1. */
export interface Equation {
  readonly terms: readonly (readonly [number, 1 | -1])[];
  readonly kind: 'margin' | 'period' | 'family';
}

export interface Model {
  readonly vars: readonly Var[];
  readonly eqs: readonly Equation[];
  /** Var ids of each published cell. */
  readonly varsOfCell: ReadonlyMap<string, readonly number[]>;
}

/** How the model is built. */
export interface BuildOptions {
  /**
   * Cells the reader may see (default all): the slack of a near-additive period relation is what
   * these cells show, so protect and the disclosure check judge the relation alike.
   */
  readonly visible?: (key: string) => boolean;
}

interface Table {
  readonly key: string;
  readonly proto: ModelCell;
  readonly qs: readonly Quantity[];
  /** breakdown signature → cell (undefined for unpublished margins) */
  readonly nodes: Map<string, { cell?: ModelCell; b: Record<string, string> }>;
}

const PERIOD_CHILDREN: ((p: string) => string[] | undefined)[] = [
  (p) => (/^\d{4}$/.test(p) ? [1, 2, 3, 4].map((q) => `${p}-Q${q}`) : undefined),
  (p) => (/^\d{4}$/.test(p) ? months(p, 1, 12) : undefined),
  (p) => {
    const m = /^(\d{4})-Q([1-4])$/.exec(p);
    return m ? months(m[1]!, Number(m[2]) * 3 - 2, Number(m[2]) * 3) : undefined;
  },
];
function months(y: string, from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i <= to; i++) out.push(`${y}-${String(i).padStart(2, '0')}`);
  return out;
}

/** First day of a year, quarter or month period (`2016`, `2016-Q3`, `2016-07`). */
function periodStart(p: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(p);
  if (q) return `${q[1]}-${String(Number(q[2]) * 3 - 2).padStart(2, '0')}-01`;
  return /^\d{4}$/.test(p) ? `${p}-01-01` : `${p}-01`;
}

/**
 * The sub-periods of a period as far as the data go: a period cut short by the cut-off date
 * (`through`) is the sum of its sub-periods that started on or before that day (a year so far is
 * the sum of its quarters so far), so a reader can link them as well as full periods.
 */
function subPeriods(
  p: string,
  through: string | undefined,
  childrenOf: (p: string) => string[] | undefined,
) {
  const all = childrenOf(p);
  return through ? all?.filter((c) => periodStart(c) <= through) : all;
}

/** Which additive quantities a table carries, from its published numbers (or its unit if none). */
function tableQuantities(all: readonly ModelCell[], visible: (key: string) => boolean): Quantity[] {
  // Judged on the cells the reader sees (as check-disclosure does on the published numbers).
  const cells = all.filter((c) => visible(c.key));
  const has = (q: Quantity) => cells.some((c) => quantityOf(c, q) !== null);
  const proto = all[0]!;
  const hasDen =
    has('denominator') || (!cells.some((c) => c.value !== null) && /share|rate/.test(proto.unit));
  const qs: Quantity[] = [];
  if (
    valueIsAdditive(proto, hasDen) &&
    (has('value') || !cells.some((c) => c.n !== null && c.n !== undefined))
  )
    qs.push('value');
  if (has('numerator') || hasDen) qs.push('numerator');
  if (hasDen) qs.push('denominator');
  if (has('n') || (isStatistic(proto) && !qs.length)) qs.push('n');
  return qs;
}

/**
 * Builds the additive relations between published cells: each breakdown equals the sum over the
 * codes of one more dimension (one-way cells sum to the total, two-way cells to their margins);
 * a year equals the sum of its quarters or months where the data say so; and cells that differ
 * only in horizon, variant or measure share their denominator (and n) when their numbers agree.
 * Breakdowns are assumed exhaustive (an `unknown` code where needed).
 */
export function buildModel(cells: readonly ModelCell[], opts: BuildOptions = {}): Model {
  const vars: Var[] = [];
  const eqs: Equation[] = [];
  const varsOfCell = new Map<string, number[]>();
  const varIndex = new Map<string, number>();
  const tables = new Map<string, Table>();
  const byTable = new Map<string, ModelCell[]>();
  for (const c of cells) {
    const k = tableKey(c);
    const list = byTable.get(k) ?? [];
    list.push(c);
    byTable.set(k, list);
  }
  const visible = opts.visible ?? (() => true);
  for (const [key, list] of byTable) {
    const nodes = new Map<string, { cell?: ModelCell; b: Record<string, string> }>();
    const t: Table = { key, proto: list[0]!, qs: tableQuantities(list, visible), nodes };
    for (const c of list) nodes.set(breakdownSig(c.breakdown), { cell: c, b: c.breakdown });
    for (const c of list) addAncestors(nodes, c.breakdown);
    tables.set(key, t);
  }

  const varFor = (t: Table, sig: string, q: Quantity): number => {
    const node = t.nodes.get(sig) ?? { b: {} };
    const cell = node.cell?.key ?? `~${t.key}#${sig}`;
    const id = `${cell}#${q}`;
    const found = varIndex.get(id);
    if (found !== undefined) return found;
    const v: Var = {
      id: vars.length,
      cell,
      q,
      count: isCountQuantity(t.proto, q),
      value: node.cell ? quantityOf(node.cell, q) : null,
      hidden: !node.cell,
    };
    return push(v, node.cell !== undefined, id);
  };
  const push = (v: Var, published: boolean, id: string): number => {
    const cell = v.cell;
    vars.push(v);
    varIndex.set(id, v.id);
    if (published) {
      const list = varsOfCell.get(cell);
      if (list) list.push(v.id);
      else varsOfCell.set(cell, [v.id]);
    }
    return v.id;
  };

  for (const t of tables.values()) {
    for (const q of t.qs) for (const sig of t.nodes.keys()) varFor(t, sig, q);
    // Margin equations: parent = Σ children over one more dimension.
    const groups = new Map<string, { parent: string; children: string[] }>();
    for (const [sig, node] of t.nodes)
      for (const d of Object.keys(node.b)) {
        const rest = { ...node.b };
        delete rest[d];
        const parent = breakdownSig(rest);
        const g = groups.get(`${parent}>${d}`) ?? { parent, children: [] };
        g.children.push(sig);
        groups.set(`${parent}>${d}`, g);
      }
    for (const g of groups.values())
      for (const q of t.qs)
        eqs.push({
          kind: 'margin',
          terms: [
            [varFor(t, g.parent, q), -1],
            ...g.children.map((s) => [varFor(t, s, q), 1] as const),
          ],
        });
  }

  const slack = (lo: number, hi: number, key: string): number =>
    push(
      {
        id: vars.length,
        cell: `~slack#${key}`,
        q: 'value',
        count: true,
        value: null,
        hidden: true,
        min: lo,
        max: hi,
      },
      false,
      `~slack#${key}`,
    );
  addPeriodEquations(tables, eqs, varFor, slack, visible);
  addFamilyEquations(cells, vars, varsOfCell, eqs, visible);
  return { vars, eqs, varsOfCell };
}

function addAncestors(nodes: Table['nodes'], b: Record<string, string>): void {
  for (const d of Object.keys(b)) {
    const rest = { ...b };
    delete rest[d];
    const sig = breakdownSig(rest);
    if (!nodes.has(sig)) {
      nodes.set(sig, { b: rest });
      addAncestors(nodes, rest);
    }
  }
}

function withoutPeriod(t: Table): string {
  const p = t.proto;
  return [p.result, p.indicator, p.measure, p.cohort ?? '', p.horizon ?? '', p.variant ?? ''].join(
    '|',
  );
}

function addPeriodEquations(
  tables: Map<string, Table>,
  eqs: Equation[],
  varFor: (t: Table, sig: string, q: Quantity) => number,
  slack: (lo: number, hi: number, key: string) => number,
  visible: (key: string) => boolean,
): void {
  const byFamily = new Map<string, Map<string, Table>>();
  for (const t of tables.values()) {
    const f = byFamily.get(withoutPeriod(t)) ?? new Map<string, Table>();
    f.set(t.proto.period, t);
    byFamily.set(withoutPeriod(t), f);
  }
  for (const periods of byFamily.values())
    for (const [p, parent] of periods)
      for (const childrenOf of PERIOD_CHILDREN) {
        const subs = subPeriods(p, parent.proto.through, childrenOf)?.map((c) => periods.get(c));
        if (!subs?.length || subs.some((s) => !s)) continue;
        const children = subs as Table[];
        const gap = periodGap(parent, children, visible);
        if (!gap) continue;
        const sigs = new Set([parent, ...children].flatMap((t) => [...t.nodes.keys()]));
        for (const q of parent.qs)
          for (const sig of sigs) {
            for (const t of [parent, ...children])
              if (!t.nodes.has(sig)) t.nodes.set(sig, { b: {} });
            const terms: [number, 1 | -1][] = [
              [varFor(parent, sig, q), -1],
              ...children.map((t) => [varFor(t, sig, q), 1] as [number, 1]),
            ];
            // Σ sub-periods − period = the persons counted in more than one sub-period.
            if (gap[q] && (gap[q]![0] !== 0 || gap[q]![1] !== 0))
              terms.push([
                slack(gap[q]![0], gap[q]![1], `${parent.key}>${children[0]!.key}#${sig}#${q}`),
                -1,
              ]);
            eqs.push({ kind: 'period', terms });
          }
      }
}

/**
 * How far a period's number lies below the sum of its sub-periods, per quantity, as a reader can
 * tell from the visible cells: [lo, hi] over every breakdown known in the period and all its
 * sub-periods (0 for flows, a person or two for distinct persons counted in several quarters).
 * A gap of up to a tenth of the period's number is a near-additive relation the reader can use
 * (off by at most that many persons); a larger one (stocks), or none known, leaves the periods
 * unlinked (undefined). A parent table without a quantity of its sub-periods is never linked.
 */
function periodGap(
  parent: Table,
  children: readonly Table[],
  visible: (key: string) => boolean,
): Partial<Record<Quantity, [number, number]>> | undefined {
  if (!parent.qs.every((q) => children.every((c) => c.qs.includes(q)))) return undefined;
  const out: Partial<Record<Quantity, [number, number]>> = {};
  for (const q of parent.qs) {
    let lo = Infinity,
      hi = -Infinity,
      top = 0;
    for (const [sig, node] of parent.nodes) {
      if (!node.cell || !visible(node.cell.key)) continue;
      const subs = children.map((t) => t.nodes.get(sig)?.cell);
      if (subs.some((c) => !c || !visible(c.key))) continue;
      const pv = quantityOf(node.cell, q);
      const cv = subs.map((c) => quantityOf(c!, q));
      if (pv === null || cv.some((v) => v === null)) continue;
      const gap = (cv as number[]).reduce((a, b) => a + b, 0) - pv;
      lo = Math.min(lo, gap);
      hi = Math.max(hi, gap);
      top = Math.max(top, pv);
    }
    if (lo === Infinity) {
      // Nothing known in every period: the reader can only assume the periods add up, as flows do.
      out[q] = [0, 0];
      continue;
    }
    if (Math.abs(lo) > 1e-6 || Math.abs(hi) > 1e-6) {
      if (lo < -1e-6 || hi > Math.max(2, top / 10)) return undefined;
      lo = 0;
    }
    out[q] = [lo, hi];
  }
  return out;
}

/** `first-service-first-action.p25` → `first-service-first-action`; other measures stand alone. */
function distributionOf(measure: string): string {
  const dot = measure.lastIndexOf('.');
  return dot > 0 ? measure.slice(0, dot) : measure;
}

function addFamilyEquations(
  cells: readonly ModelCell[],
  vars: readonly Var[],
  varsOfCell: ReadonlyMap<string, readonly number[]>,
  eqs: Equation[],
  visible: (key: string) => boolean,
): void {
  const fam = new Map<string, string[]>();
  for (const c of cells) {
    // Only cells that measure the same distribution can share a denominator: the quartiles and
    // open count of one duration segment, or the horizons and variants of one outflow cohort
    // (every variant follows the same cohort). Linking by structure (not by equal numbers)
    // makes protect and check-disclosure see the same relations.
    const k = [
      c.result,
      c.indicator,
      c.period,
      c.cohort ?? '',
      c.through ?? '',
      c.variant === 'km' || c.variant === 'finished-only' ? c.variant : '',
      distributionOf(c.measure),
      breakdownSig(c.breakdown),
    ].join('|');
    const list = fam.get(k);
    if (list) list.push(c.key);
    else fam.set(k, [c.key]);
  }
  for (const members of fam.values()) {
    if (members.length < 2) continue;
    for (const q of ['denominator', 'n'] as const) {
      const ids = members.flatMap((m) => (varsOfCell.get(m) ?? []).filter((v) => vars[v]!.q === q));
      const known = ids
        .filter((v) => visible(vars[v]!.cell))
        .map((v) => vars[v]!.value)
        .filter((v): v is number => v !== null);
      if (ids.length < 2 || known.length === 0 || known.some((v) => v !== known[0])) continue;
      for (const other of ids.slice(1))
        eqs.push({
          kind: 'family',
          terms: [
            [ids[0]!, 1],
            [other, -1],
          ],
        });
    }
  }
}
