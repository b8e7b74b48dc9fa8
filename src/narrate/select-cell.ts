import { breakdownSig } from '../compute/index.js';
import type { Indicator, Plan, Result, Series } from '../plan/index.js';
import type { ProtectedCell } from '../protect/index.js';

/** The part of a target, benchmark or headline that names a cell (see `plan/schema.ts`). */
export interface CellSelector {
  readonly indicator?: string;
  readonly measure?: string;
  readonly variant?: string;
  readonly horizon?: number;
  readonly breakdown?: Readonly<Record<string, string>>;
}

/** The selector with the plan's defaults filled in: first indicator, its first variant and horizon. */
export function resolveSelector(
  plan: Plan,
  owner: Result | Series,
  sel: CellSelector = {},
): Required<Pick<CellSelector, 'measure' | 'breakdown'>> & CellSelector {
  const indicator = sel.indicator ?? owner.indicators[0];
  const ind: Indicator | undefined = plan.indicators.find((i) => i.id === indicator);
  const variant =
    sel.variant ??
    (ind?.kind === 'cohort-outflow'
      ? ind.variants[0]?.type
      : ind?.kind === 'duration'
        ? ind.estimators[0]
        : undefined);
  const horizon =
    sel.horizon ??
    (ind?.kind === 'cohort-outflow' || ind?.kind === 'flow' ? ind.horizons[0] : undefined);
  return {
    ...(indicator === undefined ? {} : { indicator }),
    measure: sel.measure ?? 'value',
    ...(variant === undefined ? {} : { variant }),
    ...(horizon === undefined ? {} : { horizon }),
    breakdown: sel.breakdown ?? {},
  };
}

/** True when the cell is the one the (resolved) selector names, in any period. */
export function matches(sel: ReturnType<typeof resolveSelector>, c: ProtectedCell): boolean {
  return (
    c.indicator === sel.indicator &&
    c.measure === sel.measure &&
    c.variant === sel.variant &&
    c.horizon === sel.horizon &&
    breakdownSig(c.breakdown) === breakdownSig(sel.breakdown)
  );
}

/** A cell whose value is a complete, published figure: shown, fully observed, period not cut short. */
export const isComplete = (c: ProtectedCell): c is ProtectedCell & { value: number } =>
  c.disclosure === 'shown' && c.value !== null && c.status === 'ok' && c.through === undefined;

/** A shown estimate for a cohort not yet fully observed, with its interval. */
export const isEstimate = (
  c: ProtectedCell,
): c is ProtectedCell & { value: number; ci_low: number; ci_high: number } =>
  c.disclosure === 'shown' &&
  c.status === 'censored' &&
  c.value !== null &&
  typeof c.ci_low === 'number' &&
  typeof c.ci_high === 'number';

/** Position of a period on its own grain's time line (years, quarters or months since year 0). */
export function periodIndex(p: string): number {
  const y = Number(p.slice(0, 4));
  const q = /-Q([1-4])$/.exec(p);
  if (q) return y * 4 + Number(q[1]) - 1;
  const m = /-(\d{2})$/.exec(p);
  return m ? y * 12 + Number(m[1]) - 1 : y;
}
