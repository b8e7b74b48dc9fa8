import type { Objective, Plan, Result, Text } from './schema.js';

export interface ResultNode {
  readonly id: string;
  readonly short: Text;
  readonly text: Text;
  readonly status: Result['status'];
  readonly indicators: readonly string[];
}
export interface ObjectiveNode {
  readonly id: string;
  readonly level: Objective['level'];
  readonly short: Text;
  readonly text: Text;
  readonly results: readonly ResultNode[];
  readonly tactical: readonly ObjectiveNode[];
}

/** The objective tree in plan order: strategic → its results and its tactical objectives → their results. */
export function planTree(plan: Plan): ObjectiveNode[] {
  const resultsOf = (id: string): ResultNode[] =>
    plan.results
      .filter((r) => r.objective === id)
      .map((r) => ({
        id: r.id,
        short: r.short,
        text: r.text,
        status: r.status,
        indicators: r.indicators,
      }));
  const node = (o: Objective, tactical: ObjectiveNode[]): ObjectiveNode => ({
    id: o.id,
    level: o.level,
    short: o.short,
    text: o.text,
    results: resultsOf(o.id),
    tactical,
  });
  return plan.objectives
    .filter((o) => o.level === 'strategic')
    .map((s) =>
      node(
        s,
        plan.objectives
          .filter((t) => t.level === 'tactical' && t.parent === s.id)
          .map((t) => node(t, [])),
      ),
    );
}

/** Results in plan order (strategic results first, then each tactical objective's). */
export function resultsInPlanOrder(plan: Plan): Result[] {
  const order = planTree(plan).flatMap((s) => [s.id, ...s.tactical.map((t) => t.id)]);
  return order.flatMap((o) => plan.results.filter((r) => r.objective === o));
}
