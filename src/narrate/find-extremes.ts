import type { ProtectedCell } from '../protect/index.js';
import { draft, point, type Ctx, type Draft } from './draft.js';
import { decimalsFor, isUsable, type UsableCell } from './numbers.js';
import { amounts } from './phrases.js';

/**
 * Highest and lowest group of each breakdown in the latest period, and the gap. Only when every group
 * of that breakdown is shown in that period (a hidden group could be the highest) and the top and
 * bottom are unique.
 */
export function findExtremes(ctx: Ctx): Draft[] {
  const s = ctx.series;
  const out: Draft[] = [];
  for (const [dim, d] of s.dims) {
    if (d.codes.length < ctx.rules.extremes.minGroups) continue;
    const period = [...d.cells.keys()].sort().at(-1);
    if (period === undefined) continue;
    const row = d.codes.map((code) => d.cells.get(period)?.get(code));
    if (!row.every((c): c is ProtectedCell => c !== undefined && isUsable(c))) continue;
    const sorted = [...(row as UsableCell[])].sort((x, y) => y.value - x.value);
    const [hi, hi2] = [sorted[0]!, sorted[1]!];
    const [lo, lo2] = [sorted[sorted.length - 1]!, sorted[sorted.length - 2]!];
    if (hi.value === hi2.value || lo.value === lo2.value) continue;
    const gap = hi.value - lo.value;
    const decimals = decimalsFor(
      s.unit,
      [
        [hi2.value, hi.value],
        [lo.value, lo2.value],
        [lo.value, hi.value],
      ],
      [gap],
    );
    const code = (c: ProtectedCell): string => c.breakdown[dim]!;
    const claim = {
      op: 'extremes' as const,
      unit: s.unit,
      decimals,
      dim,
      highest: { ...point(hi), code: code(hi) },
      lowest: { ...point(lo), code: code(lo) },
      gap,
    };
    out.push(
      draft(ctx, 'extremes', claim, row, `${dim}-${period}`, (p) =>
        p.extremes(
          {
            period,
            highest: { label: p.group(dim, code(hi)), value: hi.value },
            lowest: { label: p.group(dim, code(lo)), value: lo.value },
            gap,
          },
          amounts(p, s.unit, decimals),
        ),
      ),
    );
  }
  return out;
}
