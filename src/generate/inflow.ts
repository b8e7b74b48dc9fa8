import { addMonths, daysInMonth } from '../shared/index.js';

/** Population groups of the model (internal; the contract has no such column). */
export const GROUPS = ['asylum', 'tg_other', 'mig', 'eu', 'be'] as const;
export type Group = (typeof GROUPS)[number];

/**
 * Share of each group among persons. `asylum` and `tg_other` form the target group (Dutch-language
 * deficit and migration background); `mig` has a migration background but speaks Dutch.
 * Tuned so that the target group has about 28,000 registrations a year in 2015–2017 at 1,000,000.
 */
export const GROUP_SHARES: Record<Group, number> = {
  asylum: 0.088,
  tg_other: 0.157,
  mig: 0.16,
  eu: 0.075,
  be: 0.52,
};

/** Seasonality of inflow: peak in July (school leavers), a smaller one in January and September. */
export const SEASON = [
  1.12, 0.95, 0.95, 0.92, 0.9, 0.98, 1.4, 1.1, 1.12, 0.92, 0.86, 0.78,
] as const;

/** Relative inflow level of a group in a month (1 = the 2014 level). */
export function level(group: Group, y: number, m: number): number {
  const stepUp = y > 2016 || (y === 2016 && m >= 4);
  if (group === 'asylum') {
    // Registrations follow the 2015 asylum wave after the 4–6 month wait: step-up from April 2016.
    if (y < 2015) return 0.55;
    if (y === 2015) return 0.95;
    if (!stepUp) return 1.05;
    const byYear: Record<number, number> = { 2016: 2.5, 2017: 2.5, 2018: 1.5, 2019: 1.4 };
    return byYear[y] ?? (y >= 2022 ? 1.6 : 1.1);
  }
  if (group === 'tg_other') return stepUp ? (y <= 2017 ? 1.25 : 1.1) : 1;
  if (group === 'be') return y === 2020 ? 1.15 : y >= 2021 ? 0.9 : 1;
  return 1;
}

export const BINS = 4096;

/** One row per group and month: the month's share of the group's inflow as a [lo, hi) interval. */
export interface InflowMonth {
  grp: Group;
  month_start: string;
  days: number;
  lo: number;
  hi: number;
}

/** The monthly inflow distribution over the period, per group, as cumulative intervals. */
export function inflowMonths(from: string, to: string): InflowMonth[] {
  const months: { start: string; y: number; m: number; days: number }[] = [];
  for (let d = from.slice(0, 8) + '01'; d <= to; d = addMonths(d, 1)) {
    const y = Number(d.slice(0, 4));
    const m = Number(d.slice(5, 7));
    const first = d < from ? from : d;
    const lastDay = `${d.slice(0, 8)}${String(daysInMonth(y, m)).padStart(2, '0')}`;
    const last = lastDay > to ? to : lastDay;
    const days = Number(last.slice(8)) - Number(first.slice(8)) + 1;
    months.push({ start: first, y, m, days });
  }
  const out: InflowMonth[] = [];
  for (const grp of GROUPS) {
    const w = months.map((mo) => level(grp, mo.y, mo.m) * SEASON[mo.m - 1]! * mo.days);
    const total = w.reduce((a, b) => a + b, 0);
    let acc = 0;
    months.forEach((mo, k) => {
      const lo = acc / total;
      acc += w[k]!;
      out.push({
        grp,
        month_start: mo.start,
        days: mo.days,
        lo,
        hi: k === months.length - 1 ? 1.0001 : acc / total,
      });
    });
  }
  return out;
}

/** SQL building `g_inflow(grp, bin, month_start, days)`: the month a uniform number's bin falls in. */
export function inflowSql(from: string, to: string): string {
  const rows = inflowMonths(from, to)
    .map((r) => `('${r.grp}', DATE '${r.month_start}', ${r.days}, ${r.lo}, ${r.hi})`)
    .join(',');
  return `CREATE OR REPLACE TEMP TABLE g_month (grp VARCHAR, month_start DATE, days INTEGER, lo DOUBLE, hi DOUBLE);
INSERT INTO g_month VALUES ${rows};
CREATE OR REPLACE TEMP TABLE g_inflow AS
SELECT m.grp, CAST(b.range AS INTEGER) AS bin, m.month_start, m.days
FROM g_month m JOIN range(${BINS}) b ON (b.range + 0.5) / ${BINS} >= m.lo AND (b.range + 0.5) / ${BINS} < m.hi;
DROP TABLE g_month;`;
}
