import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../plan/index.js';
import { addMonths, fromEpochDay, toEpochDay } from '../shared/index.js';
import { compute, cellKey, type ResultCell } from './index.js';
import { randomData, storeWith } from './testing/random-store.js';

// Every cohort indicator kind, with minimum job lengths that make "settled" differ from "the
// horizon day has passed".
const PLAN = parsePlan(
  `
plan: { id: t, title: { nl: t, en: t }, organisation: o, period: { from: '2016-01-01', to: '2018-12-31' }, source: s }
objectives:
  - { id: SD1, level: strategic, text: { nl: a, en: a }, short: { nl: a, en: a } }
results:
  - { id: SD1.A, objective: SD1, text: { nl: a, en: a }, short: { nl: a, en: a }, status: defined, indicators: [outflow, flow, inflow] }
populations:
  all: { title: { nl: d, en: d }, definition: { nl: d, en: d }, where: [{ column: registrations.region, in: [ant, ovl, bru] }] }
dimensions:
  sex: { title: { nl: s, en: s }, column: persons.sex }
indicators:
  - id: outflow
    kind: cohort-outflow
    population: all
    horizons: [6, 12, 18]
    variants: [{ type: at-work }, { type: found-work }, { type: found-work, min_days: 28 }, { type: found-work, min_days: 90 }, { type: durable, k: 6 }]
    title: { nl: a, en: a }
    definition: { nl: a, en: a }
    breakdowns: [[sex]]
  - { id: flow, kind: flow, population: all, horizons: [6], action_types: [technical_screening, ibo], title: { nl: a, en: a }, definition: { nl: a, en: a } }
  - { id: inflow, kind: count, of: inflow, population: all, title: { nl: a, en: a }, definition: { nl: a, en: a }, breakdowns: [[sex]] }
`,
  'settled.yaml',
);

/** Cells that claim to be final: `ok` and not cut short by the cut-off date. */
const settled = (cells: readonly ResultCell[]) =>
  new Map(cells.filter((c) => c.status === 'ok' && !c.through).map((c) => [cellKey(c), c]));

describe('settled means settled', () => {
  it('on any store, every ok cell at a cut-off A equals the same cell at any later cut-off B', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 30 }),
        async (seed, a, gap) => {
          const data = randomData(seed, 40);
          const engine = await storeWith(data);
          try {
            // A between 2016-01 and 2019-05 on any day; B 1 to 30 months later, any day.
            const A = fromEpochDay(toEpochDay(addMonths('2016-01-16', a)) + (seed % 31) - 15);
            const B = fromEpochDay(toEpochDay(addMonths(A, gap)) + (seed % 7) - 3);
            const [ra, rb] = [
              await compute(engine, PLAN, { asOf: A, grains: ['year', 'quarter'] }),
              await compute(engine, PLAN, { asOf: B, grains: ['year', 'quarter'] }),
            ];
            const later = settled(rb.cells);
            for (const [k, c] of settled(ra.cells)) {
              const b = later.get(k);
              expect(b, `${k} at ${A} is ok, missing at ${B}`).toBeDefined();
              expect([b!.value, b!.numerator, b!.denominator], `${k}: ${A} → ${B}`).toEqual([
                c.value,
                c.numerator,
                c.denominator,
              ]);
            }
          } finally {
            await engine.close();
          }
        },
      ),
      { numRuns: 6, seed: 20261203 },
    );
  }, 120_000);
});
