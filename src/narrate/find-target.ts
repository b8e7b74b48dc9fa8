import { grainOf, type Plan } from '../plan/index.js';
import { draft, point, type Ctx, type Draft } from './draft.js';
import { judgeTarget } from './judge-targets.js';
import { decimalsFor } from './numbers.js';
import { amounts } from './phrases.js';
import { matches, resolveSelector } from './select-cell.js';

/**
 * Where the result stands against each of the plan's targets on this series: the verdict of the one
 * evaluator (`judge-targets.ts`), put in words. A target is met or not in its own period; before it,
 * the latest complete period is on or off the path from the baseline.
 */
export function findTargets(ctx: Ctx, plan: Plan): Draft[] {
  const s = ctx.series;
  const result = plan.results.find((r) => r.id === s.result);
  const first = s.all[0];
  if (!result || !first) return [];
  return result.targets.flatMap((t, i) => {
    if (!matches(resolveSelector(plan, result, t), first)) return [];
    if (grainOf(first.period) !== grainOf(t.period)) return [];
    const v = judgeTarget(plan, result, i, s.all);
    const cell = s.all.find(
      (c) => c.period === v.period && matches(resolveSelector(plan, result, t), c),
    );
    if (v.value === undefined || !cell || cell.value === null) return [];
    if (!['met', 'not-met', 'on-track', 'off-track'].includes(v.status)) return [];
    const kind = t.direction === 'at-least' || t.direction === 'increase' ? 'at-least' : 'at-most';
    const goal = v.path ?? t.value;
    const gap = v.value - goal;
    const met = v.status === 'met' || v.status === 'on-track';
    const decimals = decimalsFor(
      s.unit,
      [
        [goal, v.value],
        [t.value, v.value],
      ],
      [gap],
    );
    const claim = {
      op: 'target' as const,
      unit: s.unit,
      decimals,
      value: point({ ...cell, value: cell.value }),
      target: t.value,
      targetDirection: t.direction,
      gap,
      met,
      ...(v.path === undefined ? {} : { path: v.path, targetPeriod: t.period }),
    };
    return [
      draft(ctx, 'target', claim, [cell], v.period!, (p) =>
        p.target(
          {
            period: v.period!,
            value: v.value!,
            target: t.value,
            kind,
            gap,
            met,
            ...(v.path === undefined ? {} : { path: v.path, targetPeriod: t.period }),
          },
          amounts(p, s.unit, decimals),
        ),
      ),
    ];
  });
}
