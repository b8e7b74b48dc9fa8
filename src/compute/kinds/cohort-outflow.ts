import type { Indicator } from '../../plan/index.js';
import type { Row } from '../../store/index.js';
import { addMonths, daysBetween } from '../../shared/index.js';
import { ajCif } from '../estimators.js';
import type { CellDraft, KindContext, KindModule } from '../ir.js';
import { Params, groupingSets } from '../sql/index.js';
import { breakdownOf } from '../sql/grouping.js';
import { censorablePeriods, cohortTable, statementNamed } from './cohort.js';
import { periodMeta } from './common.js';

type Outflow = Extract<Indicator, { kind: 'cohort-outflow' }>;
type Variant = Outflow['variants'][number];

/** The label of a variant in cells: `at-work`, `found-work`, `found-work-28d`, `durable`, `durable-12m`. */
export function variantLabel(v: Variant): string {
  if (v.type === 'found-work') return v.min_days === 1 ? 'found-work' : `found-work-${v.min_days}d`;
  if (v.type === 'durable') return v.k === 6 ? 'durable' : `durable-${v.k}m`;
  return 'at-work';
}

const minDaysOf = (v: Variant) => (v.type === 'found-work' ? v.min_days : 1);

/** Employment spells known at the cut-off date (ends after it are still open). */
function spellsCte(ctx: KindContext, params: Params): string {
  const asOf = ctx.dialect.date(params.add(ctx.asOf));
  return `s AS (SELECT person_id, started_on, CASE WHEN ended_on <= ${asOf} THEN ended_on END AS ended_on FROM employment_spells WHERE started_on <= ${asOf})`;
}

export const cohortOutflowKind: KindModule = {
  build(ctx) {
    const ind = ctx.ind as Outflow;
    const d = ctx.dialect;
    // Statement 1: crude counts per cohort × horizon × variant, with how many members are observed.
    const p1 = new Params();
    const ks = [...new Set(ind.variants.filter((v) => v.type === 'durable').map((v) => v.k))];
    const asOf1 = () => d.date(p1.add(ctx.asOf));
    const hz = ind.horizons.map((h) => `(${p1.add(h)})`).join(', ');
    const dimCols = ctx.used.map((x) => `d_${x}`);
    const atDay = (day: string) =>
      `s.started_on <= ${day} AND (s.ended_on IS NULL OR s.ended_on >= ${day})`;
    const hits = ind.variants.map((v, i) => {
      if (v.type === 'at-work') return `coalesce(bool_or(${atDay('ch.hd')}), FALSE) AS hit_${i}`;
      if (v.type === 'durable')
        return `coalesce(bool_or(${atDay('ch.hd')}), FALSE) AND coalesce(bool_or(${atDay(`ch.hk_${v.k}`)}), FALSE) AS hit_${i}`;
      const dur = `${d.daysBetween('s.started_on', `coalesce(s.ended_on, ${asOf1()})`)} + 1`;
      return `coalesce(bool_or(s.started_on >= ch.t0 AND s.started_on < ch.hd AND ${dur} >= ${p1.add(v.min_days)}), FALSE) AS hit_${i}`;
    });
    const cohort = cohortTable(ctx);
    const spells = spellsCte(ctx, p1);
    const hkCols = ks.map((k) => `${d.addMonths('ch0.hd', p1.add(k))} AS hk_${k}`);
    const g = groupingSets(['period', 'h'], ctx.fixed, ctx.sets, ctx.used);
    const obs = (v: Variant) => (v.type === 'durable' ? `hk_${v.k}` : 'hd');
    const aggs = [
      'count(*) AS n',
      ...ind.variants.map((v, i) => `sum(CASE WHEN hit_${i} THEN 1 ELSE 0 END) AS hit_${i}`),
      ...[...new Set(ind.variants.map(obs))].map(
        (o) => `sum(CASE WHEN ${o} <= ${asOf1()} THEN 1 ELSE 0 END) AS obs_${o}`,
      ),
    ];
    const groupCols = [
      'ch.person_id',
      'ch.period',
      'ch.h',
      'ch.t0',
      'ch.hd',
      ...ks.map((k) => `ch.hk_${k}`),
      ...dimCols.map((c) => `ch.${c}`),
    ];
    const sql1 = [
      `WITH ${cohort.cte},`,
      `hz(h) AS (VALUES ${hz}),`,
      `ch0 AS (SELECT c.*, hz.h, ${d.addMonths('c.t0', 'hz.h')} AS hd FROM c CROSS JOIN hz),`,
      `ch AS (SELECT ch0.*${hkCols.map((x) => `, ${x}`).join('')} FROM ch0),`,
      `${spells},`,
      `o AS (`,
      `  SELECT ${[...groupCols.map((c) => c.replace('ch.', '')).map((c, i) => `${groupCols[i]} AS ${c}`), ...hits].join(',\n    ')}`,
      `  FROM ch LEFT JOIN s ON s.person_id = ch.person_id`,
      `  GROUP BY ${groupCols.join(', ')}`,
      `)`,
      `SELECT ${['period', 'h', ...dimCols, g.groupingCols, ...aggs].filter(Boolean).join(', ')}`,
      `FROM o`,
      g.groupBy,
    ].join('\n');

    // Statement 2: members of cohorts that may be censored, with their first qualifying job start.
    const p2 = new Params();
    const mins = [...new Set(ind.variants.map(minDaysOf))];
    const maxMonths = Math.max(...ind.horizons) + Math.max(0, ...ks);
    const periods = censorablePeriods(ctx, maxMonths);
    const spells2 = spellsCte(ctx, p2);
    const asOf2 = () => d.date(p2.add(ctx.asOf));
    const firsts = mins.map((md) => {
      const dur = `${d.daysBetween('s.started_on', `coalesce(s.ended_on, ${asOf2()})`)} + 1`;
      return `${d.text(`min(CASE WHEN s.started_on >= c.t0 AND ${dur} >= ${p2.add(md)} THEN s.started_on END)`)} AS w_${md}`;
    });
    const inList = periods.length ? periods.map((p) => p2.add(p)).join(', ') : 'NULL';
    const sql2 = [
      `WITH ${cohort.cte},`,
      `${spells2}`,
      // Dates as ISO text: the same values, read into JavaScript faster than DATE (many rows).
      `SELECT ${['c.period', `${d.text('c.t0')} AS t0`, `${d.text('c.t4')} AS t4`, 'c.reason', ...dimCols.map((x) => `c.${x}`), ...firsts].join(', ')}`,
      `FROM c LEFT JOIN s ON s.person_id = c.person_id`,
      `WHERE c.period IN (${inList})`,
      `GROUP BY ${['c.person_id', 'c.period', 'c.t0', 'c.t4', 'c.reason', ...dimCols.map((x) => `c.${x}`)].join(', ')}`,
    ].join('\n');
    return [
      cohort.statement,
      { name: 'cohort-counts', sql: sql1, params: p1.values },
      { name: 'censored-members', sql: sql2, params: p2.values },
    ];
  },

  async evaluate(ctx, qp, run) {
    const ind = ctx.ind as Outflow;
    const rows = await run(statementNamed(qp, 'cohort-counts'));
    const cells: CellDraft[] = [];
    const censored: { cell: CellDraft; v: Variant; h: number; period: string }[] = [];
    for (const r of rows) {
      const breakdown = breakdownOf(r, ctx.used);
      const period = String(r.period);
      const h = Number(r.h);
      const n = Number(r.n);
      ind.variants.forEach((v, i) => {
        const o = v.type === 'durable' ? `hk_${v.k}` : 'hd';
        const observed = Number(r[`obs_${o}`]);
        const hit = Number(r[`hit_${i}`]);
        const base = {
          ...periodMeta(ctx, period),
          measure: 'value',
          cohort: period,
          horizon: h,
          variant: variantLabel(v),
          breakdown,
        };
        if (observed === n) {
          cells.push({ ...base, value: hit / n, numerator: hit, denominator: n, n, status: 'ok' });
        } else {
          const cell: CellDraft = { ...base, value: null, n, status: 'censored' };
          cells.push(cell);
          censored.push({ cell, v, h, period });
        }
      });
    }
    if (censored.length)
      await fillCif(ctx, censored, await run(statementNamed(qp, 'censored-members')));
    return cells;
  },
};

/** Aalen–Johansen CIF of work (other exits compete, censored at the cut-off) for censored cells. */
async function fillCif(
  ctx: KindContext,
  censoredCells: { cell: CellDraft; v: Variant; h: number; period: string }[],
  members: Row[],
): Promise<void> {
  // Each member's (time, type) once per minimum job length, and an index per cell key.
  const mins = [...new Set(censoredCells.map((t) => minDaysOf(t.v)))];
  const timeOf = new Map<number, Float64Array>();
  const typeOf = new Map<number, Int32Array>();
  const asOfTime = members.map((m) => monthTime(String(m.t0), ctx.asOf));
  for (const md of mins) {
    const times = new Float64Array(members.length);
    const types = new Int32Array(members.length);
    members.forEach((m, i) => {
      const t0 = String(m.t0);
      const w = m[`w_${md}`] as string | null;
      const t4 = m.t4 as string | null;
      if (w) [times[i], types[i]] = [monthTime(t0, w), 1];
      else if (t4 && m.reason !== 'work') [times[i], types[i]] = [monthTime(t0, t4), 2];
      else [times[i], types[i]] = [asOfTime[i]!, 0];
    });
    timeOf.set(md, times);
    typeOf.set(md, types);
  }
  const keyOf = (period: string, b: Record<string, string>) =>
    [
      period,
      ...Object.keys(b)
        .sort()
        .map((k) => `${k}=${b[k]}`),
    ].join('|');
  const index = new Map<string, number[]>();
  members.forEach((m, i) => {
    for (const set of ctx.sets) {
      const b = Object.fromEntries([...ctx.fixed, ...set].map((d) => [d, String(m[`d_${d}`])]));
      const k = keyOf(String(m.period), b);
      const l = index.get(k);
      if (l) l.push(i);
      else index.set(k, [i]);
    }
  });
  for (const t of censoredCells) {
    const idx = index.get(keyOf(t.period, t.cell.breakdown)) ?? [];
    const md = minDaysOf(t.v);
    const times = idx.map((i) => timeOf.get(md)![i]!);
    const types = idx.map((i) => typeOf.get(md)![i]!);
    const cif = ajCif(times, types, t.h);
    // Nobody left at risk at the horizon: the curve is only carried forward, never publish it.
    if (cif.atRisk === 0 || cif.value === null) continue;
    Object.assign(t.cell, { value: cif.value, ci_low: cif.low, ci_high: cif.high });
  }
}

/**
 * Time from `t0` to `d` in calendar months: whole months by `addMonths` plus the fraction of the
 * next month. `monthTime(t0, addMonths(t0, h)) = h` exactly, so horizons match the crude rate.
 */
export function monthTime(t0: string, d: string): number {
  const y0 = Number(t0.slice(0, 4));
  const m0 = Number(t0.slice(5, 7));
  let j = (Number(d.slice(0, 4)) - y0) * 12 + (Number(d.slice(5, 7)) - m0);
  while (j > 0 && addMonths(t0, j) > d) j--;
  while (addMonths(t0, j + 1) <= d) j++;
  const a = addMonths(t0, j);
  const b = addMonths(t0, j + 1);
  return j + daysBetween(a, d) / daysBetween(a, b);
}
