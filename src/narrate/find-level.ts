import { defaultDecimals, isRateUnit } from '../shared/index.js';
import { draft, point, type Ctx, type Draft } from './draft.js';
import type { UsableCell } from './numbers.js';
import { amounts } from './phrases.js';
import { additiveParts, usablePeriods } from './select.js';

/** The level in the latest period whose total is shown, with its parts when they add up. */
export function findLevel(ctx: Ctx): Draft[] {
  const s = ctx.series;
  const period = usablePeriods(s).at(-1);
  if (period === undefined) return [];
  const total = s.total.get(period) as UsableCell;
  const parts = additiveParts(s, [period], ctx.rules.decomposition.maxParts);
  const partCells = parts?.at.get(period) ?? [];
  const decimals = defaultDecimals(s.unit);
  const claim = {
    op: 'level' as const,
    unit: s.unit,
    decimals,
    total: point(total),
    parts: partCells.map((c, i) => ({
      ...point(c),
      group: { dim: parts!.dim, code: parts!.codes[i]! },
    })),
  };
  return [
    draft(ctx, 'level', claim, [total, ...partCells], period, (p) =>
      p.level(
        {
          period,
          ...(s.horizon === undefined ? {} : { cohortHorizon: s.horizon }),
          hasParts: s.dims.size > 0 && !isRateUnit(s.unit),
          total: total.value,
          parts: partCells.map((c, i) => ({
            label: p.group(parts!.dim, parts!.codes[i]!),
            value: c.value,
          })),
        },
        amounts(p, s.unit, decimals),
      ),
    ),
  ];
}
