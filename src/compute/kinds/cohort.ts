import { sha256 } from '../../shared/index.js';
import type { KindContext, QueryPlan, SqlStatement } from '../ir.js';
import { conditionsOf } from '../model.js';
import { Params, RelationWriter } from '../sql/index.js';

/** The inflow cohort of an indicator: the statement that materialises it and a CTE `c` reading it. */
export interface Cohort {
  /** `CREATE TEMP TABLE idw_cohort_<hash> AS …`; `creates` names the table. */
  readonly statement: SqlStatement;
  /** `c AS (SELECT * FROM idw_cohort_<hash>)`, to put in a statement's WITH clause. */
  readonly cte: string;
}

/**
 * The inflow cohort as a temporary table, named by the hash of its own SQL and parameters: every
 * indicator (and statement) whose cohort has the same definition reads the same table, which the
 * compute stage creates once per run (see `SqlStatement.creates`).
 */
export function cohortTable(ctx: KindContext): Cohort {
  const p = new Params();
  const select = [`WITH ${cohortCtes(ctx, p)}`, 'SELECT * FROM c'].join('\n');
  const table = `idw_cohort_${sha256(select + JSON.stringify(p.values)).slice(0, 16)}`;
  return {
    statement: {
      name: 'cohort',
      sql: `CREATE TEMP TABLE ${table} AS\n${select}`,
      params: p.values,
      creates: table,
    },
    cte: `c AS (SELECT * FROM ${table})`,
  };
}

/** The statement of a query plan with this name (the kinds write them, so it always exists). */
export function statementNamed(qp: QueryPlan, name: string): SqlStatement {
  const st = qp.statements.find((s) => s.name === name);
  if (!st) throw new Error(`no statement ${name} in the query plan of ${qp.indicator}`);
  return st;
}

/** Tables a registration reaches (itself, its person, the residence spell at registration). */
const REACHABLE = new Set(['registrations', 'persons', 'residence_status_spells']);

/**
 * Dimensions carried by the cohort: the indicator's, plus every plan dimension a registration
 * reaches, in plan order. The column list then depends on the plan only, not on the indicator's
 * breakdowns, so every cohort indicator of a population shares one table (as the inflow count can).
 */
export function cohortDims(ctx: Pick<KindContext, 'dims' | 'used'>): string[] {
  const used = new Set(ctx.used);
  return [...ctx.dims.values()]
    .filter(
      (d) =>
        used.has(d.name) ||
        (REACHABLE.has(d.table) && (!d.def.age_bands || d.column === 'birth_year')),
    )
    .map((d) => d.name);
}

/**
 * The inflow cohort (CTE `c`): per person and cohort period their first qualifying registration,
 * with t0 (registration), t4 / reason (end, only when on or before the cut-off date), the cohort
 * period and the dimension codes at cohort entry. Only registrations up to the cut-off count.
 */
function cohortCtes(ctx: KindContext, params: Params): string {
  const { dialect: d, ind } = ctx;
  const w = new RelationWriter(d, params, ctx.dims, {
    indicator: ind.id,
    base: 'registrations',
    anchor: 'b.registered_on',
    residenceAt: 'b.registered_on',
  });
  const asOf = d.date(params.add(ctx.asOf));
  const period = d.period(ctx.grain, 'b.registered_on');
  const select = [
    'b.person_id',
    'b.registration_id',
    'b.registered_on AS t0',
    `CASE WHEN b.ended_on <= ${asOf} THEN b.ended_on END AS t4`,
    `CASE WHEN b.ended_on <= ${asOf} THEN b.end_reason END AS reason`,
    `${period} AS period`,
    ...cohortDims(ctx).map((x) => `${w.dim(x)} AS d_${x}`),
    `row_number() OVER (PARTITION BY b.person_id, ${period} ORDER BY b.registered_on, b.registration_id) AS rn`,
  ];
  const where = [
    `b.registered_on >= ${d.date(params.add(ctx.periods[0]?.start ?? ctx.asOf))}`,
    `b.registered_on <= ${asOf}`,
    w.where(conditionsOf(ctx.plan, ind)),
  ];
  const from = w.from();
  return [
    `q AS (`,
    `  SELECT ${select.join(',\n    ')}`,
    `  ${from}`,
    `  WHERE ${where.join('\n    AND ')}`,
    `),`,
    `c AS (SELECT * FROM q WHERE rn = 1)`,
  ].join('\n');
}
