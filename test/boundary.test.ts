import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkRequester,
  computeProtected,
  explainProtected,
  type AccessContext,
} from '../src/pipeline.js';
import { generate } from '../src/generate/index.js';
import { parsePlan } from '../src/plan/index.js';
import { DEMO_AUDIT_KEY, loadAccess, readAudit } from '../src/protect/index.js';
import { IdwError } from '../src/shared/index.js';
import { openStore, type Engine } from '../src/store/index.js';

const root = new URL('../', import.meta.url).pathname;
let engine: Engine;
let who: (role: string, authorisation?: string) => AccessContext;
beforeAll(async () => {
  engine = await openStore(':memory:');
  await generate(engine, { persons: 400, seed: 5 });
  const access = await loadAccess(`${root}config/access.yaml`);
  let t = Date.UTC(2019, 0, 1);
  who = (role, authorisation) => ({
    access,
    role,
    ...(authorisation ? { authorisation } : {}),
    actor: 'tester',
    now: () => new Date((t += 1000)),
    auditKey: DEMO_AUDIT_KEY,
  });
}, 120_000);
afterAll(() => engine.close());

/** One indicator per residence status would be the attack; one filtered indicator shows the rule. */
const PLAN = parsePlan(
  `plan: { id: p, title: { nl: a, en: a }, organisation: o, period: { from: '2016-01-01', to: '2018-12-31' }, source: s }
objectives:
  - { id: SD1, level: strategic, text: { nl: a, en: a }, short: { nl: a, en: a } }
results:
  - { id: SD1.A, objective: SD1, text: { nl: a, en: a }, short: { nl: a, en: a }, status: defined, indicators: [asylum] }
dimensions:
  sex: { title: { nl: s, en: s }, column: persons.sex }
  residence_status: { title: { nl: r, en: r }, column: residence_status_spells.status }
indicators:
  - id: asylum
    kind: count
    of: inflow
    where: [{ column: residence_status_spells.status, equals: asylum_seeker }]
    breakdowns: [[sex], [residence_status]]
    title: { nl: a, en: a }
    definition: { nl: a, en: a }
`,
  'p.yaml',
);

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof IdwError) return [e.code, e.exitCode];
    throw e;
  }
  return undefined;
};

describe('the access boundary', () => {
  it('refuses an unknown role or authorisation as wrong use, before anything runs', () => {
    expect(codeOf(() => checkRequester(who('admin')))).toEqual(['PROTECT_UNKNOWN_ROLE', 2]);
    expect(codeOf(() => checkRequester(who('__proto__')))).toEqual(['PROTECT_UNKNOWN_ROLE', 2]);
    expect(codeOf(() => checkRequester(who('analyst', 'PC-TYPO')))).toEqual([
      'PROTECT_UNKNOWN_AUTHORISATION',
      2,
    ]);
    expect(codeOf(() => checkRequester(who('public', 'PC-VERBLIJFSSTATUUT')))).toEqual([
      'PROTECT_AUTHORISATION_SCOPE',
      2,
    ]);
    expect(codeOf(() => checkRequester(who('analyst', 'PC-VERBLIJFSSTATUUT')))).toBeUndefined();
  });

  it('audits a filter on a special column, for every role, and leaves special breakdowns out for the public', async () => {
    const before = (await readAudit(engine)).length;
    const run = await computeProtected(
      engine,
      PLAN,
      { asOf: '2018-12-31' },
      who('public'),
      'compute',
    );
    expect(run.omitted).toEqual(['residence_status']);
    const log = await readAudit(engine);
    expect(log).toHaveLength(before + 1);
    expect(log.at(-1)).toMatchObject({
      role: 'public',
      action: 'compute',
      breakdowns: [[], ['where:residence_status_spells.status']],
    });
  });

  it('audits a refused explicit special breakdown before failing', async () => {
    const before = (await readAudit(engine)).length;
    await expect(
      computeProtected(
        engine,
        PLAN,
        { asOf: '2018-12-31', breakdowns: [['residence_status']], explicit: ['residence_status'] },
        who('analyst'),
        'compute',
      ),
    ).rejects.toMatchObject({ code: 'PROTECT_SPECIAL_NEEDS_AUTHORISATION' });
    const log = await readAudit(engine);
    expect(log).toHaveLength(before + 1);
    expect(log.at(-1)).toMatchObject({
      action: 'compute:refused',
      breakdowns: [['residence_status']],
    });
  });

  it('explain shows exactly the protected totals compute publishes, and is audited', async () => {
    const before = (await readAudit(engine)).length;
    const x = await explainProtected(engine, PLAN, 'SD1.A', { asOf: '2018-12-31' }, who('public'));
    const run = await computeProtected(
      engine,
      PLAN,
      { asOf: '2018-12-31', results: ['SD1.A'] },
      who('public'),
      'compute',
    );
    const totals = run.protected.cells.filter((c) => Object.keys(c.breakdown).length === 0);
    expect(x.indicators[0]!.totals).toEqual(totals);
    // A small total (1–4 persons) is never shown as a number to the public; a zero reveals nobody.
    for (const c of x.indicators[0]!.totals)
      if (c.value !== null && c.value !== 0) expect(c.value).toBeGreaterThanOrEqual(5);
    expect(totals.some((c) => c.value === null)).toBe(true);
    const log = await readAudit(engine);
    expect(log.slice(before).map((r) => r.action)).toEqual(['explain', 'compute']);
  });
});
