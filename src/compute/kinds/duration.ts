import type { Indicator } from '../../plan/index.js';
import { kmQuantilesCounts, plainQuantiles } from '../estimators.js';
import type { CellDraft, KindContext, KindModule } from '../ir.js';
import { Params, groupingSets } from '../sql/index.js';
import { breakdownOf } from '../sql/grouping.js';
import { cohortTable, statementNamed } from './cohort.js';
import { periodMeta } from './common.js';

type Duration = Extract<Indicator, { kind: 'duration' }>;
type Segment = Duration['segments'][number];

/** Milestone columns: t0 registration, t1 first personal service, t2 first action, t3 last action, t4 outflow. */
const SEGMENTS: Record<Segment, [string, string]> = {
  'registration-first-service': ['t0', 't1'],
  'first-service-first-action': ['t1', 't2'],
  'first-action-last-action': ['t2', 't3'],
  'last-action-outflow': ['t3', 't4'],
  'registration-outflow': ['t0', 't4'],
};
const PS = [0.25, 0.5, 0.75] as const;
const STAT = ['p25', 'median', 'p75'] as const;

/**
 * duration: per cohort member (first qualifying registration in the period) the milestone dates of
 * that registration known at the cut-off date; t3 (end of the last-ending action) is reached only
 * when the registration has ended and none of its actions is open. Per segment a member that
 * reached its start has a time in days (to the segment's end, or else to its exit or the cut-off
 * date) and an event flag (end reached). The SQL counts members per breakdown group, segment,
 * time (events and censorings): the Kaplan–Meier and plain quantiles need nothing more, and the counts are
 * fewer rows than the members (two thirds at 1,000,000 persons), with numbers instead of dates. A member without the segment's start is counted with time NULL, so
 * every group with members has cells (n = 0) for every segment.
 */
export const durationKind: KindModule = {
  build(ctx) {
    const d = ctx.dialect;
    const p = new Params();
    const ind = ctx.ind as Duration;
    const cohort = cohortTable(ctx);
    const asOf = () => d.date(p.add(ctx.asOf));
    const dimCols = ctx.used.map((x) => `d_${x}`);
    const g = groupingSets(['period', 'seg', 'time'], ctx.fixed, ctx.sets, ctx.used);
    const asOfM = asOf();
    const units = ind.segments.map((seg, i) => {
      const [from, to] = SEGMENTS[seg];
      const days = d.daysBetween(`m.${from}`, `coalesce(m.${to}, m.t4, ${asOfM})`);
      return [
        `SELECT ${['m.period', ...dimCols.map((c) => `m.${c}`)].join(', ')}, ${i} AS seg,`,
        // No clamping: a milestone before the previous one gives a negative time, counted as a
        // data fault on the cells (\`negative\`) and kept in the quantiles (docs/statistics.md).
        `    CASE WHEN m.${from} IS NOT NULL THEN ${days} END AS time,`,
        `    CASE WHEN m.${from} IS NOT NULL THEN m.${to} IS NOT NULL END AS ev`,
        `  FROM m`,
      ].join('\n');
    });
    const sql = [
      `WITH ${cohort.cte},`,
      `k AS (SELECT registration_id, min(contact_on) AS t1 FROM contacts WHERE kind = ${p.add('first_personal_service')} AND contact_on <= ${asOf()} GROUP BY registration_id),`,
      `a AS (SELECT registration_id, min(started_on) AS t2, max(ended_on) AS last_end,`,
      `    bool_or(ended_on IS NULL OR ended_on > ${asOf()}) AS open_action`,
      `  FROM actions WHERE started_on <= ${asOf()} GROUP BY registration_id),`,
      `m AS (SELECT ${['c.period', 'c.t0', 'CASE WHEN k.t1 >= c.t0 THEN k.t1 END AS t1', 'a.t2', 'CASE WHEN c.t4 IS NOT NULL AND NOT a.open_action THEN a.last_end END AS t3', 'c.t4', ...dimCols.map((x) => `c.${x}`)].join(', ')}`,
      `  FROM c LEFT JOIN k ON k.registration_id = c.registration_id LEFT JOIN a ON a.registration_id = c.registration_id),`,
      `u AS (`,
      units.join('\n  UNION ALL\n'),
      `)`,
      `SELECT ${['period', 'seg', ...dimCols, g.groupingCols, 'time', 'count(*) FILTER (WHERE ev) AS ne', 'count(*) FILTER (WHERE NOT ev) AS nc'].filter(Boolean).join(', ')}`,
      `FROM u`,
      g.groupBy,
    ].join('\n');
    return [cohort.statement, { name: 'member-counts', sql, params: p.values }];
  },
  async evaluate(ctx, qp, run) {
    const rows = await run(statementNamed(qp, 'member-counts'));
    const ind = ctx.ind as Duration;
    const groups = new Map<string, Group>();
    const cols = ctx.used.map((x) => [`g_${x}`, `d_${x}`] as const);
    for (const r of rows) {
      // Key from the raw columns (many rows); the breakdown object only for a new group.
      let key = `${r.period as string}\u0001${r.seg as number}`;
      for (const [gc, dc] of cols) key += Number(r[gc]) === 0 ? `\u0001${String(r[dc])}` : '\u0002';
      let grp = groups.get(key);
      if (!grp) {
        const breakdown = orderedBreakdown(ctx, breakdownOf(r, ctx.used));
        grp = {
          period: String(r.period),
          seg: Number(r.seg),
          breakdown,
          time: [],
          events: [],
          censored: [],
        };
        groups.set(key, grp);
      }
      if (r.time === null || r.time === undefined) continue;
      grp.time.push(Number(r.time));
      grp.events.push(Number(r.ne));
      grp.censored.push(Number(r.nc));
    }
    const cells: CellDraft[] = [];
    for (const grp of groups.values()) cells.push(...segmentCells(ctx, ind, grp));
    return cells;
  },
};

/** One breakdown group × segment: distinct times with their events and censorings. */
interface Group {
  readonly period: string;
  readonly seg: number;
  readonly breakdown: Record<string, string>;
  readonly time: number[];
  readonly events: number[];
  readonly censored: number[];
}

/** The breakdown with its dimensions in breakdown-set order (fixed first), as cells carry it. */
function orderedBreakdown(ctx: KindContext, b: Record<string, string>): Record<string, string> {
  const keys = Object.keys(b);
  const set = ctx.sets.find(
    (s) => s.length + ctx.fixed.length === keys.length && s.every((x) => x in b),
  );
  return Object.fromEntries([...ctx.fixed, ...(set ?? keys)].map((x) => [x, b[x]!]));
}

function segmentCells(ctx: KindContext, ind: Duration, grp: Group): CellDraft[] {
  const seg = ind.segments[grp.seg]!;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const open = sum(grp.censored);
  const finished = sum(grp.events);
  const n = open + finished;
  let negative = 0;
  grp.time.forEach((t, i) => {
    if (t < 0) negative += grp.events[i]! + grp.censored[i]!;
  });
  const base = {
    ...periodMeta(ctx, grp.period),
    cohort: grp.period,
    breakdown: grp.breakdown,
    ...(negative ? { negative } : {}),
  };
  const out: CellDraft[] = [
    { ...base, measure: `${seg}.open`, value: open, n, status: 'ok', estimator: 'crude' },
  ];
  for (const est of ind.estimators) {
    const q =
      est === 'km'
        ? kmQuantilesShifted(grp, negative)
        : plainQuantiles(finishedTimes(grp, finished), PS);
    STAT.forEach((s, i) =>
      out.push({
        ...base,
        measure: `${seg}.${s}`,
        variant: est,
        value: q[i] ?? null,
        n: est === 'km' ? n : finished,
        status: q[i] === null || q[i] === undefined ? 'no-data' : 'ok',
        estimator: est === 'km' ? 'kaplan-meier' : 'crude',
      }),
    );
  }
  return out;
}

/**
 * Kaplan–Meier quantiles that allow negative times: the estimator depends only on the order of the
 * times, so it runs on times shifted to start at 0 and the quantiles are shifted back (exact).
 */
function kmQuantilesShifted(grp: Group, negative: number): (number | null)[] {
  if (!negative) return kmQuantilesCounts(grp.time, grp.events, grp.censored, PS);
  const min = Math.min(...grp.time);
  const q = kmQuantilesCounts(
    grp.time.map((t) => t - min),
    grp.events,
    grp.censored,
    PS,
  );
  return q.map((x) => (x === null ? null : x + min));
}

/** Every finished duration once per member (the plain quantiles interpolate between members). */
function finishedTimes(grp: Group, finished: number): Float64Array {
  const out = new Float64Array(finished);
  let at = 0;
  grp.time.forEach((t, i) => {
    out.fill(t, at, at + grp.events[i]!);
    at += grp.events[i]!;
  });
  return out;
}
