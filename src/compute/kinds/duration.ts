import type { Indicator } from '../../plan/index.js';
import type { Row } from '../../store/index.js';
import { daysBetween } from '../../shared/index.js';
import { kmQuantiles, plainQuantiles } from '../estimators.js';
import type { CellDraft, KindContext, KindModule } from '../ir.js';
import { Params } from '../sql/index.js';
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
 * when the registration has ended and none of its actions is open. Quantiles are computed in
 * TypeScript from the member rows, per breakdown group.
 */
export const durationKind: KindModule = {
  build(ctx) {
    const d = ctx.dialect;
    const p = new Params();
    const cohort = cohortTable(ctx);
    const asOf = () => d.date(p.add(ctx.asOf));
    const dimCols = ctx.used.map((x) => `c.d_${x}`);
    const sql = [
      `WITH ${cohort.cte},`,
      `k AS (SELECT registration_id, min(contact_on) AS t1 FROM contacts WHERE kind = ${p.add('first_personal_service')} AND contact_on <= ${asOf()} GROUP BY registration_id),`,
      `a AS (SELECT registration_id, min(started_on) AS t2, max(ended_on) AS last_end,`,
      `    bool_or(ended_on IS NULL OR ended_on > ${asOf()}) AS open_action`,
      `  FROM actions WHERE started_on <= ${asOf()} GROUP BY registration_id)`,
      // Dates as ISO text: the same values, read into JavaScript faster than DATE (many rows).
      `SELECT ${['c.period', `${d.text('c.t0')} AS t0`, `${d.text('CASE WHEN k.t1 >= c.t0 THEN k.t1 END')} AS t1`, `${d.text('a.t2')} AS t2`, `${d.text('CASE WHEN c.t4 IS NOT NULL AND NOT a.open_action THEN a.last_end END')} AS t3`, `${d.text('c.t4')} AS t4`, ...dimCols].join(', ')}`,
      `FROM c LEFT JOIN k ON k.registration_id = c.registration_id LEFT JOIN a ON a.registration_id = c.registration_id`,
    ].join('\n');
    return [cohort.statement, { name: 'members', sql, params: p.values }];
  },
  async evaluate(ctx, qp, run) {
    const rows = await run(statementNamed(qp, 'members'));
    const ind = ctx.ind as Duration;
    const cells: CellDraft[] = [];
    for (const [period, group] of groupBy(rows, (r) => String(r.period)))
      for (const set of ctx.sets) {
        const dims = [...ctx.fixed, ...set];
        for (const [, members] of groupBy(group, (r) =>
          dims.map((x) => String(r[`d_${x}`])).join('|'),
        )) {
          const breakdown = Object.fromEntries(dims.map((x) => [x, String(members[0]![`d_${x}`])]));
          for (const seg of ind.segments)
            cells.push(...segmentCells(ctx, ind, seg, members, { period, breakdown }));
        }
      }
    return cells;
  },
};

function segmentCells(
  ctx: KindContext,
  ind: Duration,
  seg: Segment,
  members: Row[],
  at: { period: string; breakdown: Record<string, string> },
): CellDraft[] {
  const [from, to] = SEGMENTS[seg];
  const times: number[] = [];
  const events: boolean[] = [];
  for (const m of members) {
    const a = m[from] as string | null;
    if (!a) continue;
    const b = m[to] as string | null;
    const end = b ?? (m.t4 as string | null) ?? ctx.asOf; // left without reaching it: censored at exit
    times.push(Math.max(0, daysBetween(a, end)));
    events.push(b !== null && b !== undefined);
  }
  const n = times.length;
  const open = events.filter((e) => !e).length;
  const base = { ...periodMeta(ctx, at.period), cohort: at.period, breakdown: at.breakdown };
  const out: CellDraft[] = [{ ...base, measure: `${seg}.open`, value: open, n, status: 'ok' }];
  for (const est of ind.estimators) {
    const q =
      est === 'km'
        ? kmQuantiles(times, events, PS)
        : plainQuantiles(
            times.filter((_, i) => events[i]),
            PS,
          );
    const finished = n - open;
    STAT.forEach((s, i) =>
      out.push({
        ...base,
        measure: `${seg}.${s}`,
        variant: est,
        value: q[i] ?? null,
        n: est === 'km' ? n : finished,
        status: q[i] === null || q[i] === undefined ? 'no-data' : 'ok',
      }),
    );
  }
  return out;
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const l = m.get(k);
    if (l) l.push(x);
    else m.set(k, [x]);
  }
  return m;
}
