import { isRateUnit } from '../shared/index.js';
import type { Direction } from './claims.js';
import { draft, point, type Ctx, type Draft } from './draft.js';
import { decimalsFor, directionOf, isUsable, relativeChange, type UsableCell } from './numbers.js';
import { amounts } from './phrases.js';
import { additiveParts, comparisonPairs } from './select.js';
import { consecutive, periodStep } from './series.js';

/**
 * Changes between the rules' period pairs. A total whose parts add up is decomposed (`decomposition`)
 * instead of a plain `change`; cohort series (with a horizon) give `cohort-comparison`.
 */
export function findChanges(ctx: Ctx, types: ReadonlySet<string>): Draft[] {
  const s = ctx.series;
  const out: Draft[] = [];
  for (const [a, b] of comparisonPairs(s, ctx.rules)) {
    const parts =
      s.horizon === undefined && types.has('decomposition')
        ? additiveParts(s, [a, b], ctx.rules.decomposition.maxParts)
        : null;
    if (parts) out.push(decomposition(ctx, a, b, parts));
    else if (s.horizon !== undefined && types.has('cohort-comparison'))
      out.push(change(ctx, a, b, 'cohort'));
    else if (s.horizon === undefined && types.has('change')) out.push(change(ctx, a, b, 'period'));
  }
  return out;
}

function change(ctx: Ctx, a: string, b: string, across: 'period' | 'cohort'): Draft {
  const s = ctx.series;
  const from = s.total.get(a) as UsableCell;
  const to = s.total.get(b) as UsableCell;
  const delta = to.value - from.value;
  const direction = directionOf(from.value, to.value, s.unit, ctx.rules.stable);
  const moved = direction !== 'stable';
  const relative =
    moved && across === 'period' ? relativeChange(from.value, to.value, s.unit) : null;
  const decimals = decimalsFor(s.unit, moved ? [[from.value, to.value]] : [], moved ? [delta] : []);
  const claim = {
    op: 'change' as const,
    across,
    unit: s.unit,
    decimals,
    from: point(from),
    to: point(to),
    delta,
    relative,
    direction,
  };
  const type = across === 'cohort' ? 'cohort-comparison' : 'change';
  return draft(ctx, type, claim, [from, to], `${a}-${b}`, (p) => {
    const n = amounts(p, s.unit, decimals);
    const args = { from: a, to: b, fromValue: from.value, toValue: to.value, delta, direction };
    return across === 'cohort'
      ? p.cohort({ ...args, horizon: s.horizon! }, n)
      : p.change({ ...args, relative, ofTotal: s.dims.size > 0 && !isRateUnit(s.unit) }, n);
  });
}

function decomposition(
  ctx: Ctx,
  a: string,
  b: string,
  parts: NonNullable<ReturnType<typeof additiveParts>>,
): Draft {
  const s = ctx.series;
  const from = s.total.get(a) as UsableCell;
  const to = s.total.get(b) as UsableCell;
  const dirOf = (x: number, y: number): Direction => directionOf(x, y, s.unit, ctx.rules.stable);
  const total = {
    from: point(from),
    to: point(to),
    delta: to.value - from.value,
    direction: dirOf(from.value, to.value),
  };
  const between = s.periods.filter((p) => p >= a && p <= b);
  const canPath = between.length >= 3 && consecutive(between);
  const dim = s.dims.get(parts.dim)!;
  const rows = parts.codes.map((code, i) => {
    const f = parts.at.get(a)![i]!;
    const t = parts.at.get(b)![i]!;
    const direction = dirOf(f.value, t.value);
    const found = canPath ? between.map((p) => dim.cells.get(p)?.get(code)) : [];
    const steps = found.every((c) => c !== undefined && isUsable(c)) ? (found as UsableCell[]) : [];
    const monotone =
      direction !== 'stable' &&
      steps.length >= 3 &&
      steps.every(
        (c, j) =>
          j === 0 ||
          (direction === 'decrease'
            ? c.value < steps[j - 1]!.value
            : c.value > steps[j - 1]!.value),
      );
    return {
      group: { dim: parts.dim, code },
      from: point(f),
      to: point(t),
      delta: t.value - f.value,
      direction,
      ...(monotone ? { monotone: steps.map((c) => point(c).key) } : {}),
      steps: monotone ? steps : [],
    };
  });
  const connector =
    total.direction !== 'stable' && rows.every((r) => r.direction === total.direction)
      ? 'of-which'
      : 'while';
  const moved = [total, ...rows].filter((r) => r.direction !== 'stable');
  const decimals = decimalsFor(
    s.unit,
    moved.map((r) => [r.from.value, r.to.value] as const),
    moved.map((r) => r.delta),
  );
  const claim = {
    op: 'decomposition' as const,
    unit: s.unit,
    decimals,
    connector,
    total,
    parts: rows.map(({ steps: _s, ...r }) => r),
  } as const;
  const cells = [
    from,
    to,
    ...rows.flatMap((r) => [
      parts.at.get(a)![rows.indexOf(r)]!,
      parts.at.get(b)![rows.indexOf(r)]!,
    ]),
  ];
  const extra = rows.flatMap((r) => r.steps).filter((c) => !cells.includes(c));
  return draft(ctx, 'decomposition', claim, [...cells, ...extra], `${a}-${b}`, (p) =>
    p.decomposition(
      {
        from: a,
        to: b,
        step: periodStep(a),
        connector,
        total: {
          fromValue: from.value,
          toValue: to.value,
          delta: total.delta,
          direction: total.direction,
        },
        parts: rows.map((r) => ({
          label: p.group(parts.dim, r.group.code),
          delta: r.delta,
          direction: r.direction,
          monotone: r.monotone !== undefined,
        })),
      },
      amounts(p, s.unit, decimals),
    ),
  );
}
