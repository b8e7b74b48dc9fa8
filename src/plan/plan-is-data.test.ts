import { describe, expect, it } from 'vitest';
import { IdwError, type Problem } from '../shared/index.js';
import { parsePlan } from './index.js';

/** A small valid plan; each test swaps one line for a hostile or mistaken one. */
const PLAN = `plan: { id: p, title: { nl: a, en: a }, organisation: o, period: { from: '2016-01-01', to: '2018-12-31' }, source: s }
objectives:
  - { id: SD1, level: strategic, text: { nl: a, en: a }, short: { nl: a, en: a } }
results:
  - { id: SD1.A, objective: SD1, text: { nl: a, en: a }, short: { nl: a, en: a }, status: defined, indicators: [reach, inflow, coached] }
dimensions:
  sex: { title: { nl: s, en: s }, column: persons.sex }
  age_band: { title: { nl: a, en: a }, column: persons.birth_year, age_bands: [{ code: '<25', to: 24 }, { code: 25-49, from: 25, to: 49 }, { code: 50+, from: 50 }] }
indicators:
  - id: reach
    kind: sum
    table: campaigns
    date: started_on
    measure: potential_reach
    title: { nl: a, en: a }
    definition: { nl: a, en: a }
  - id: inflow
    kind: count
    of: inflow
    where: [{ column: registrations.category, equals: young_school_leaver }]
    breakdowns: [[sex]]
    title: { nl: a, en: a }
    definition: { nl: a, en: a }
  - id: coached
    kind: count
    of: inflow
    where: [{ dimension: age_band, in: ['<25'] }]
    title: { nl: a, en: a }
    definition: { nl: a, en: a }
`;

function problemsOf(text: string): readonly Problem[] {
  try {
    parsePlan(text, 'hostile.yaml');
  } catch (e) {
    if (e instanceof IdwError) return e.problems;
    throw e;
  }
  throw new Error('expected the plan to be refused');
}

/** The plan with `from` replaced by `to` (the line must exist once). */
function swap(from: string, to: string): string {
  expect(PLAN.split(from).length, from).toBe(2);
  return PLAN.replace(from, to);
}

/** The one problem of the plan: its code and line; and both languages are filled. */
function only(text: string) {
  const ps = problemsOf(text);
  expect(ps.map((p) => p.code)).toHaveLength(1);
  const p = ps[0]!;
  expect(p.location.file).toBe('hostile.yaml');
  expect(p.nl.length).toBeGreaterThan(10);
  expect(p.en.length).toBeGreaterThan(10);
  return { code: p.code, line: p.location.line, column: p.location.column };
}

const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('a plan is data, never code', () => {
  it('accepts the valid plan the tests start from', () => {
    expect(parsePlan(PLAN, 'ok.yaml').indicators).toHaveLength(3);
  });

  it.each([
    [
      'COPY … TO read_text',
      `started_on) AS d FROM campaigns; COPY (SELECT content FROM read_text('/etc/passwd')) TO 'x.csv'; SELECT min(started_on`,
    ],
    [
      'DROP TABLE',
      'started_on) AS d FROM campaigns; DROP TABLE employment_spells; DELETE FROM audit_log; SELECT min(started_on',
    ],
    ['a typo', 'startd_on'],
  ])('refuses a date that is not a column of the table (%s), at its line', (_, date) => {
    const text = swap('    date: started_on', `    date: ${JSON.stringify(date)}`);
    expect(only(text)).toEqual({
      code: 'PLAN_UNKNOWN_COLUMN',
      line: lineOf(text, '    date: '),
      column: 11,
    });
  });

  it('refuses a text column as the date (the type comes from the contract)', () => {
    expect(only(swap('    date: started_on', '    date: title')).code).toBe('PLAN_DATE_NOT_DATE');
  });

  it('refuses a measure that is an expression, a sub-query or a text column', () => {
    for (const measure of [
      `potential_reach * 0 + (SELECT count(*) FROM read_csv('/etc/passwd'))`,
      'potential_reach + 1',
      'potential_reach; DROP TABLE persons',
    ])
      expect(
        only(swap('    measure: potential_reach', `    measure: ${JSON.stringify(measure)}`)).code,
      ).toBe('PLAN_UNKNOWN_COLUMN');
    expect(only(swap('    measure: potential_reach', '    measure: title')).code).toBe(
      'PLAN_MEASURE_NOT_NUMBER',
    );
  });

  it('refuses a dimension name that is not a plain name (it becomes an SQL alias)', () => {
    const text = swap('  sex: {', '  "sex, 1); DROP TABLE persons; --": {').replace(
      'breakdowns: [[sex]]',
      'breakdowns: [["sex, 1); DROP TABLE persons; --"]]',
    );
    expect(problemsOf(text).map((p) => p.code)).toEqual(['PLAN_BAD_DIMENSION_NAME']);
  });

  it('refuses a code that is not in the code list, in a filter and in an age-band filter', () => {
    expect(only(swap('equals: young_school_leaver', 'equals: young_schoolleaver')).code).toBe(
      'PLAN_UNKNOWN_CODE',
    );
    expect(only(swap(`in: ['<25']`, `in: ['18 - 20']`)).code).toBe('PLAN_UNKNOWN_CODE');
    // A number where the column holds codes.
    expect(only(swap('equals: young_school_leaver', 'equals: 3')).code).toBe('PLAN_BAD_VALUE_TYPE');
  });

  it('refuses an age band with a malformed code, one that ends before it starts, and overlapping bands', () => {
    // The band's code is refused (and the filter on '<25' then names no band).
    expect(
      problemsOf(swap(`{ code: '<25', to: 24 }`, `{ code: '18 - 20', from: 18, to: 20 }`)).map(
        (p) => p.code,
      ),
    ).toContain('PLAN_BAD_AGE_BAND');
    expect(
      only(swap('{ code: 25-49, from: 25, to: 49 }', '{ code: 25-49, from: 49, to: 25 }')).code,
    ).toBe('PLAN_BAD_AGE_BAND');
    expect(only(swap('{ code: 50+, from: 50 }', '{ code: 50+, from: 45 }')).code).toBe(
      'PLAN_AGE_BANDS_OVERLAP',
    );
  });

  it('refuses a plan period that ends before it starts, or is not a date', () => {
    expect(only(swap(`to: '2018-12-31'`, `to: '2015-12-31'`)).code).toBe('PLAN_BAD_PLAN_PERIOD');
    expect(only(swap(`to: '2018-12-31'`, `to: '2018-13-01'`)).code).toBe('PLAN_BAD_PLAN_PERIOD');
  });

  it('refuses manual values of a result that is not in the plan', () => {
    const text = PLAN.replace(
      'indicators: [reach, inflow, coached]',
      'indicators: [reach, inflow, coached, m]',
    ).concat(
      `  - { id: m, kind: manual, result_id: SD9.Z, title: { nl: a, en: a }, definition: { nl: a, en: a } }\n`,
    );
    expect(only(text).code).toBe('PLAN_UNKNOWN_MANUAL_RESULT');
  });

  it('refuses a free-text column and an identifying column as a breakdown', () => {
    const add = (col: string) =>
      PLAN.replace(
        'dimensions:\n',
        `dimensions:\n  x: { title: { nl: x, en: x }, column: ${col} }\n`,
      );
    expect(only(add('campaigns.title'))).toMatchObject({ code: 'PLAN_DIMENSION_NOT_ALLOWED' });
    expect(only(add('persons.person_id'))).toMatchObject({ code: 'PLAN_DIMENSION_NOT_ALLOWED' });
    expect(only(add('registrations.registration_id'))).toMatchObject({
      code: 'PLAN_DIMENSION_NOT_ALLOWED',
    });
  });

  it('refuses a filter on an identifying column (it would single a person out)', () => {
    const text = swap(
      '{ column: registrations.category, equals: young_school_leaver }',
      `{ column: persons.person_id, equals: 'P-0001' }`,
    );
    expect(only(text).code).toBe('PLAN_IDENTIFYING_CONDITION');
  });

  it('refuses a billion-laughs document with the file, a line and a code', () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const text = `${levels.join('\n')}\n${PLAN}`;
    const started = Date.now();
    const ps = problemsOf(text);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({
      code: 'PLAN_YAML_ALIASES',
      location: { file: 'hostile.yaml', line: 2 },
    });
  });

  it('keeps control characters and long values out of messages', () => {
    const ps = problemsOf(
      swap('    date: started_on', `    date: "x\\u001b[31m${'y'.repeat(500)}"`),
    );
    expect(ps[0]!.en.includes('\u001b')).toBe(false);
    expect(ps[0]!.en.length).toBeLessThan(200);
  });
});
