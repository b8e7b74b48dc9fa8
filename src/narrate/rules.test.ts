import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../plan/index.js';
import type { IdwError } from '../shared/index.js';
import { narrate } from './narrate.js';
import { decimalsFor, directionOf } from './numbers.js';
import { defaultRules, parseRules } from './rules.js';
import { cell, seedCells } from './test-cells.js';

const plan = parsePlan(
  readFileSync('plans/example-small.yaml', 'utf8'),
  'plans/example-small.yaml',
);

describe('selection rules as data', () => {
  it('ships valid rules', () => {
    expect(defaultRules().stable.relative).toBe(0.01);
    expect(defaultRules().types).toContain('decomposition');
  });

  it('reports every problem of a bad rules file at once, with its path', () => {
    const bad =
      'stable: { relative: 2, points: 0.005 }\nmaxFindingsPerResult: 0\ntypes: [level, gossip]\n';
    try {
      parseRules(bad, 'my-rules.yaml');
      expect.unreachable();
    } catch (e) {
      const err = e as IdwError;
      expect(err.code).toBe('NARRATE_BAD_RULES');
      const paths = err.problems.map((p) => p.location.path);
      expect(paths).toEqual(
        expect.arrayContaining(['stable.relative', 'maxFindingsPerResult', 'types.1', 'change']),
      );
      expect(err.problems[0]!.location.file).toBe('my-rules.yaml');
    }
  });

  it('caps findings per result, keeps the listed types and the chosen pairs', () => {
    const rules = { ...defaultRules(), maxFindingsPerResult: 2 };
    expect(narrate(seedCells(), plan, { rules })).toHaveLength(2);
    const onlyLevel = { ...defaultRules(), types: ['level' as const] };
    expect(narrate(seedCells(), plan, { rules: onlyLevel }).map((f) => f.type)).toEqual(['level']);
    const previous = {
      ...defaultRules(),
      change: {
        ...defaultRules().change,
        pairs: ['previous-to-latest' as const],
        maxComparisons: 1,
      },
    };
    const d = narrate(seedCells(), plan, { rules: previous }).filter(
      (f) => f.type === 'decomposition',
    );
    expect(d.map((f) => f.text.en)).toEqual([
      expect.stringContaining(
        'between 2016 and 2017 the total rose by 718 hours, from 7,273 to 7,991, while NODW fell by 1,117 hours and IBO-T rose by 1,835 hours.',
      ),
    ]);
  });

  it('calls a change below the threshold stable, in words and without a difference', () => {
    const cells = [cell({ period: '2016', value: 1000 }), cell({ period: '2017', value: 1009 })];
    const [c] = narrate(cells, plan).filter((f) => f.type === 'change');
    expect(c!.text.nl).toBe(
      'coaching-hours: tussen 2016 en 2017 bleef de waarde stabiel, van 1.000 naar 1.009.',
    );
    const strict = { ...defaultRules(), stable: { relative: 0.005, points: 0.005 } };
    const [s] = narrate(cells, plan, { rules: strict }).filter((f) => f.type === 'change');
    expect(s!.text.en).toBe(
      'coaching-hours: between 2016 and 2017 the value rose by 9 hours (+0.9%), from 1,000 to 1,009.',
    );
  });
});

describe('rounding never changes the direction of a comparison', () => {
  it('adds decimals until the shown numbers keep the order (hand-worked cases)', () => {
    expect(decimalsFor('hours', [[10.4, 10.6]], [0.2])).toBe(1); // 10 → 11 would exaggerate nothing, but 0.2 → 0 would hide it
    expect(decimalsFor('hours', [[0.6, 1.4]], [0.8])).toBe(1); // 1 → 1 would show no change
    expect(decimalsFor('hours', [[2177, 2347]], [170])).toBe(0);
    expect(decimalsFor('share', [[0.2834, 0.2836]], [0.0002])).toBe(2); // 28,3 % → 28,4 % is fine at 1; the 0,0 difference is not
    expect(decimalsFor('share', [[0.283441, 0.283449]], [0.000008])).toBe(3); // 28,344 % → 28,345 %
  });
  it('uses points for rates and a relative threshold otherwise', () => {
    const stable = { relative: 0.01, points: 0.005 };
    expect(directionOf(0.3, 0.304, 'share', stable)).toBe('stable');
    expect(directionOf(0.3, 0.306, 'share', stable)).toBe('increase');
    expect(directionOf(100, 99.2, 'hours', stable)).toBe('stable');
    expect(directionOf(100, 98.9, 'hours', stable)).toBe('decrease');
    expect(directionOf(0, 3, 'hours', stable)).toBe('increase');
  });
  it('compares a quarter or month with the same period a year earlier, by default', () => {
    const q = ['2016-Q1', '2016-Q2', '2016-Q3', '2016-Q4', '2017-Q1'].map((period, i) =>
      cell({ period, value: [100, 300, 280, 260, 150][i]! }),
    );
    const changes = narrate(q, plan).filter((f) => f.type === 'change');
    expect(changes.map((f) => f.text.en)).toEqual([
      expect.stringContaining(
        'between the first quarter of 2016 and the first quarter of 2017 the value rose by 50 hours',
      ),
    ]);
    // Without the same period a year earlier there is nothing to compare.
    expect(narrate(q.slice(1), plan).filter((f) => f.type === 'change')).toEqual([]);
  });

  it('writes months and quarters out', () => {
    const cells = [
      cell({ period: '2016-Q3', value: 100 }),
      cell({ period: '2017-Q1', value: 150 }),
    ];
    const adjacent = {
      rules: {
        ...defaultRules(),
        change: { ...defaultRules().change, subYearPairs: ['previous-to-latest' as const] },
      },
    };
    const [c] = narrate(cells, plan, adjacent).filter((f) => f.type === 'change');
    expect(c!.text.nl).toContain(
      'tussen het derde kwartaal van 2016 en het eerste kwartaal van 2017 steeg de waarde met 50 uren (+50,0 %)',
    );
    const m = [cell({ period: '2017-02', value: 100 }), cell({ period: '2017-03', value: 1 })];
    const [d] = narrate(m, plan, adjacent).filter((f) => f.type === 'change');
    expect(d!.text.en).toContain(
      'between February 2017 and March 2017 the value fell by 99 hours (−99.0%), from 100 to 1.',
    );
  });
});
