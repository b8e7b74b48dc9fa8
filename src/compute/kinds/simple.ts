import { getTable } from '../../contract/index.js';
import type { Indicator } from '../../plan/index.js';
import { conditionsOf } from '../model.js';
import type { CellDraft, KindContext, KindModule, SqlStatement } from '../ir.js';
import { Params, RelationWriter, groupingSets, ident } from '../sql/index.js';
import { breakdownOf } from '../sql/grouping.js';
import { cohortTable, statementNamed } from './cohort.js';
import { periodMeta } from './common.js';

type Simple = Extract<Indicator, { kind: 'count' | 'share' | 'sum' }>;

/** count, share and sum: one aggregation with grouping sets over a unit relation. */
export const simpleKind: KindModule = {
  build(ctx) {
    const ind = ctx.ind as Simple;
    return ind.kind === 'count' && ind.of === 'inflow' ? inflowCount(ctx) : [statement(ctx)];
  },
  async evaluate(ctx, qp, run) {
    const rows = await run(statementNamed(qp, 'cells'));
    return cellsFromRows(ctx, rows);
  },
};

/**
 * A count of the inflow reads the shared inflow cohort (first qualifying registration per person
 * and period, dimensions at registration): exactly the units `statement` would count.
 */
function inflowCount(ctx: KindContext): SqlStatement[] {
  const cohort = cohortTable(ctx);
  const g = groupingSets(['period'], ctx.fixed, ctx.sets, ctx.used);
  const dimCols = ctx.used.map((x) => `d_${x}`);
  const sql = [
    `WITH ${cohort.cte}`,
    `SELECT ${['period', ...dimCols, g.groupingCols, 'count(*) AS n'].filter(Boolean).join(', ')}`,
    `FROM c`,
    g.groupBy,
  ].join('\n');
  return [cohort.statement, { name: 'cells', sql, params: [] }];
}

function statement(ctx: KindContext): SqlStatement {
  const ind = ctx.ind as Simple;
  const { dialect: d } = ctx;
  const params = new Params();
  const of = ind.kind === 'sum' ? 'events' : ind.of;
  const base = of === 'events' ? ind.table! : 'registrations';
  const anchor =
    of === 'stock' ? 'refs.ref' : of === 'inflow' ? 'b.registered_on' : `b.${ident(ind.date!)}`;
  const entry = of === 'events' ? anchor : 'b.registered_on';
  let preJoins: string[] = [];
  let withRefs = '';
  if (of === 'stock') {
    const values = ctx.periods.map(
      (p) => `(${params.add(p.label)}, ${d.date(params.add(p.through))})`,
    );
    withRefs = `refs(period, ref) AS (VALUES ${values.join(', ')}),\n`;
    preJoins = [
      'JOIN refs ON b.registered_on <= refs.ref AND (b.ended_on IS NULL OR b.ended_on > refs.ref)',
    ];
  }
  const w = new RelationWriter(d, params, ctx.dims, {
    indicator: ind.id,
    base,
    anchor,
    residenceAt: ind.residence_at === 'reference' ? anchor : entry,
    preJoins,
  });
  const select: string[] = [
    `${of === 'stock' ? 'refs.period' : d.period(ctx.grain, anchor)} AS period`,
    ...(ind.kind === 'sum'
      ? []
      : [`${of === 'events' && !ind.distinct_persons ? rowKey(base) : 'b.person_id'} AS unit`]),
    ...ctx.used.map((x) => `${w.dim(x)} AS d_${x}`),
  ];
  if (ind.kind === 'share') select.push(`coalesce(${w.where(ind.numerator)}, FALSE) AS num`);
  if (ind.kind === 'sum') select.push(`b.${ident(ind.measure)} AS m`);
  if (of === 'inflow')
    select.push(
      'row_number() OVER (PARTITION BY b.person_id, ' +
        d.period(ctx.grain, anchor) +
        ' ORDER BY b.registered_on, b.registration_id) AS rn',
    );
  const conds = [w.where(conditionsOf(ctx.plan, ind))];
  if (of !== 'stock')
    conds.unshift(
      `${anchor} >= ${d.date(params.add(ctx.periods[0]?.start ?? ctx.asOf))}`,
      `${anchor} <= ${d.date(params.add(ctx.asOf))}`,
    );
  // Rows delivered per period count only once their whole period has ended by the cut-off date,
  // and only in a reporting period that holds the whole delivered period: a year's hours never
  // become a quarter's, and a year not yet over is not shown as if it were.
  if (of === 'events' && deliveredPerPeriod(base))
    conds.unshift(
      `b.period_end <= ${d.date(params.add(ctx.asOf))}`,
      `${d.period(ctx.grain, 'b.period_start')} = ${d.period(ctx.grain, 'b.period_end')}`,
    );
  const from = w.from();
  const g = groupingSets(['period'], ctx.fixed, ctx.sets, ctx.used);
  // After `rn = 1` an inflow unit is unique per period: a plain count is exact and much cheaper.
  const aggs =
    ind.kind === 'sum' ? [] : [of === 'inflow' ? 'count(*) AS n' : 'count(DISTINCT unit) AS n'];
  if (ind.kind === 'share')
    aggs.push(
      of === 'inflow'
        ? 'count(*) FILTER (WHERE num) AS num'
        : 'count(DISTINCT CASE WHEN num THEN unit END) AS num',
    );
  if (ind.kind === 'sum') aggs.push('sum(m) AS s', 'count(m) AS nm');
  const dimCols = ctx.used.map((x) => `d_${x}`);
  const sql = [
    `WITH ${withRefs}u AS (`,
    `  SELECT ${select.join(',\n    ')}`,
    `  ${from}`,
    `  WHERE ${conds.join('\n    AND ')}`,
    `)`,
    `SELECT ${['period', ...dimCols, g.groupingCols, ...aggs].filter(Boolean).join(', ')}`,
    `FROM u${of === 'inflow' ? ' WHERE rn = 1' : ''}`,
    g.groupBy,
  ].join('\n');
  return { name: 'cells', sql, params: params.values };
}

/** True for a table whose rows hold a value for a delivered period (`period_start`–`period_end`). */
export function deliveredPerPeriod(table: string): boolean {
  const names = new Set(getTable(table)?.fields.map((f) => f.name));
  return names.has('period_start') && names.has('period_end');
}

/** Primary key of an event table, as the unit counted. */
function rowKey(table: string): string {
  const keys: Record<string, string> = {
    actions: 'action_id',
    campaigns: 'campaign_id',
    interpreter_sessions: 'session_id',
    partner_agreements: 'agreement_id',
    staff_trainings: 'training_id',
    contacts: 'contact_id',
    employment_spells: 'spell_id',
    registrations: 'registration_id',
    persons: 'person_id',
  };
  const k = keys[table];
  if (!k) throw new Error(`no row key for ${table}`); // the schema only admits event tables with one
  return `b.${k}`;
}

function cellsFromRows(ctx: KindContext, rows: Record<string, unknown>[]): CellDraft[] {
  const ind = ctx.ind as Simple;
  const cells: CellDraft[] = [];
  const seenTotals = new Set<string>();
  for (const r of rows) {
    const breakdown = breakdownOf(r, ctx.used);
    const period = String(r.period);
    if (Object.keys(breakdown).length === ctx.fixed.length) seenTotals.add(period);
    cells.push({ ...periodMeta(ctx, period), breakdown, ...measure(ind, r) });
  }
  // A period without a single row still gets its total: 0 for counts, no data otherwise; for data
  // delivered per period, only periods over by the cut-off date (a later one cannot hold a row).
  const perPeriod = 'table' in ind && !!ind.table && deliveredPerPeriod(ind.table);
  if (ctx.fixed.length === 0)
    for (const p of ctx.periods)
      if (!seenTotals.has(p.label) && !(perPeriod && p.end > ctx.asOf))
        cells.push({
          ...periodMeta(ctx, p.label),
          breakdown: {},
          ...measure(ind, { n: 0, num: 0, s: null, nm: 0 }),
        });
  return cells;
}

function measure(
  ind: Simple,
  r: Record<string, unknown>,
): Pick<
  CellDraft,
  'measure' | 'value' | 'status' | 'n' | 'numerator' | 'denominator' | 'estimator'
> {
  const n = Number(r.n ?? 0);
  if (ind.kind === 'count')
    return { measure: 'value', value: n, n, status: 'ok', estimator: 'crude' };
  if (ind.kind === 'share') {
    const num = Number(r.num ?? 0);
    return n > 0
      ? {
          measure: 'value',
          value: num / n,
          numerator: num,
          denominator: n,
          n,
          status: 'ok',
          estimator: 'crude',
        }
      : { measure: 'value', value: null, numerator: 0, denominator: 0, n: 0, status: 'no-data' };
  }
  const nm = Number(r.nm ?? 0);
  return nm > 0
    ? { measure: 'value', value: Number(r.s), n: nm, status: 'ok', estimator: 'crude' }
    : { measure: 'value', value: null, n: 0, status: 'no-data' };
}
