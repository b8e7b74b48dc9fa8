import type { Indicator } from '../../plan/index.js';
import { addMonths, daysBetween, fromEpochDay, toEpochDay } from '../../shared/index.js';
import type { CellDraft, KindContext, KindModule } from '../ir.js';
import { Params, groupingSets, monthTimeSql } from '../sql/index.js';
import { breakdownOf } from '../sql/grouping.js';
import { cohortTable, statementNamed } from './cohort.js';
import { periodMeta } from './common.js';
import { fillEstimates, minDaysOf, type CensoredCell } from './outflow-estimates.js';

type Outflow = Extract<Indicator, { kind: 'cohort-outflow' }>;
type Variant = Outflow['variants'][number];

/** The label of a variant in cells: `at-work`, `found-work`, `found-work-28d`, `durable`, `durable-12m`. */
export function variantLabel(v: Variant): string {
  if (v.type === 'found-work') return v.min_days === 1 ? 'found-work' : `found-work-${v.min_days}d`;
  if (v.type === 'durable') return v.k === 6 ? 'durable' : `durable-${v.k}m`;
  return 'at-work';
}

/**
 * The last day a job may start and still be judged at the cut-off date: a job of `minDays` days
 * that starts later cannot have lasted that long yet, so its outcome is not settled.
 */
export function settledUntil(asOf: string, minDays: number): string {
  return fromEpochDay(toEpochDay(asOf) - (minDays - 1));
}

/**
 * The column (day) on which a member's outcome for a variant is settled, as a key: `hd` (the
 * horizon day: at-work, found-work of 1 day), `f<min_days>` (horizon day + min_days − 1),
 * `hk_<k>` (k months after the horizon day: durable).
 */
const obsKey = (v: Variant) =>
  v.type === 'durable' ? `hk_${v.k}` : minDaysOf(v) > 1 ? `f${minDaysOf(v)}` : 'hd';

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
    // Each member meets their employment spells once (j), with a flag per horizon and variant;
    // the horizons then become rows (o): the same rows as joining the spells once per horizon,
    // at a fraction of the cost.
    const p1 = new Params();
    const ks = [...new Set(ind.variants.filter((v) => v.type === 'durable').map((v) => v.k))];
    const asOf1 = () => d.date(p1.add(ctx.asOf));
    const horizons = [...new Set(ind.horizons)];
    const hz = horizons.map((h, i) => `(${i}, ${p1.add(h)})`).join(', ');
    const dimCols = ctx.used.map((x) => `d_${x}`);
    const atDay = (day: string) =>
      `s.started_on <= ${day} AND (s.ended_on IS NULL OR s.ended_on >= ${day})`;
    const hit = (v: Variant, n: number) => {
      if (v.type === 'at-work') return `coalesce(bool_or(${atDay(`m.hd_${n}`)}), FALSE)`;
      if (v.type === 'durable')
        return `coalesce(bool_or(${atDay(`m.hd_${n}`)}), FALSE) AND coalesce(bool_or(${atDay(`m.hk_${v.k}_${n}`)}), FALSE)`;
      const dur = `${d.daysBetween('s.started_on', `coalesce(s.ended_on, ${asOf1()})`)} + 1`;
      return `coalesce(bool_or(s.started_on >= m.t0 AND s.started_on < m.hd_${n} AND ${dur} >= ${p1.add(v.min_days)}), FALSE)`;
    };
    const cohort = cohortTable(ctx);
    const spells = spellsCte(ctx, p1);
    const dates = horizons.flatMap((h, n) => {
      const hd = d.addMonths('c.t0', p1.add(h));
      return [
        `${hd} AS hd_${n}`,
        ...ks.map((k) => `${d.addMonths(hd, p1.add(k))} AS hk_${k}_${n}`),
      ];
    });
    const mCols = [
      'person_id',
      'period',
      't0',
      ...dimCols,
      ...horizons.flatMap((_, n) => [`hd_${n}`, ...ks.map((k) => `hk_${k}_${n}`)]),
    ];
    const flags = horizons.flatMap((_, n) =>
      ind.variants.map((v, i) => `${hit(v, n)} AS hit_${i}_${n}`),
    );
    const pick = (col: string) =>
      `CASE hz.i ${horizons.map((_, n) => `WHEN ${n} THEN j.${col}_${n}`).join(' ')} END AS ${col}`;
    const g = groupingSets(['period', 'h'], ctx.fixed, ctx.sets, ctx.used);
    // A member is observed once nothing after the cut-off date can change their outcome: the
    // horizon day has passed (at-work), plus min_days − 1 days for a job to qualify (found-work),
    // or k months after it (durable).
    const obsSql = (v: Variant) =>
      v.type === 'durable'
        ? `hk_${v.k} <= ${asOf1()}`
        : `hd <= ${d.date(p1.add(settledUntil(ctx.asOf, minDaysOf(v))))}`;
    const obsKeys = new Map(ind.variants.map((v) => [obsKey(v), v] as const));
    const aggs = [
      'count(*) AS n',
      ...ind.variants.map((v, i) => `sum(CASE WHEN hit_${i} THEN 1 ELSE 0 END) AS hit_${i}`),
      ...[...obsKeys].map(([k, v]) => `sum(CASE WHEN ${obsSql(v)} THEN 1 ELSE 0 END) AS obs_${k}`),
    ];
    const sql1 = [
      `WITH ${cohort.cte},`,
      `hz(i, h) AS (VALUES ${hz}),`,
      `m AS (SELECT ${['c.person_id', 'c.period', 'c.t0', ...dimCols.map((x) => `c.${x}`), ...dates].join(', ')} FROM c),`,
      `${spells},`,
      `j AS (`,
      `  SELECT ${[...mCols.map((x) => `m.${x}`), ...flags].join(',\n    ')}`,
      `  FROM m LEFT JOIN s ON s.person_id = m.person_id`,
      `  GROUP BY ${mCols.map((x) => `m.${x}`).join(', ')}`,
      `),`,
      `o AS (`,
      `  SELECT ${['j.period', 'hz.h', ...dimCols.map((x) => `j.${x}`), pick('hd'), ...ks.map((k) => pick(`hk_${k}`)), ...ind.variants.map((_, i) => pick(`hit_${i}`))].join(',\n    ')}`,
      `  FROM j CROSS JOIN hz`,
      `)`,
      `SELECT ${['period', 'h', ...dimCols, g.groupingCols, ...aggs].filter(Boolean).join(', ')}`,
      `FROM o`,
      g.groupBy,
    ].join('\n');

    // Statement 2: members of cohorts that may be censored, per minimum job length their time to
    // the first qualifying job start (status 1), else to another exit (2), else to the day up to
    // which a job start can be judged (0: censored), in calendar months (`monthTime`). A job that
    // started after `settledUntil` may still reach min_days: its start is not yet an event.
    const p2 = new Params();
    const mins = [...new Set(ind.variants.filter((v) => v.type === 'found-work').map(minDaysOf))];
    // Periods with a member whose found-work outcome may still change (a job needs min_days).
    const maxH = Math.max(...ind.horizons);
    const lastSettled = settledUntil(ctx.asOf, Math.max(1, ...mins));
    const periods = ctx.periods
      .filter((p) => addMonths(p.end, maxH) > lastSettled)
      .map((p) => p.label);
    const spells2 = spellsCte(ctx, p2);
    const asOf2 = d.date(p2.add(ctx.asOf));
    const until = new Map(mins.map((md) => [md, d.date(p2.add(settledUntil(ctx.asOf, md)))]));
    const firsts = mins.map((md) => {
      const dur = `${d.daysBetween('s.started_on', `coalesce(s.ended_on, ${asOf2})`)} + 1`;
      return `min(CASE WHEN s.started_on >= c.t0 AND s.started_on <= ${until.get(md)!} AND ${dur} >= ${p2.add(md)} THEN s.started_on END) AS w_${md}`;
    });
    const other = (md: number) =>
      `m.t4 IS NOT NULL AND m.t4 <= ${until.get(md)!} AND m.reason IS DISTINCT FROM ${p2.add('work')}`;
    const ends = mins.flatMap((md) => [
      `CASE WHEN m.w_${md} IS NOT NULL THEN m.w_${md} WHEN ${other(md)} THEN m.t4 ELSE greatest(m.t0, ${until.get(md)!}) END AS e_${md}`,
      `CASE WHEN m.w_${md} IS NOT NULL THEN 1 WHEN ${other(md)} THEN 2 ELSE 0 END AS s_${md}`,
    ]);
    const inList = periods.length ? periods.map((p) => p2.add(p)).join(', ') : 'NULL';
    const keep = ['period', ...dimCols];
    const sql2 = [
      `WITH ${cohort.cte},`,
      `${spells2},`,
      `m AS (`,
      `  SELECT ${['c.t0', 'c.t4', 'c.reason', ...keep.map((x) => `c.${x}`), ...firsts].join(', ')}`,
      `  FROM c LEFT JOIN s ON s.person_id = c.person_id`,
      `  WHERE c.period IN (${inList})`,
      `  GROUP BY ${['c.person_id', 'c.period', 'c.t0', 'c.t4', 'c.reason', ...dimCols.map((x) => `c.${x}`)].join(', ')}`,
      `),`,
      `e AS (SELECT ${['m.t0', ...keep.map((x) => `m.${x}`), ...ends].join(', ')} FROM m)`,
      `SELECT ${[...keep, ...mins.flatMap((md) => [`${monthTimeSql(d, 't0', `e_${md}`)} AS t_${md}`, `s_${md}`])].join(', ')}`,
      `FROM e`,
    ].join('\n');
    // Statement 3 (at-work, durable): the job spells of the same members, as times in calendar
    // months from registration: in (0 when the spell covers the registration day) and out (the day
    // after the last day; null while open, or when it ends on the cut-off date, since what follows
    // that day is not known), with the follow-up time up to the cut-off date.
    const p3 = new Params();
    const spells3 = spellsCte(ctx, p3);
    const asOf3 = d.date(p3.add(ctx.asOf));
    // Periods with a member not yet observed at a horizon (at-work) or k months after it (durable).
    const periods3 = ctx.periods.filter(
      (p) => addMonths(p.end, maxH + Math.max(0, ...ks)) > ctx.asOf,
    );
    const inList3 = periods3.length ? periods3.map((p) => p3.add(p.label)).join(', ') : 'NULL';
    // Spells that ended before the first of these periods began cannot matter (a constant, so the
    // join stays a hash join).
    const from3 = d.date(p3.add(periods3[0]?.start ?? ctx.asOf));
    const sql3 = [
      `WITH ${cohort.cte},`,
      `${spells3},`,
      // A spell ending before it starts covers no day: it is never at work (as in statement 1).
      `sp AS (SELECT * FROM s WHERE s.ended_on IS NULL OR (s.ended_on >= s.started_on AND s.ended_on >= ${from3})),`,
      `m AS (SELECT ${['c.person_id', 'c.t0', ...keep.map((x) => `c.${x}`)].join(', ')} FROM c WHERE c.period IN (${inList3}))`,
      `SELECT ${[
        'm.person_id',
        ...keep.map((x) => `m.${x}`),
        `${monthTimeSql(d, 'm.t0', asOf3)} AS t_exit`,
        `CASE WHEN s.started_on <= m.t0 THEN 0 ELSE ${monthTimeSql(d, 'm.t0', 's.started_on')} END AS t_in`,
        `CASE WHEN s.ended_on IS NULL OR s.ended_on >= ${asOf3} THEN NULL ELSE ${monthTimeSql(d, 'm.t0', '(s.ended_on + 1)')} END AS t_out`,
      ].join(',\n    ')}`,
      // Only the equality: any other condition across both sides made DuckDB use a nested-loop
      // join. Spells that ended before registration get out ≤ 0 and are dropped in TypeScript.
      `FROM m LEFT JOIN sp s ON s.person_id = m.person_id`,
    ].join('\n');
    const needsMs = ind.variants.some((v) => v.type !== 'found-work');
    return [
      cohort.statement,
      { name: 'cohort-counts', sql: sql1, params: p1.values },
      ...(mins.length ? [{ name: 'censored-members', sql: sql2, params: p2.values }] : []),
      ...(needsMs ? [{ name: 'censored-spells', sql: sql3, params: p3.values }] : []),
    ];
  },

  async evaluate(ctx, qp, run) {
    const ind = ctx.ind as Outflow;
    const rows = await run(statementNamed(qp, 'cohort-counts'));
    const cells: CellDraft[] = [];
    const censored: CensoredCell[] = [];
    for (const r of rows) {
      const breakdown = breakdownOf(r, ctx.used);
      const period = String(r.period);
      const h = Number(r.h);
      const n = Number(r.n);
      ind.variants.forEach((v, i) => {
        const observed = Number(r[`obs_${obsKey(v)}`]);
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
          cells.push({
            ...base,
            value: hit / n,
            numerator: hit,
            denominator: n,
            n,
            status: 'ok',
            estimator: 'crude',
          });
        } else {
          const cell: CellDraft = { ...base, value: null, n, status: 'censored', at_risk: 0 };
          cells.push(cell);
          censored.push({ cell, v, h, period });
        }
      });
    }
    if (censored.length) await fillEstimates(ctx, qp, run, censored);
    return cells;
  },
};

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
