/**
 * `GROUP BY GROUPING SETS` for the breakdown sets, always with `keys` (period, horizon …) and the
 * fixed dimensions. Each dimension gets its own `GROUPING(d_x)` column so a cell knows its breakdown
 * without relying on bit order.
 */
export function groupingSets(
  keys: readonly string[],
  fixed: readonly string[],
  sets: readonly (readonly string[])[],
  used: readonly string[],
): { groupBy: string; groupingCols: string } {
  const col = (d: string) => `d_${d}`;
  const lists = sets.map((s) => `(${[...keys, ...fixed.map(col), ...s.map(col)].join(', ')})`);
  return {
    groupBy: `GROUP BY GROUPING SETS (${lists.join(', ')})`,
    groupingCols: used.map((d) => `GROUPING(${col(d)}) AS g_${d}`).join(', '),
  };
}

/** The breakdown of an aggregated row: dimensions that were grouped (`g_x = 0`). */
export function breakdownOf(
  row: Record<string, unknown>,
  used: readonly string[],
): Record<string, string> {
  const b: Record<string, string> = {};
  for (const d of used) if (Number(row[`g_${d}`]) === 0) b[d] = String(row[`d_${d}`]);
  return b;
}
