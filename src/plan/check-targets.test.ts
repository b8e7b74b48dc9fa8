import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IdwError } from '../shared/index.js';
import { parsePlan } from './index.js';

const example = readFileSync(new URL('../../plans/example-small.yaml', import.meta.url), 'utf8');

function problemsOf(text: string) {
  try {
    parsePlan(text, 'plan.yaml');
  } catch (e) {
    if (e instanceof IdwError) return e.problems;
    throw e;
  }
  throw new Error('expected the plan to be rejected');
}

/** Line (1-based) of the first line holding `needle`. */
const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('targets, benchmarks and headlines in a plan', () => {
  it('loads the example plan with its target, benchmark and headline', () => {
    const plan = parsePlan(example, 'example-small.yaml');
    const r = plan.results.find((x) => x.id === 'SD1.B')!;
    expect(r.targets[0]).toMatchObject({ value: 0.45, period: '2022', tolerance: 0.02 });
    expect(r.benchmarks[0]).toMatchObject({ value: 0.36, horizon: 12 });
    expect(r.headline).toEqual({ variant: 'at-work', horizon: 12 });
  });

  it('refuses the period 2022-13 with its own code, file, line and column, once', () => {
    const text = example.replace("period: '2022'", "period: '2022-13'");
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'PLAN_BAD_PERIOD',
      location: { file: 'plan.yaml', line: lineOf(text, "'2022-13'") },
    });
    expect(problems[0]!.location.column).toBeGreaterThan(1);
    expect(problems[0]!.nl).toContain("'2022-13' is geen periode");
  });

  it('refuses a baseline after the target and a baseline of another grain', () => {
    const after = problemsOf(example.replace("period: '2019'", "period: '2023'"));
    expect(after.map((p) => p.code)).toEqual(['PLAN_TARGET_BAD_BASELINE']);
    const grain = problemsOf(example.replace("period: '2019'", "period: '2019-Q4'"));
    expect(grain.map((p) => p.code)).toEqual(['PLAN_TARGET_BAD_BASELINE']);
  });

  it('refuses a target on a cell the indicator does not compute', () => {
    const horizon = problemsOf(
      example.replace('horizon: 12\n        value: 0.45', 'horizon: 24\n        value: 0.45'),
    );
    expect(horizon.map((p) => p.code)).toEqual(['PLAN_TARGET_BAD_CELL']);
    const variant = problemsOf(
      example.replace('headline: { variant: at-work', 'headline: { variant: durable'),
    );
    expect(variant.map((p) => p.code)).toEqual(['PLAN_TARGET_BAD_CELL']);
    const other = problemsOf(
      example.replace(
        '- variant: at-work\n        horizon: 12\n        value: 0.36',
        '- indicator: inflow\n        value: 0.36',
      ),
    );
    expect(other.map((p) => p.code)).toEqual(['PLAN_TARGET_BAD_INDICATOR']);
  });
});
