import type { Indicator } from '../../plan/index.js';
import type { Row } from '../../store/index.js';
import { addMonths, daysBetween } from '../../shared/index.js';
import { ajCifAt, ajFit, type AjFit } from '../estimators.js';
import type { CellDraft, KindContext, KindModule } from '../ir.js';
import { Params, groupingSets, monthTimeSql } from '../sql/index.js';
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
    const obs = (v: Variant) => (v.type === 'durable' ? `hk_${v.k}` : 'hd');
    const aggs = [
      'count(*) AS n',
      ...ind.variants.map((v, i) => `sum(CASE WHEN hit_${i} THEN 1 ELSE 0 END) AS hit_${i}`),
      ...[...new Set(ind.variants.map(obs))].map(
        (o) => `sum(CASE WHEN ${o} <= ${asOf1()} THEN 1 ELSE 0 END) AS obs_${o}`,
      ),
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
    // the first qualifying job start (status 1), else to another exit (2), else to the cut-off (0),
    // in calendar months (`monthTime`).
    const p2 = new Params();
    const mins = [...new Set(ind.variants.map(minDaysOf))];
    const maxMonths = Math.max(...ind.horizons) + Math.max(0, ...ks);
    const periods = censorablePeriods(ctx, maxMonths);
    const spells2 = spellsCte(ctx, p2);
    const asOf2 = d.date(p2.add(ctx.asOf));
    const firsts = mins.map((md) => {
      const dur = `${d.daysBetween('s.started_on', `coalesce(s.ended_on, ${asOf2})`)} + 1`;
      return `min(CASE WHEN s.started_on >= c.t0 AND ${dur} >= ${p2.add(md)} THEN s.started_on END) AS w_${md}`;
    });
    const other = `m.t4 IS NOT NULL AND m.reason IS DISTINCT FROM ${p2.add('work')}`;
    const ends = mins.flatMap((md) => [
      `CASE WHEN m.w_${md} IS NOT NULL THEN m.w_${md} WHEN ${other} THEN m.t4 ELSE ${asOf2} END AS e_${md}`,
      `CASE WHEN m.w_${md} IS NOT NULL THEN 1 WHEN ${other} THEN 2 ELSE 0 END AS s_${md}`,
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

/**
 * Aalen–Johansen CIF of work (other exits compete, censored at the cut-off) for censored cells.
 * One fit per cohort, breakdown group and minimum job length, read at each censored cell's horizon.
 */
async function fillCif(
  ctx: KindContext,
  censoredCells: { cell: CellDraft; v: Variant; h: number; period: string }[],
  members: Row[],
): Promise<void> {
  // Cell key: period and the breakdown's dim=code pairs in name order.
  const keyOf = (period: string, b: Record<string, string>) =>
    [
      period,
      ...Object.keys(b)
        .sort()
        .map((k) => `${k}=${b[k]}`),
    ].join('|');
  const index = new Map<string, number[]>();
  const setDims = ctx.sets.map((set) =>
    [...ctx.fixed, ...set].sort().map((d) => [`|${d}=`, `d_${d}`] as const),
  );
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    for (const dims of setDims) {
      let k = String(m.period);
      for (const [label, col] of dims) k += label + String(m[col]);
      const l = index.get(k);
      if (l) l.push(i);
      else index.set(k, [i]);
    }
  }
  const column = new Map<string, Float64Array>();
  const columnOf = (name: string) => {
    let c = column.get(name);
    if (!c) column.set(name, (c = Float64Array.from(members, (m) => Number(m[name]))));
    return c;
  };
  const fits = new Map<string, AjFit | null>();
  for (const t of censoredCells) {
    const key = keyOf(t.period, t.cell.breakdown);
    const md = minDaysOf(t.v);
    const fk = `${md}|${key}`;
    let fit = fits.get(fk);
    if (fit === undefined) {
      const idx = index.get(key) ?? [];
      const tc = columnOf(`t_${md}`);
      const sc = columnOf(`s_${md}`);
      const times = Float64Array.from(idx, (i) => tc[i]!);
      const types = Int32Array.from(idx, (i) => sc[i]!);
      fit = idx.length ? ajFit(times, types) : null;
      fits.set(fk, fit);
    }
    const cif = ajCifAt(fit, t.h);
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
