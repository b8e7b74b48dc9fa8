import type { Location, Problem } from '../shared/index.js';
import { asText, planMessages as m } from './messages.js';
import { grainOf, type Indicator, type Plan } from './schema.js';

type Path = readonly (string | number)[];

const PERIOD = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/** The part of a target, benchmark or headline that names a cell. */
interface Selector {
  readonly indicator?: string;
  readonly variant?: string;
  readonly horizon?: number;
  readonly breakdown?: Readonly<Record<string, string>>;
}

/** Variants (or estimators) and horizons an indicator computes; `undefined` where it has none. */
function cellsOf(ind: Indicator): { variants?: string[]; horizons?: number[] } {
  if (ind.kind === 'cohort-outflow')
    return { variants: ind.variants.map((v) => v.type), horizons: ind.horizons };
  if (ind.kind === 'duration') return { variants: ind.estimators };
  if (ind.kind === 'flow') return { horizons: ind.horizons };
  return {};
}

/**
 * Targets, benchmarks and headlines must name a cell the result's indicators compute, and every
 * period must be a real one (`2022-13` is refused here with its line and column, not later).
 */
export function checkTargets(plan: Plan, where: (p: Path) => Location): Problem[] {
  const problems: Problem[] = [];
  const add = (code: keyof typeof m, path: Path, msg: { nl: string; en: string }) =>
    problems.push({ code, location: where(path), ...msg });
  const indicators = new Map((plan.indicators ?? []).map((x) => [x.id, x]));
  const owners = [
    ...(plan.results ?? []).map((r, i) => ({ r, path: ['results', i] as Path })),
    ...(plan.series ?? []).map((r, i) => ({ r, path: ['series', i] as Path })),
  ];
  for (const { r, path } of owners) {
    if (!r || typeof r.id !== 'string') continue;
    const own = Array.isArray(r.indicators) ? r.indicators : [];
    const selectors: { s: Selector; at: Path }[] = [];
    const list = (k: 'targets' | 'benchmarks'): unknown[] =>
      k in r && Array.isArray((r as Record<string, unknown>)[k])
        ? ((r as Record<string, unknown>)[k] as unknown[])
        : [];
    list('targets').forEach((raw, j) => {
      const t = (raw ?? {}) as { period?: unknown; baseline?: { period?: unknown } };
      const at = [...path, 'targets', j];
      const ok = (p: unknown): p is string => typeof p === 'string' && PERIOD.test(p);
      for (const [p, loc] of [
        [t.period, [...at, 'period']],
        [t.baseline?.period, [...at, 'baseline', 'period']],
      ] as const)
        if (p !== undefined && !ok(p)) add('PLAN_BAD_PERIOD', loc, m.PLAN_BAD_PERIOD(asText(p)));
      // A path runs forward from the baseline to the target, on one time line.
      const bp = t.baseline?.period;
      if (ok(t.period) && ok(bp) && (grainOf(bp) !== grainOf(t.period) || bp >= t.period))
        add(
          'PLAN_TARGET_BAD_BASELINE',
          [...at, 'baseline', 'period'],
          m.PLAN_TARGET_BAD_BASELINE(r.id, bp, t.period),
        );
      selectors.push({ s: t as Selector, at });
    });
    list('benchmarks').forEach((b, j) =>
      selectors.push({ s: (b ?? {}) as Selector, at: [...path, 'benchmarks', j] }),
    );
    if (r.headline) selectors.push({ s: r.headline, at: [...path, 'headline'] });
    for (const { s, at } of selectors) {
      const id = s.indicator ?? own[0];
      if (id === undefined) continue;
      const ind = indicators.get(id);
      if (!own.includes(id) || !ind) {
        add(
          'PLAN_TARGET_BAD_INDICATOR',
          [...at, 'indicator'],
          m.PLAN_TARGET_BAD_INDICATOR(r.id, id),
        );
        continue;
      }
      const { variants, horizons } = cellsOf(ind);
      if (s.variant !== undefined && !variants?.includes(s.variant))
        add(
          'PLAN_TARGET_BAD_CELL',
          [...at, 'variant'],
          m.PLAN_TARGET_BAD_CELL(r.id, `variant '${s.variant}'`, variants?.join(', ') || '–'),
        );
      if (s.horizon !== undefined && !horizons?.includes(s.horizon))
        add(
          'PLAN_TARGET_BAD_CELL',
          [...at, 'horizon'],
          m.PLAN_TARGET_BAD_CELL(r.id, `horizon ${s.horizon}`, horizons?.join(', ') || '–'),
        );
      const dims = new Set((ind.breakdowns ?? []).flat());
      for (const d of Object.keys(s.breakdown ?? {}))
        if (!dims.has(d))
          add(
            'PLAN_TARGET_BAD_CELL',
            [...at, 'breakdown', d],
            m.PLAN_TARGET_BAD_CELL(r.id, `'${d}'`, [...dims].join(', ') || '–'),
          );
    }
  }
  return problems;
}
