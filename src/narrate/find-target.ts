import type { Plan } from '../plan/index.js';
import { draft, point, type Ctx, type Draft } from './draft.js';
import { decimalsFor, isUsable } from './numbers.js';
import { amounts } from './phrases.js';

/** Position against each of the plan's targets for the result, where the target period is shown. */
export function findTargets(ctx: Ctx, plan: Plan): Draft[] {
  const s = ctx.series;
  const result = plan.results.find((r) => r.id === s.result);
  if (!result || result.indicators[0] !== s.indicator) return [];
  if (s.measure !== 'value' || s.horizon !== undefined || s.variant !== undefined) return [];
  return result.targets.flatMap((t) => {
    const cell = s.total.get(t.period);
    if (!cell || !isUsable(cell)) return [];
    const kind = t.direction === 'at-least' || t.direction === 'increase' ? 'at-least' : 'at-most';
    const gap = cell.value - t.value;
    const met = kind === 'at-least' ? gap >= 0 : gap <= 0;
    const decimals = decimalsFor(s.unit, [[t.value, cell.value]], [gap]);
    const claim = {
      op: 'target' as const,
      unit: s.unit,
      decimals,
      value: point(cell),
      target: t.value,
      targetDirection: t.direction,
      gap,
      met,
    };
    return [
      draft(ctx, 'target', claim, [cell], t.period, (p) =>
        p.target(
          { period: t.period, value: cell.value, target: t.value, kind, gap, met },
          amounts(p, s.unit, decimals),
        ),
      ),
    ];
  });
}
