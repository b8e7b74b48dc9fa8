import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../src/generate/index.js';
import { parsePlan, type Plan } from '../src/plan/index.js';
import { openStore, type Engine } from '../src/store/index.js';
import { compute, explain } from '../src/compute/index.js';

const dir = mkdtempSync(join(tmpdir(), 'idw-inject-'));
let engine: Engine;
beforeAll(async () => {
  engine = await openStore(':memory:');
  await generate(engine, { persons: 300, seed: 3 });
}, 120_000);
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

const PLAN = parsePlan(
  `plan: { id: p, title: { nl: a, en: a }, organisation: o, period: { from: '2016-01-01', to: '2018-12-31' }, source: s }
objectives:
  - { id: SD1, level: strategic, text: { nl: a, en: a }, short: { nl: a, en: a } }
results:
  - { id: SD1.A, objective: SD1, text: { nl: a, en: a }, short: { nl: a, en: a }, status: defined, indicators: [reach] }
  - { id: SD1.B, objective: SD1, text: { nl: a, en: a }, short: { nl: a, en: a }, status: defined, indicators: [stock] }
dimensions:
  sex: { title: { nl: s, en: s }, column: persons.sex }
indicators:
  - { id: reach, kind: sum, table: campaigns, date: started_on, measure: potential_reach, title: { nl: a, en: a }, definition: { nl: a, en: a } }
  - { id: stock, kind: count, of: stock, breakdowns: [[sex]], title: { nl: a, en: a }, definition: { nl: a, en: a } }
`,
  'p.yaml',
);

/** The plan with one field of the `reach` indicator replaced, as if the loader had been bypassed. */
function withReach(field: 'date' | 'measure', value: string): Plan {
  return {
    ...PLAN,
    indicators: PLAN.indicators.map((i) => (i.id === 'reach' ? { ...i, [field]: value } : i)),
  } as Plan;
}

describe('a plan object that bypassed the loader', () => {
  it('still cannot paste a date or measure into SQL, read a file or drop a table', async () => {
    const out = join(dir, 'passwd.csv');
    const attacks = [
      withReach(
        'date',
        `started_on) AS d FROM campaigns; COPY (SELECT content FROM read_text('/etc/passwd')) TO '${out}'; SELECT min(started_on`,
      ),
      withReach(
        'date',
        'started_on) AS d FROM campaigns; DROP TABLE employment_spells; SELECT min(started_on',
      ),
      withReach('measure', `potential_reach * 0 + (SELECT count(*) FROM read_csv('/etc/passwd'))`),
    ];
    for (const plan of attacks) {
      await expect(compute(engine, plan, { asOf: '2018-12-31' })).rejects.toThrow(
        /not a contract identifier/,
      );
      await expect(explain(engine, plan, 'SD1.A', { asOf: '2018-12-31' })).rejects.toThrow();
    }
    expect(existsSync(out)).toBe(false);
    expect(await engine.query('SELECT count(*) > 0 AS ok FROM employment_spells')).toEqual([
      { ok: true },
    ]);
  });

  it('cannot smuggle SQL through a dimension name', async () => {
    const evil = 'sex, 1) AS x FROM persons; DROP TABLE persons; --';
    const plan = {
      ...PLAN,
      dimensions: { [evil]: PLAN.dimensions.sex! },
      indicators: PLAN.indicators.map((i) =>
        i.id === 'stock' ? { ...i, breakdowns: [[evil]] } : i,
      ),
    } as Plan;
    await expect(compute(engine, plan, { asOf: '2018-12-31' })).rejects.toThrow(
      /not a contract identifier/,
    );
    expect(await engine.query('SELECT count(*) > 0 AS ok FROM persons')).toEqual([{ ok: true }]);
  });
});

describe('a cut-off date before any data', () => {
  it('gives no periods and no invalid SQL, for every kind in the plan', async () => {
    const rs = await compute(engine, PLAN, { asOf: '2010-01-01', grains: ['year', 'quarter'] });
    expect(rs.cells).toEqual([]);
    expect(rs.asOf).toBe('2010-01-01');
  });
});
