import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { compute } from '../src/compute/index.js';
import { generate } from '../src/generate/index.js';
import { judgeTargets } from '../src/narrate/index.js';
import { loadPlan, type Plan } from '../src/plan/index.js';
import { loadAccess, protect } from '../src/protect/index.js';
import { openStore, type Engine } from '../src/store/index.js';

// The example plan's target for SD1.B (at work 12 months after inflow, 45 % in 2022 from 38 % in
// 2019, 2 points of tolerance), judged at the end of 2021. The verdict is derived here a second
// time without the project's code: the share from plain SQL on the store, the path by hand.
const planFile = new URL('../plans/example-small.yaml', import.meta.url).pathname;
const AS_OF = '2021-12-31';
let engine: Engine;
let plan: Plan;
beforeAll(async () => {
  engine = await openStore(':memory:');
  await generate(engine, { persons: 3000, seed: 7 });
  plan = (await loadPlan(planFile)).plan;
}, 240_000);
afterAll(() => engine.close());

/** Share of newcomers registering in `year` who are at work on the day 12 months after. */
async function atWork12(year: number): Promise<number> {
  const [row] = await engine.query(`
    WITH c AS (
      SELECT r.person_id, min(r.registered_on) AS t0
      FROM registrations r JOIN persons p ON p.person_id = r.person_id
      WHERE p.migration_background
        AND r.registered_on BETWEEN DATE '${year}-01-01' AND DATE '${year}-12-31'
      GROUP BY r.person_id
    ), h AS (SELECT person_id, CAST(t0 + INTERVAL 12 MONTH AS DATE) AS hd FROM c)
    SELECT count(*) AS n, count(*) FILTER (WHERE EXISTS (
      SELECT 1 FROM employment_spells s WHERE s.person_id = h.person_id
        AND s.started_on <= h.hd AND (s.ended_on IS NULL OR s.ended_on >= h.hd))) AS hit
    FROM h`);
  return Number(row!.hit) / Number(row!.n);
}

describe('the example plan with a target', () => {
  it('gives the on-track verdict that an independent computation gives', async () => {
    const rs = await compute(engine, plan, { asOf: AS_OF, grains: ['year'] });
    const access = await loadAccess(new URL('../config/access.yaml', import.meta.url).pathname);
    const prs = protect(rs, {
      audience: 'board',
      thresholds: access.thresholds.board,
      specialDimensions: [],
    });
    const [verdict] = judgeTargets(plan, prs.cells).filter((v) => v.result === 'SD1.B');

    // Independently: the target as written in the YAML, the latest complete cohort (2020: its
    // 12 months end on or before the cut-off; 2021's do not), the straight path to 2022.
    const raw = parse(readFileSync(planFile, 'utf8')) as {
      results: { id: string; targets?: Record<string, unknown>[] }[];
    };
    const t = raw.results.find((r) => r.id === 'SD1.B')!.targets![0]! as {
      value: number;
      period: string;
      baseline: { value: number; period: string };
      tolerance: number;
    };
    const share2020 = await atWork12(2020);
    const path2020 =
      t.baseline.value +
      ((t.value - t.baseline.value) * (2020 - Number(t.baseline.period))) /
        (Number(t.period) - Number(t.baseline.period));
    const expected = share2020 >= path2020 - t.tolerance ? 'on-track' : 'off-track';

    expect(expected).toBe('on-track');
    expect(verdict).toMatchObject({ status: expected, period: '2020' });
    expect(verdict!.value).toBeCloseTo(share2020, 12);
    expect(verdict!.path).toBeCloseTo(path2020, 12);
  }, 240_000);
});
