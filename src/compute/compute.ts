import { CONTRACT_TABLES } from '../contract/index.js';
import type { Indicator, Plan } from '../plan/index.js';
import { IdwError, hashValue, parseIsoDate, sha256 } from '../shared/index.js';
import { getMeta, snapshotId, type Engine } from '../store/index.js';
import type { CellDraft, KindContext, KindModule, QueryPlan, SqlStatement } from './ir.js';
import { cohortOutflowKind } from './kinds/cohort-outflow.js';
import { cellKey } from './result-cell.js';
import { durationKind } from './kinds/duration.js';
import { flowKind } from './kinds/flow.js';
import { manualKind } from './kinds/manual.js';
import { simpleKind } from './kinds/simple.js';
import { computeMessages as m } from './messages.js';
import { breakdownSets, resolveDimensions, type ResolvedDimension } from './model.js';
import { periodSeries } from './periods.js';
import type { Provenance, ResultCell, ResultSet } from './result-cell.js';
import { dialectFor, ident, type Grain } from './sql/index.js';

/** Options of `compute`. */
export interface ComputeOptions {
  /** Cut-off date (default: the latest date in the data). */
  readonly asOf?: string;
  /** Result or series ids to compute (default: all). */
  readonly results?: readonly string[];
  /** Breakdown sets replacing every indicator's standard breakdowns (the total is always added). */
  readonly breakdowns?: readonly (readonly string[])[];
  /** Period grains (default: `['year']`). */
  readonly grains?: readonly Grain[];
  /** Called after each indicator × grain (for progress bars). */
  readonly progress?: (done: number, total: number, label: string) => void;
}

const KINDS: Record<Indicator['kind'], KindModule> = {
  count: simpleKind,
  sum: simpleKind,
  share: simpleKind,
  'cohort-outflow': cohortOutflowKind,
  duration: durationKind,
  flow: flowKind,
  manual: manualKind,
};

/** The plan's owners of each indicator: result and series ids, in plan order. */
export function owners(plan: Plan, only?: readonly string[]): Map<string, string[]> {
  const ids = new Set([...plan.results.map((r) => r.id), ...plan.series.map((s) => s.id)]);
  for (const id of only ?? [])
    if (!ids.has(id))
      throw IdwError.single('COMPUTE_UNKNOWN_RESULT', m.COMPUTE_UNKNOWN_RESULT(id), {}, 2);
  const keep = (id: string) => !only?.length || only.includes(id);
  const out = new Map<string, string[]>();
  for (const o of [...plan.results, ...plan.series])
    if (keep(o.id)) for (const i of o.indicators) out.set(i, [...(out.get(i) ?? []), o.id]);
  return out;
}

/** Latest date in any date column of the store (the default cut-off date). */
export async function latestDate(engine: Engine): Promise<string | undefined> {
  const parts = CONTRACT_TABLES.flatMap((t) =>
    t.fields
      .filter((f) => f.type === 'date')
      .map((f) => `SELECT max(${f.name}) AS d FROM ${t.name}`),
  );
  const rows = await engine.query<{ d: string | null }>(
    `SELECT max(d) AS d FROM (${parts.join(' UNION ALL ')}) x`,
  );
  return rows[0]?.d ?? undefined;
}

/** The date column that places an indicator's units in time. */
function anchorColumn(ind: Indicator): [string, string] | undefined {
  if (ind.kind === 'manual') return undefined;
  if (ind.kind === 'sum' || ((ind.kind === 'count' || ind.kind === 'share') && ind.of === 'events'))
    return [ind.table!, ind.date!];
  return ['registrations', 'registered_on'];
}

// Only rows on or before the cut-off date: later rows must not move the first period.
async function firstYear(
  engine: Engine,
  ind: Indicator,
  fallback: number,
  asOf: string,
): Promise<number> {
  const a = anchorColumn(ind);
  if (!a) {
    const r = await engine.query<{ p: string | null }>(
      'SELECT min(period) AS p FROM manual_values WHERE result_id = $1 AND substr(period, 1, 4) <= $2',
      [(ind as Extract<Indicator, { kind: 'manual' }>).result_id, asOf.slice(0, 4)],
    );
    return r[0]?.p ? Math.min(Number(r[0].p.slice(0, 4)), fallback) : fallback;
  }
  // Names checked against the contract at load and quoted again here: never pasted raw.
  const r = await engine.query<{ d: string | null }>(
    `SELECT min(${ident(a[1])}) AS d FROM ${ident(a[0])} WHERE ${ident(a[1])} <= CAST($1 AS DATE)`,
    [asOf],
  );
  return r[0]?.d ? Number(r[0].d.slice(0, 4)) : fallback;
}

/** Pure: the query plan of one indicator × grain (no data read). */
export function buildQueryPlan(ctx: KindContext): QueryPlan {
  return {
    indicator: ctx.ind.id,
    kind: ctx.ind.kind,
    grain: ctx.grain,
    asOf: ctx.asOf,
    periods: ctx.periods,
    fixed: ctx.fixed,
    sets: ctx.sets,
    used: ctx.used,
    statements: KINDS[ctx.ind.kind].build(ctx),
  };
}

/** Hash of everything that defines an indicator: its definition, population and dimensions. */
export function definitionHash(plan: Plan, ind: Indicator, dims: readonly ResolvedDimension[]) {
  return hashValue({
    indicator: ind,
    population: ind.population ? plan.populations[ind.population] : null,
    dimensions: dims.map((d) => [d.name, d.def]),
  });
}

/** Computes every selected result of the plan on the store: cells with provenance. */
export async function compute(
  engine: Engine,
  plan: Plan,
  opts: ComputeOptions = {},
): Promise<ResultSet> {
  const asOf = opts.asOf ?? (await latestDate(engine));
  if (!asOf) throw IdwError.single('COMPUTE_EMPTY_STORE', m.COMPUTE_EMPTY_STORE());
  if (!parseIsoDate(asOf))
    throw IdwError.single('COMPUTE_BAD_AS_OF', m.COMPUTE_BAD_AS_OF(asOf), {}, 2);
  const dialect = dialectFor(engine.dialect);
  const dims = resolveDimensions(plan);
  const snapshot = await snapshotId(engine);
  const synthetic = (await getMeta(engine, 'synthetic')) === 'true';
  const grains = opts.grains?.length ? opts.grains : (['year'] as const);
  const own = owners(plan, opts.results);
  const cells: ResultCell[] = [];
  const provenance: Provenance[] = [];
  const planStart = Number(plan.plan.period.from.slice(0, 4));
  const selected = plan.indicators.filter((i) => own.has(i.id));
  let done = 0;
  // Shared relations (inflow cohorts) created in this run, by table name: built once, dropped at the end.
  const created = new Set<string>();
  try {
    for (const ind of selected) {
      const { fixed, sets, used } = breakdownSets(ind, dims, opts.breakdowns);
      // Without data on or before the cut-off date the periods start at the plan's start: a cut-off
      // before it has no period at all (and rows after the cut-off never move the first period).
      const y0 = await firstYear(engine, ind, planStart, asOf);
      const defHash = definitionHash(
        plan,
        ind,
        used.map((u) => dims.get(u)!),
      );
      for (const grain of grains) {
        const ctx: KindContext = {
          plan,
          ind,
          dims,
          dialect,
          grain,
          asOf,
          periods: periodSeries(grain, y0, asOf),
          fixed,
          sets,
          used,
        };
        if (!ctx.periods.length) {
          // A cut-off date before the indicator's first data: no period, so no query and no cell.
          opts.progress?.(++done, selected.length * grains.length, `${ind.id} (${grain})`);
          continue;
        }
        const qp = buildQueryPlan(ctx);
        const ran: SqlStatement[] = [];
        for (const st of qp.statements.filter((x) => x.creates)) {
          // Recorded for every indicator reading the table: it is part of the SQL behind its cells.
          ran.push(st);
          if (created.has(st.creates!)) continue;
          await engine.exec(`DROP TABLE IF EXISTS ${st.creates}`);
          created.add(st.creates!);
          await engine.query(st.sql, st.params);
        }
        const drafts = await KINDS[ind.kind].evaluate(ctx, qp, (st) => {
          ran.push(st);
          return engine.query(st.sql, st.params);
        });
        drafts.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
        const prov = provenanceOf(ind, defHash, ran.length ? ran : qp.statements, snapshot, asOf);
        provenance.push(prov);
        for (const owner of own.get(ind.id)!)
          for (const d of drafts) cells.push(finish(d, owner, ind, prov.id));
        opts.progress?.(++done, selected.length * grains.length, `${ind.id} (${grain})`);
      }
    }
  } finally {
    for (const t of created) await engine.exec(`DROP TABLE IF EXISTS ${t}`);
  }
  const first = await engine.query<{ d: string | null }>(
    'SELECT min(registered_on) AS d FROM registrations',
  );
  const y0 = first[0]?.d ? Number(first[0].d.slice(0, 4)) : planStart;
  for (const c of statusCells(plan, opts.results, asOf, Math.min(y0, Number(asOf.slice(0, 4))))) {
    cells.push(c);
    if (!provenance.some((p) => p.id === c.provenance))
      provenance.push({
        id: c.provenance,
        indicator: '',
        definitionHash: c.provenance,
        sql: '',
        sqlHash: '',
        snapshot,
        asOf,
      });
  }
  // SQL engines return groups in any order (DuckDB runs in parallel): fix one order, so the same
  // store always gives the same result set, byte for byte. Results keep plan order.
  const ids = [...plan.results.map((r) => r.id), ...plan.series.map((s) => s.id)];
  const order = new Map(ids.map((id, i) => [id, i]));
  // Codes in their contract (or age-band) order, so NODW comes before IBO-T as in the answer.
  const codeOrder = new Map(
    [...dims.values()].map((d) => [
      d.name,
      d.def.age_bands?.map((b) => b.code) ?? d.field.constraints.enum ?? [],
    ]),
  );
  const rank = (dim: string, code: string) => {
    const i = codeOrder.get(dim)?.indexOf(code) ?? -1;
    return i >= 0 ? String(i).padStart(4, '0') : `~${code}`;
  };
  const sortKey = (c: ResultCell) =>
    cellKey({
      ...c,
      breakdown: Object.fromEntries(Object.entries(c.breakdown).map(([k, v]) => [k, rank(k, v)])),
    });
  const keyed = cells.map((c) => [order.get(c.result) ?? -1, sortKey(c), c] as const);
  keyed.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return {
    plan: { id: plan.plan.id, hash: hashValue(plan) },
    asOf,
    snapshot,
    synthetic,
    cells: keyed.map((k) => k[2]),
    provenance,
  };
}

function provenanceOf(
  ind: Indicator,
  definitionHash: string,
  statements: readonly SqlStatement[],
  snapshot: string,
  asOf: string,
): Provenance {
  const sql = statements.map((s) => `-- ${s.name}\n${s.sql};`).join('\n\n');
  const sqlHash = sha256(sql + JSON.stringify(statements.map((s) => s.params))).slice(0, 16);
  return {
    id: hashValue({ definitionHash, sqlHash, snapshot, asOf }),
    indicator: ind.id,
    definitionHash,
    sql,
    sqlHash,
    snapshot,
    asOf,
  };
}

function finish(d: CellDraft, result: string, ind: Indicator, provenance: string): ResultCell {
  const { unit, ...rest } = d;
  return { result, indicator: ind.id, ...rest, unit: unit ?? ind.unit, provenance };
}

/**
 * Honest cells for results without an indicator: one per year from the first data year, `not-defined`
 * or `to-explore`; their provenance record carries no SQL.
 */
function statusCells(
  plan: Plan,
  only: readonly string[] | undefined,
  asOf: string,
  firstYear: number,
): ResultCell[] {
  const out: ResultCell[] = [];
  for (const r of plan.results) {
    if (only?.length && !only.includes(r.id)) continue;
    if (r.status !== 'undefined' && r.status !== 'to-explore') continue;
    for (const p of periodSeries('year', firstYear, asOf))
      out.push({
        result: r.id,
        indicator: '',
        measure: 'value',
        period: p.label,
        breakdown: {},
        value: null,
        unit: 'none',
        status: r.status === 'undefined' ? 'not-defined' : 'to-explore',
        provenance: hashValue({ result: r.id, status: r.status, reason: r.reason ?? null }),
      });
  }
  return out;
}
