import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../plan/index.js';
import { addMonths, fromEpochDay, toEpochDay } from '../shared/index.js';
import type { Engine } from '../store/index.js';
import { cellKey, compute, type ResultCell } from './index.js';
import { randomData, storeWith } from './testing/random-store.js';

// Every kind, series of hours delivered per period and a manual value.
const PLAN = parsePlan(
  `
plan: { id: t, title: { nl: t, en: t }, organisation: o, period: { from: '2016-01-01', to: '2018-12-31' }, source: s }
objectives:
  - { id: SD1, level: strategic, text: { nl: a, en: a }, short: { nl: a, en: a } }
results:
  - { id: SD1.A, objective: SD1, text: { nl: a, en: a }, short: { nl: a, en: a }, status: defined,
      indicators: [inflow, stock, screenings, hours, outflow, flow, duration, impact, campaigns] }
populations:
  tg: { title: { nl: d, en: d }, definition: { nl: d, en: d }, where: [{ column: registrations.dutch_language_deficit, equals: true }] }
dimensions:
  sex: { title: { nl: s, en: s }, column: persons.sex }
  residence_status: { title: { nl: r, en: r }, column: residence_status_spells.status }
  coaching_kind: { title: { nl: k, en: k }, column: language_coaching_hours.kind }
indicators:
  - { id: inflow, kind: count, of: inflow, population: tg, title: { nl: a, en: a }, definition: { nl: a, en: a }, breakdowns: [[sex]] }
  - { id: stock, kind: count, of: stock, population: tg, residence_at: reference, title: { nl: a, en: a }, definition: { nl: a, en: a }, breakdowns: [[residence_status]] }
  - { id: screenings, kind: count, of: events, table: actions, date: started_on, population: tg, title: { nl: a, en: a }, definition: { nl: a, en: a } }
  - { id: campaigns, kind: count, of: events, table: campaigns, date: started_on, title: { nl: a, en: a }, definition: { nl: a, en: a } }
  - { id: hours, kind: sum, table: language_coaching_hours, date: period_start, measure: hours, title: { nl: a, en: a }, definition: { nl: a, en: a }, breakdowns: [[coaching_kind]] }
  - { id: outflow, kind: cohort-outflow, population: tg, horizons: [6, 12], variants: [{ type: at-work }, { type: found-work, min_days: 28 }, { type: durable, k: 6 }], title: { nl: a, en: a }, definition: { nl: a, en: a }, breakdowns: [[sex]] }
  - { id: flow, kind: flow, population: tg, horizons: [6], action_types: [technical_screening, ibo], title: { nl: a, en: a }, definition: { nl: a, en: a } }
  - { id: duration, kind: duration, population: tg, title: { nl: a, en: a }, definition: { nl: a, en: a } }
  - { id: impact, kind: manual, result_id: SD1.A, title: { nl: a, en: a }, definition: { nl: a, en: a } }
`,
  'after-cutoff.yaml',
);

const day = (d: string, n: number) => fromEpochDay(toEpochDay(d) + n);

/** Rows dated after `asOf` in every table, for existing persons and new ones. */
async function addLaterRows(engine: Engine, asOf: string, persons: string[], k: number) {
  const later = (i: number) => day(asOf, 1 + ((i * 37 + k) % 400));
  const sql: string[] = [];
  persons.slice(0, 12).forEach((pid, i) => {
    const d = later(i);
    sql.push(
      `INSERT INTO employment_spells (spell_id, person_id, started_on, ended_on, sector) VALUES ('late-s${i}', '${pid}', DATE '${d}', NULL, 'C')`,
      `INSERT INTO contacts VALUES ('late-c${i}', '${pid}', (SELECT min(registration_id) FROM registrations WHERE person_id = '${pid}'), DATE '${d}', 'first_personal_service')`,
      `INSERT INTO actions VALUES ('late-a${i}', '${pid}', (SELECT min(registration_id) FROM registrations WHERE person_id = '${pid}'), 'technical_screening', 'vdab', DATE '${d}', NULL, 'ongoing')`,
      `INSERT INTO residence_status_spells VALUES ('${pid}', 'recognised_refugee', 'unrestricted', DATE '${d}', NULL)`,
      `INSERT INTO persons (person_id, birth_year, sex, education_level, migration_background, origin_group, nationality, first_nationality) VALUES ('late-p${i}', 1990, 'F', 'low', TRUE, 'maghreb', 'SY', 'SY')`,
      `INSERT INTO registrations VALUES ('late-r${i}', 'late-p${i}', DATE '${d}', NULL, NULL, 'other_jobseeker', TRUE, 'basic', 'ant')`,
      `INSERT INTO campaigns VALUES ('late-k${i}', 'TD2.2', 'campaign', 't', DATE '${d}', NULL, 'online', 100, NULL)`,
    );
  });
  // Hours for a period that starts before the cut-off date but ends after it, and one after it.
  const m0 = `${asOf.slice(0, 7)}-01`;
  sql.push(
    `INSERT INTO language_coaching_hours VALUES ('nodw', DATE '${m0}', DATE '${day(addMonths(m0, 1), -1) > asOf ? day(addMonths(m0, 1), -1) : day(asOf, 1)}', 999)`,
    `INSERT INTO language_coaching_hours VALUES ('ibo_t', DATE '${day(asOf, 1)}', DATE '${day(asOf, 40)}', 777)`,
    `INSERT INTO manual_values VALUES ('SD1.A', '${Number(asOf.slice(0, 4)) + 1}', 55, 'percent', 'bron', NULL)`,
    `INSERT INTO manual_values VALUES ('SD1.A', '${asOf.slice(0, 4)}', 44, 'percent', 'bron', NULL)`,
  );
  for (const s of sql) await engine.exec(s);
}

const strip = (c: ResultCell) => {
  const { provenance: _p, ...rest } = c;
  return rest;
};

describe('nothing after the cut-off date', () => {
  it('adding rows dated after the cut-off date changes no cell', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 36 }),
        async (seed, m) => {
          const data = randomData(seed, 30);
          const asOf = day(addMonths('2016-06-15', m), (seed % 29) - 14);
          const engine = await storeWith(data);
          try {
            // A manual value for a period that is over, so the manual kind has something to show.
            await engine.exec(
              `INSERT INTO manual_values VALUES ('SD1.A', '2015', 33, 'percent', 'bron', NULL)`,
            );
            const opts = { asOf, grains: ['year', 'quarter'] as ('year' | 'quarter')[] };
            const before = await compute(engine, PLAN, opts);
            await addLaterRows(
              engine,
              asOf,
              data.persons.map((p) => p.person_id),
              seed,
            );
            const after = await compute(engine, PLAN, opts);
            const a = new Map(after.cells.map((c) => [cellKey(c), strip(c)]));
            const b = new Map(before.cells.map((c) => [cellKey(c), strip(c)]));
            expect(
              [...a.keys()].filter((k) => !b.has(k)),
              `new cells at ${asOf}`,
            ).toEqual([]);
            for (const c of before.cells)
              expect(a.get(cellKey(c)), `${cellKey(c)} at ${asOf}`).toEqual(strip(c));
          } finally {
            await engine.close();
          }
        },
      ),
      { numRuns: 5, seed: 20261203 },
    );
  }, 120_000);
});
