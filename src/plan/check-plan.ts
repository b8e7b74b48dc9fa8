import type { Location, Problem } from '../shared/index.js';
import { planMessages as m } from './messages.js';
import { checkTargets } from './check-targets.js';
import { STRATEGIC_ID, TACTICAL_ID, type Plan } from './schema.js';

type Path = readonly (string | number)[];

/** Cross-reference checks that a schema cannot express. Returns every problem found. */
export function checkPlan(plan: Plan, where: (p: Path) => Location): Problem[] {
  const problems: Problem[] = [];
  const add = (code: keyof typeof m, path: Path, msg: { nl: string; en: string }) =>
    problems.push({ code, location: where(path), ...msg });

  const seen = new Map<string, Path>();
  const checkUnique = (id: unknown, path: Path) => {
    if (typeof id !== 'string') return;
    if (seen.has(id)) add('PLAN_DUPLICATE_ID', path, m.PLAN_DUPLICATE_ID(id));
    else seen.set(id, path);
  };

  const objectives = new Map(plan.objectives.map((o) => [o.id, o]));
  plan.objectives.forEach((o, i) => {
    checkUnique(o.id, ['objectives', i, 'id']);
    if (typeof o.id !== 'string') return;
    const re = o.level === 'strategic' ? STRATEGIC_ID : TACTICAL_ID;
    if (o.level && !re.test(o.id))
      add('PLAN_BAD_OBJECTIVE_ID', ['objectives', i, 'id'], m.PLAN_BAD_OBJECTIVE_ID(o.id, o.level));
    if (o.level === 'tactical') {
      if (!o.parent) add('PLAN_MISSING_PARENT', ['objectives', i], m.PLAN_MISSING_PARENT(o.id));
      else if (objectives.get(o.parent)?.level !== 'strategic')
        add(
          'PLAN_UNKNOWN_PARENT',
          ['objectives', i, 'parent'],
          m.PLAN_UNKNOWN_PARENT(o.id, o.parent),
        );
      else if (o.id.slice(2).split('.')[0] !== o.parent.slice(2))
        add(
          'PLAN_PARENT_MISMATCH',
          ['objectives', i, 'parent'],
          m.PLAN_PARENT_MISMATCH(o.id, o.parent),
        );
    }
  });

  const indicators = new Map(plan.indicators.map((x) => [x.id, x]));
  plan.indicators.forEach((x, i) => checkUnique(x.id, ['indicators', i, 'id']));

  plan.results.forEach((r, i) => {
    checkUnique(r.id, ['results', i, 'id']);
    if (typeof r.id !== 'string') return;
    if (r.objective !== undefined) {
      if (!objectives.has(r.objective))
        add(
          'PLAN_UNKNOWN_OBJECTIVE',
          ['results', i, 'objective'],
          m.PLAN_UNKNOWN_OBJECTIVE(r.id, r.objective),
        );
      else if (!r.id.startsWith(`${r.objective}.`))
        add(
          'PLAN_RESULT_ID_MISMATCH',
          ['results', i, 'id'],
          m.PLAN_RESULT_ID_MISMATCH(r.id, r.objective),
        );
    }
    // On a plan the schema refused, fields may hold anything: read lists only when they are lists.
    const inds = Array.isArray(r.indicators) ? r.indicators : [];
    inds.forEach((ind, j) => {
      if (!indicators.has(ind))
        add(
          'PLAN_UNKNOWN_INDICATOR',
          ['results', i, 'indicators', j],
          m.PLAN_UNKNOWN_INDICATOR(r.id, ind),
        );
    });
    if ((r.status === 'defined' || r.status === 'manual') && inds.length === 0)
      add(
        'PLAN_STATUS_NEEDS_INDICATOR',
        ['results', i, 'status'],
        m.PLAN_STATUS_NEEDS_INDICATOR(r.id, r.status),
      );
    if ((r.status === 'undefined' || r.status === 'to-explore') && (inds.length > 0 || !r.reason))
      add(
        'PLAN_STATUS_NEEDS_REASON',
        ['results', i, 'status'],
        m.PLAN_STATUS_NEEDS_REASON(r.id, r.status),
      );
    if (
      r.status === 'manual' &&
      inds.length &&
      !inds.some((x) => indicators.get(x)?.kind === 'manual')
    )
      add('PLAN_MANUAL_NEEDS_MANUAL', ['results', i, 'status'], m.PLAN_MANUAL_NEEDS_MANUAL(r.id));
  });

  plan.series.forEach((s, i) => {
    checkUnique(s.id, ['series', i, 'id']);
    (Array.isArray(s.indicators) ? s.indicators : []).forEach((ind, j) => {
      if (!indicators.has(ind))
        add(
          'PLAN_UNKNOWN_INDICATOR',
          ['series', i, 'indicators', j],
          m.PLAN_UNKNOWN_INDICATOR(s.id, ind),
        );
    });
  });
  problems.push(...checkTargets(plan, where));
  return problems;
}
