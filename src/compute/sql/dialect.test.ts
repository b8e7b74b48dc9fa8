import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../plan/index.js';
import { addMonths, fromEpochDay, toEpochDay } from '../../shared/index.js';
import { openStore } from '../../store/index.js';
import { specialDimensions } from '../model.js';
import { dialectFor, monthTimeSql } from './index.js';

describe('the DuckDB dialect', () => {
  it('adds calendar months exactly like addMonths (month ends clamped, leap years)', async () => {
    const engine = await openStore(':memory:');
    const d = dialectFor('duckdb');
    try {
      const days: string[] = [];
      // Every day of 2015–2016 (incl. 29 February 2016) plus the last days of every month to 2020.
      for (let t = toEpochDay('2015-01-01'); t <= toEpochDay('2016-12-31'); t++)
        days.push(fromEpochDay(t));
      for (let m = 0; m < 72; m++)
        days.push(fromEpochDay(toEpochDay(addMonths('2015-02-01', m)) - 1));
      const months = [1, 6, 12, 18, 24, 30, 36];
      const rows = await engine.query<{ d: string; m: number; r: string }>(
        `SELECT d, m, ${d.addMonths('CAST(d AS DATE)', 'm')} AS r FROM unnest(CAST($1 AS VARCHAR[])) t(d), unnest(CAST($2 AS INTEGER[])) u(m)`,
        [`[${days.join(',')}]`, `[${months.join(',')}]`],
      );
      expect(rows).toHaveLength(days.length * months.length);
      for (const r of rows) expect(r.r, `${r.d} + ${r.m}`).toBe(addMonths(r.d, r.m));
    } finally {
      await engine.close();
    }
  });
});

describe('month time in SQL', () => {
  it('equals monthTime number for number (month ends, leap years, same day, long spans)', async () => {
    const { monthTime } = await import('../kinds/cohort-outflow.js');
    const engine = await openStore(':memory:');
    const d = dialectFor('duckdb');
    try {
      const starts: string[] = [];
      for (let t = toEpochDay('2015-01-01'); t <= toEpochDay('2016-12-31'); t += 3)
        starts.push(fromEpochDay(t));
      for (let m = 0; m < 24; m++)
        starts.push(fromEpochDay(toEpochDay(addMonths('2015-02-01', m)) - 1));
      const offsets = [
        0, 1, 2, 27, 28, 29, 30, 31, 58, 59, 60, 61, 89, 180, 181, 364, 365, 366, 800, 1500,
      ];
      const rows = await engine.query<{ t0: string; x: string; m: number }>(
        `SELECT t0, x, ${monthTimeSql(d, 't0', 'x')} AS m FROM (SELECT CAST(s AS DATE) AS t0, CAST(s AS DATE) + CAST(o AS INTEGER) AS x FROM unnest(CAST($1 AS VARCHAR[])) a(s), unnest(CAST($2 AS INTEGER[])) b(o))`,
        [`[${starts.join(',')}]`, `[${offsets.join(',')}]`],
      );
      expect(rows).toHaveLength(starts.length * offsets.length);
      for (const r of rows) expect(r.m, `${r.t0} → ${r.x}`).toBe(monthTime(r.t0, r.x));
    } finally {
      await engine.close();
    }
  });
});

describe('special dimensions', () => {
  it('are the plan dimensions that read a special contract column', async () => {
    const { plan } = await loadPlan(
      new URL('../../../plans/integratie-door-werk.yaml', import.meta.url).pathname,
    );
    expect(specialDimensions(plan).sort()).toEqual(
      ['migration_background', 'origin_group', 'residence_status', 'work_access'].sort(),
    );
  });
});
