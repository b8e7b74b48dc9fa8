import type { Indicator } from '../../plan/index.js';
import type { CellDraft, KindModule } from '../ir.js';
import { Params, groupingSets } from '../sql/index.js';
import { breakdownOf } from '../sql/grouping.js';
import { cohortTable, statementNamed } from './cohort.js';
import { periodMeta } from './common.js';

type Flow = Extract<Indicator, { kind: 'flow' }>;

/**
 * flow: share of the inflow cohort that starts an action of the given types on or after the
 * registration day and before registration + h calendar months. A cell with a member whose horizon
 * lies after the cut-off date is `censored` without a value.
 */
export const flowKind: KindModule = {
  build(ctx) {
    const ind = ctx.ind as Flow;
    const d = ctx.dialect;
    const p = new Params();
    const cohort = cohortTable(ctx);
    const asOf = () => d.date(p.add(ctx.asOf));
    const hz = ind.horizons.map((h) => `(${p.add(h)})`).join(', ');
    const types = ind.action_types.map((t) => p.add(t)).join(', ');
    const dimCols = ctx.used.map((x) => `d_${x}`);
    const g = groupingSets(['period', 'h'], ctx.fixed, ctx.sets, ctx.used);
    const keys = ['ch.person_id', 'ch.period', 'ch.h', 'ch.hd', ...dimCols.map((c) => `ch.${c}`)];
    const sql = [
      `WITH ${cohort.cte},`,
      `hz(h) AS (VALUES ${hz}),`,
      `ch AS (SELECT c.*, hz.h, ${d.addMonths('c.t0', 'hz.h')} AS hd FROM c CROSS JOIN hz),`,
      `a AS (SELECT person_id, started_on FROM actions WHERE action_type IN (${types}) AND started_on <= ${asOf()}),`,
      `o AS (`,
      `  SELECT ${keys.map((k) => `${k} AS ${k.slice(3)}`).join(', ')},`,
      `    coalesce(bool_or(a.started_on >= ch.t0 AND a.started_on < ch.hd), FALSE) AS hit`,
      `  FROM ch LEFT JOIN a ON a.person_id = ch.person_id`,
      `  GROUP BY ${keys.join(', ')}`,
      `)`,
      `SELECT ${['period', 'h', ...dimCols, g.groupingCols, 'count(*) AS n', 'sum(CASE WHEN hit THEN 1 ELSE 0 END) AS hit', `sum(CASE WHEN hd <= ${asOf()} THEN 1 ELSE 0 END) AS obs`].filter(Boolean).join(', ')}`,
      `FROM o`,
      g.groupBy,
    ].join('\n');
    return [cohort.statement, { name: 'flow-counts', sql, params: p.values }];
  },
  async evaluate(ctx, qp, run) {
    const rows = await run(statementNamed(qp, 'flow-counts'));
    return rows.map((r): CellDraft => {
      const n = Number(r.n);
      const hit = Number(r.hit);
      const period = String(r.period);
      const base = {
        ...periodMeta(ctx, period),
        measure: 'value',
        cohort: period,
        horizon: Number(r.h),
        breakdown: breakdownOf(r, ctx.used),
      };
      return Number(r.obs) === n
        ? {
            ...base,
            value: hit / n,
            numerator: hit,
            denominator: n,
            n,
            status: 'ok',
            estimator: 'crude',
          }
        : { ...base, value: null, n, status: 'censored' };
    });
  },
};
