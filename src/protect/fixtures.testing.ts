// Small hand-made tables for the tests of this stage (not part of the public surface).
import { cellKey, type ResultCell, type ResultSet } from '../compute/index.js';

export const TH = { count: 5, rateDenominator: 20, statisticN: 10, suppressZero: false };

type Extra = Partial<Omit<ResultCell, 'breakdown'>>;

/** A count cell of result R, indicator i, period 2016 unless overridden. */
export function count(
  breakdown: Record<string, string>,
  value: number,
  extra: Extra = {},
): ResultCell {
  return {
    result: 'R',
    indicator: 'i',
    measure: 'value',
    period: '2016',
    breakdown,
    value,
    unit: 'persons',
    status: 'ok',
    provenance: 'p1',
    ...extra,
  };
}

export function resultSet(cells: readonly ResultCell[]): ResultSet {
  return {
    plan: { id: 'test', hash: 'h' },
    asOf: '2018-04-30',
    snapshot: 's',
    synthetic: true,
    cells,
    provenance: [],
  };
}

/** A two-way table rows × cols (dims `sex`, `region`) with both margins and the total. */
export function grid(values: readonly (readonly number[])[], extra: Extra = {}): ResultCell[] {
  const cells: ResultCell[] = [];
  const total = values.flat().reduce((a, b) => a + b, 0);
  cells.push(count({}, total, extra));
  values.forEach((row, i) => cells.push(count({ sex: `s${i}` }, sum(row), extra)));
  values[0]!.forEach((_, j) =>
    cells.push(count({ region: `r${j}` }, sum(values.map((r) => r[j]!)), extra)),
  );
  values.forEach((row, i) =>
    row.forEach((v, j) => cells.push(count({ sex: `s${i}`, region: `r${j}` }, v, extra))),
  );
  return cells;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Short name of a grid cell for assertions: `T`, `s0`, `r1`, `s0r1`. */
export function short(c: Pick<ResultCell, 'breakdown'>): string {
  const b = c.breakdown;
  return (b.sex ?? '') + (b.region ?? '') || 'T';
}

/**
 * Exact bounds by exhaustive search over integer values, written independently of the stage's
 * model: the relations of a two-way grid (total = Σ rows = Σ cols, row = Σ its cells, col = Σ its
 * cells). `known` maps short names to published values; unknowns range over [0, total bound].
 */
export function exactGridBounds(
  rows: number,
  cols: number,
  known: ReadonlyMap<string, number>,
  upper: number,
): Map<string, [number, number]> {
  const names = ['T', ...range(rows).map((i) => `s${i}`), ...range(cols).map((j) => `r${j}`)];
  for (const i of range(rows)) for (const j of range(cols)) names.push(`s${i}r${j}`);
  const eqs: [string, string[]][] = [
    ['T', range(rows).map((i) => `s${i}`)],
    ['T', range(cols).map((j) => `r${j}`)],
    ...range(rows).map(
      (i) => [`s${i}`, range(cols).map((j) => `s${i}r${j}`)] as [string, string[]],
    ),
    ...range(cols).map(
      (j) => [`r${j}`, range(rows).map((i) => `s${i}r${j}`)] as [string, string[]],
    ),
  ];
  // Inner cells first (row by row), then margins: equations close early and force values.
  const unknown = [...names.slice(1 + rows + cols), ...names.slice(0, 1 + rows + cols)].filter(
    (n) => !known.has(n),
  );
  const bounds = new Map<string, [number, number]>(unknown.map((n) => [n, [Infinity, -Infinity]]));
  const val = new Map(known);
  const consistent = () =>
    eqs.every(([p, cs]) => {
      if (!val.has(p) || cs.some((c) => !val.has(c))) return true;
      return val.get(p) === cs.reduce((a, c) => a + val.get(c)!, 0);
    });
  const force = (n: string): number | undefined => {
    for (const [p, cs] of eqs) {
      if (p === n && cs.every((c) => val.has(c))) return cs.reduce((a, c) => a + val.get(c)!, 0);
      if (cs.includes(n) && val.has(p) && cs.every((c) => c === n || val.has(c)))
        return val.get(p)! - cs.reduce((a, c) => a + (c === n ? 0 : val.get(c)!), 0);
    }
    return undefined;
  };
  const dfs = (k: number) => {
    if (!consistent()) return;
    if (k === unknown.length) {
      for (const n of unknown) {
        const b = bounds.get(n)!;
        b[0] = Math.min(b[0], val.get(n)!);
        b[1] = Math.max(b[1], val.get(n)!);
      }
      return;
    }
    const n = unknown[k]!;
    const forced = force(n);
    if (forced !== undefined) {
      if (forced >= 0) {
        val.set(n, forced);
        dfs(k + 1);
        val.delete(n);
      }
      return;
    }
    for (let v = 0; v <= upper; v++) {
      val.set(n, v);
      dfs(k + 1);
    }
    val.delete(n);
  };
  dfs(0);
  return bounds;
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

export const keyOf = cellKey;
