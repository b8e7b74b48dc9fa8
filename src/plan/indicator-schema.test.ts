import { describe, expect, it } from 'vitest';
import { IdwError } from '../shared/index.js';
import { isPersonal, nonPersonalIndicators, parsePlan } from './index.js';

const head = `
plan: { id: p, title: { nl: a, en: a }, organisation: o, period: { from: '2020-01-01', to: '2021-01-01' }, source: s }
objectives:
  - { id: SD1, level: strategic, text: { nl: a, en: a }, short: { nl: a, en: a } }
results:
  - { id: SD1.A, objective: SD1, text: { nl: a, en: a }, short: { nl: a, en: a }, status: defined, indicators: [x] }
indicators:
  - id: x
    title: { nl: a, en: a }
    definition: { nl: a, en: a }
`;

function problems(extra: string) {
  try {
    parsePlan(head + extra, 'p.yaml');
  } catch (e) {
    if (e instanceof IdwError) return e.problems.map((p) => `${p.code} ${p.location.line} ${p.en}`);
    throw e;
  }
  return [];
}

describe('kind-specific indicator fields', () => {
  it('accepts a complete definition of each kind', () => {
    expect(problems('    kind: count\n    of: inflow\n')).toEqual([]);
    expect(
      problems(
        '    kind: sum\n    table: language_coaching_hours\n    date: period_start\n    measure: hours\n',
      ),
    ).toEqual([]);
    expect(
      problems('    kind: cohort-outflow\n    variants: [{ type: found-work, min_days: 28 }]\n'),
    ).toEqual([]);
    expect(problems('    kind: flow\n    action_types: [ibo]\n')).toEqual([]);
    expect(problems('    kind: manual\n    result_id: SD1.A\n')).toEqual([]);
  });

  it('rejects a missing or wrong kind-specific field, with its line', () => {
    const [p1] = problems('    kind: count\n    of: events\n');
    expect(p1).toMatch(/^PLAN_SCHEMA \d+ .*'of: events' needs 'table' and 'date'/);
    expect(problems('    kind: count\n    of: everything\n')[0]).toMatch(/PLAN_SCHEMA 12 .*of/);
    expect(
      problems('    kind: sum\n    table: no_such_table\n    date: d\n    measure: m\n')[0],
    ).toMatch(/not a table of the data contract/);
    expect(problems('    kind: cohort-outflow\n    variants: [{ type: employed }]\n')[0]).toMatch(
      /type/,
    );
    expect(problems('    kind: cohort-outflow\n    horizons: [0]\n')[0]).toMatch(/horizons/);
    expect(problems('    kind: flow\n    action_types: [dancing]\n')[0]).toMatch(/action_types/);
    expect(problems('    kind: manual\n')[0]).toMatch(/result_id/);
  });

  it('rejects fields that belong to another kind, and columns outside the contract', () => {
    expect(problems('    kind: count\n    of: inflow\n    horizons: [6]\n')[0]).toMatch(/horizons/);
    expect(
      problems(
        '    kind: count\n    of: inflow\n    where: [{ column: persons.shoe_size, equals: 42 }]\n',
      )[0],
    ).toMatch(/not a column of the data contract/);
    expect(
      problems(
        '    kind: count\n    of: inflow\n    where: [{ column: persons.sex, equals: M, in: [F] }]\n',
      )[0],
    ).toMatch(/exactly one of equals, in, not_null/);
  });

  it('rejects unknown populations and dimensions', () => {
    expect(problems('    kind: count\n    of: inflow\n    population: nobody\n')[0]).toMatch(
      /PLAN_SCHEMA 13 .*unknown population 'nobody'/,
    );
    expect(problems('    kind: count\n    of: inflow\n    breakdowns: [[shoe_size]]\n')[0]).toMatch(
      /unknown dimension 'shoe_size'/,
    );
  });
});

describe('personal or not is part of the indicator definition', () => {
  const find = (yaml: string) => {
    const plan = parsePlan(head + yaml, 'p.yaml');
    return plan.indicators[0]!;
  };
  it('derives it from the data contract: person-level tables count persons, others do not', () => {
    expect(isPersonal(find('    kind: count\n    of: inflow\n'))).toBe(true);
    expect(isPersonal(find('    kind: flow\n    action_types: [ibo]\n'))).toBe(true);
    expect(
      isPersonal(
        find('    kind: count\n    of: events\n    table: actions\n    date: started_on\n'),
      ),
    ).toBe(true);
    expect(
      isPersonal(
        find(
          '    kind: sum\n    table: campaigns\n    date: started_on\n    measure: potential_reach\n',
        ),
      ),
    ).toBe(false);
    expect(isPersonal(find('    kind: manual\n    result_id: SD1.A\n'))).toBe(false);
  });

  it("lets the plan add protection (persons' events without a person id) whatever the unit", () => {
    const ind = find(
      '    kind: count\n    of: events\n    table: interpreter_sessions\n    date: session_on\n    unit: sessions\n    personal: true\n',
    );
    expect(isPersonal(ind)).toBe(true);
    expect(nonPersonalIndicators([ind]).size).toBe(0);
  });

  it('refuses personal: false on an indicator over a person-level table', () => {
    expect(problems('    kind: count\n    of: inflow\n    personal: false\n')).toEqual([
      expect.stringMatching(/^PLAN_SCHEMA \d+ .*personal: false/),
    ]);
    expect(
      problems(
        '    kind: count\n    of: events\n    table: actions\n    date: started_on\n    personal: false\n',
      ),
    ).toHaveLength(1);
    expect(
      problems(
        '    kind: count\n    of: events\n    table: partner_agreements\n    date: signed_on\n    personal: false\n',
      ),
    ).toEqual([]);
  });
});
