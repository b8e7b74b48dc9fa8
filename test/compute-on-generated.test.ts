import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../src/generate/index.js';
import { loadPlan, type Plan } from '../src/plan/index.js';
import { openStore, type Engine } from '../src/store/index.js';
import { compute, type ResultSet } from '../src/compute/index.js';

// A small generated store: every definable result must have a value in every year of the plan.
let engine: Engine;
let plan: Plan;
let rs: ResultSet;
beforeAll(async () => {
  engine = await openStore(':memory:');
  await generate(engine, { persons: 2000, seed: 11 });
  plan = (await loadPlan(new URL('../plans/integratie-door-werk.yaml', import.meta.url).pathname))
    .plan;
  rs = await compute(engine, plan, { breakdowns: [] });
}, 240_000);
afterAll(() => engine.close());

describe('the IDW plan on a small generated store', () => {
  it('gives every defined result a value in every year of the plan period', () => {
    const years = ['2016', '2017', '2018'];
    for (const r of plan.results.filter((x) => x.status === 'defined'))
      for (const ind of r.indicators)
        for (const y of years) {
          const cells = rs.cells.filter(
            (c) => c.result === r.id && c.indicator === ind && c.period === y,
          );
          expect(
            cells.some((c) => c.value !== null),
            `${r.id} ${ind} ${y}: ${[...new Set(cells.map((c) => c.status))].join(',')}`,
          ).toBe(true);
        }
  });

  it('reproduces the NODW / IBO-T table of the seed', () => {
    const total = (y: string, kind?: string) =>
      rs.cells.find(
        (c) =>
          c.indicator === 'coaching-hours' && c.period === y && c.breakdown.coaching_kind === kind,
      )?.value;
    expect(['2014', '2015', '2016', '2017'].map((y) => total(y))).toEqual([9833, 8590, 7273, 7991]);
  });

  it('says not-defined for SD4.A and to-explore for SD3.A in every year', () => {
    for (const [id, st] of [
      ['SD4.A', 'not-defined'],
      ['SD3.A', 'to-explore'],
    ] as const) {
      const cells = rs.cells.filter((c) => c.result === id);
      expect(cells.length).toBeGreaterThan(2);
      expect(cells.every((c) => c.status === st)).toBe(true);
    }
  });
});
