import { describe, expect, it } from 'vitest';
import { IdwError } from '../shared/index.js';
import { loadPlan, parsePlan, planTree } from './index.js';

const plansDir = new URL('../../plans/', import.meta.url).pathname;

function problemsOf(text: string) {
  try {
    parsePlan(text, 'broken.yaml');
  } catch (e) {
    if (e instanceof IdwError) return e.problems;
    throw e;
  }
  throw new Error('expected the plan to be rejected');
}

const base = `
plan: { id: p, title: { nl: a, en: a }, organisation: o, period: { from: '2020-01-01', to: '2021-01-01' }, source: s }
objectives:
  - id: SD1
    level: strategic
    text: { nl: a, en: a }
    short: { nl: a, en: a }
`;

describe('the IDW plan', () => {
  it('has 4 strategic objectives, 10 tactical objectives and 21 results with their ids', async () => {
    const { plan } = await loadPlan(`${plansDir}integratie-door-werk.yaml`);
    const strategic = plan.objectives.filter((o) => o.level === 'strategic').map((o) => o.id);
    const tactical = plan.objectives.filter((o) => o.level === 'tactical').map((o) => o.id);
    expect(strategic).toEqual(['SD1', 'SD2', 'SD3', 'SD4']);
    expect(tactical).toEqual([
      'TD1.1',
      'TD2.1',
      'TD2.2',
      'TD3.1',
      'TD3.2',
      'TD4.1',
      'TD4.2',
      'TD4.3',
      'TD4.4',
      'TD4.5',
    ]);
    expect(plan.results.map((r) => r.id)).toEqual([
      'SD1.A',
      'SD1.B',
      'SD1.C',
      'TD1.1.A',
      'TD1.1.B',
      'TD1.1.C',
      'SD2.A',
      'SD2.B',
      'TD2.1.A',
      'TD2.2.A',
      'SD3.A',
      'TD3.1.A',
      'TD3.1.B',
      'TD3.2.A',
      'SD4.A',
      'TD4.1.A',
      'TD4.2.A',
      'TD4.3.A',
      'TD4.4.A',
      'TD4.4.B',
      'TD4.5.A',
    ]);
    const status = Object.fromEntries(plan.results.map((r) => [r.id, r.status]));
    expect(status['SD4.A']).toBe('undefined');
    expect(status['SD3.A']).toBe('to-explore');
    expect(plan.series.find((s) => s.id === 'NODW-IBOT')?.origin).toBe('question');
  });

  it('keeps the Dutch text verbatim from the seed', async () => {
    const { plan } = await loadPlan(`${plansDir}integratie-door-werk.yaml`);
    const text = (id: string) => plan.results.find((r) => r.id === id)?.text.nl;
    expect(text('SD1.B')).toBe(
      'Uitstroom naar werk op 6, 12, 18, 24, 30 maand na instroom bij VDAB.',
    );
    expect(text('TD4.4.B')).toBe('Monitoring op geïntegreerde taaltrajecten bij CVO en CBE');
  });

  it('builds the tree with tactical objectives under their strategic objective', async () => {
    const { plan } = await loadPlan(`${plansDir}integratie-door-werk.yaml`);
    const tree = planTree(plan);
    expect(tree.map((s) => [s.id, s.tactical.map((t) => t.id)])).toEqual([
      ['SD1', ['TD1.1']],
      ['SD2', ['TD2.1', 'TD2.2']],
      ['SD3', ['TD3.1', 'TD3.2']],
      ['SD4', ['TD4.1', 'TD4.2', 'TD4.3', 'TD4.4', 'TD4.5']],
    ]);
    expect(
      tree.flatMap((s) => [...s.results, ...s.tactical.flatMap((t) => t.results)]),
    ).toHaveLength(21);
  });

  it('loads the small example plan', async () => {
    const { plan } = await loadPlan(`${plansDir}example-small.yaml`);
    expect(plan.objectives).toHaveLength(2);
    expect(plan.results).toHaveLength(3);
  });
});

describe('a broken plan', () => {
  it('lists every problem at once, each with file and line', () => {
    const text = `${base}
  - id: TD1.1
    level: tactical
    parent: SD9
    text: { nl: a, en: a }
    short: { nl: a, en: a }
results:
  - id: SD1.A
    objective: SD1
    text: { nl: a, en: a }
    short: { nl: a, en: a }
    status: defined
    indicators: [x]
  - id: SD1.A
    objective: SD1
    text: { nl: a, en: a }
    short: { nl: a, en: a }
    status: defined
    indicators: [x]
  - id: SD2.A
    objective: SD2
    text: { nl: a, en: a }
    short: { nl: a, en: a }
    status: defined
    indicators: [x]
  - id: SD1.C
    text: { nl: a, en: a }
    short: { nl: a, en: a }
    status: defined
    indicators: [x]
indicators:
  - id: x
    kind: average
    title: { nl: a, en: a }
    definition: { nl: a, en: a }
`;
    const lineOf = (needle: string, nth = 0) =>
      text.split('\n').flatMap((l, i) => (l.includes(needle) ? [i + 1] : []))[nth];
    const problems = problemsOf(text);
    const codes = problems.map((p) => p.code).sort();
    expect(codes).toEqual(
      [
        'PLAN_BAD_INDICATOR_KIND',
        'PLAN_DUPLICATE_ID',
        'PLAN_RESULT_WITHOUT_OBJECTIVE',
        'PLAN_UNKNOWN_OBJECTIVE',
        'PLAN_UNKNOWN_PARENT',
      ].sort(),
    );
    for (const p of problems) {
      expect(p.location.file).toBe('broken.yaml');
      expect(p.location.line).toBeGreaterThan(0);
      expect(p.nl.length).toBeGreaterThan(0);
      expect(p.en.length).toBeGreaterThan(0);
    }
    const kind = problems.find((p) => p.code === 'PLAN_BAD_INDICATOR_KIND')!;
    expect(kind.location.line).toBe(lineOf('kind: average'));
    expect(kind.en).toContain("'average'");
    const dup = problems.find((p) => p.code === 'PLAN_DUPLICATE_ID')!;
    expect(dup.location.line).toBe(lineOf('- id: SD1.A', 1));
  });

  it('rejects a result whose status says defined without an indicator, and undefined without a reason', () => {
    const problems = problemsOf(`${base}
results:
  - id: SD1.A
    objective: SD1
    text: { nl: a, en: a }
    short: { nl: a, en: a }
    status: defined
  - id: SD1.B
    objective: SD1
    text: { nl: a, en: a }
    short: { nl: a, en: a }
    status: undefined
`);
    expect(problems.map((p) => p.code)).toEqual([
      'PLAN_STATUS_NEEDS_INDICATOR',
      'PLAN_STATUS_NEEDS_REASON',
    ]);
  });

  it('rejects bad ids and a tactical objective under the wrong parent', () => {
    const problems = problemsOf(`${base}
  - id: TD2.1
    level: tactical
    parent: SD1
    text: { nl: a, en: a }
    short: { nl: a, en: a }
  - id: SD-2
    level: strategic
    text: { nl: a, en: a }
    short: { nl: a, en: a }
results:
  - id: SD1.a
    objective: SD1
    text: { nl: a, en: a }
    short: { nl: a, en: a }
    status: to-explore
    reason: { nl: a, en: a }
`);
    expect(problems.map((p) => p.code).sort()).toEqual([
      'PLAN_BAD_OBJECTIVE_ID',
      'PLAN_PARENT_MISMATCH',
      'PLAN_SCHEMA',
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const problems = problemsOf('plan:\n  id: [unclosed\nobjectives: []\n');
    expect(problems[0]!.code).toBe('PLAN_YAML_SYNTAX');
    expect(problems[0]!.location.line).toBeGreaterThan(0);
  });

  it('says which file it could not read', async () => {
    await expect(loadPlan('/nonexistent/plan.yaml')).rejects.toMatchObject({
      code: 'PLAN_FILE_UNREADABLE',
    });
  });
});
