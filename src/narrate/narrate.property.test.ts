import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellKey } from '../compute/index.js';
import { parsePlan } from '../plan/index.js';
import type { ProtectedCell } from '../protect/index.js';
import { checkFinding } from './check-finding.js';
import { narrate } from './narrate.js';
import { cell } from './test-cells.js';

const plan = parsePlan(
  readFileSync('plans/example-small.yaml', 'utf8'),
  'plans/example-small.yaml',
);

const PERIODS = {
  year: ['2014', '2015', '2016', '2017', '2018', '2019'],
  quarter: ['2016-Q3', '2016-Q4', '2017-Q1', '2017-Q2', '2017-Q3', '2017-Q4'],
  month: ['2016-11', '2016-12', '2017-01', '2017-02', '2017-03', '2017-04'],
} as const;

type Fate = 'ok' | 'suppressed' | 'censored' | 'no-data' | 'not-defined';
const BAD: readonly Fate[] = ['suppressed', 'censored', 'no-data', 'not-defined'];
/** About one cell in eight is hidden, censored or not defined. */
const fate: fc.Arbitrary<Fate> = fc.integer({ min: 0, max: 31 }).map((n) => BAD[n - 28] ?? 'ok');

/** A value: counts and hours as integers or with up to two decimals, shares in [0, 1]. */
const value = (unit: string): fc.Arbitrary<number> =>
  unit === 'share'
    ? fc.integer({ min: 0, max: 10000 }).map((n) => n / 10000)
    : fc
        .tuple(fc.integer({ min: 0, max: 50000 }), fc.constantFrom(1, 1, 10, 100))
        .map(([n, d]) => n / d);

function apply(c: ProtectedCell, f: Fate): ProtectedCell {
  if (f === 'ok') return c;
  if (f === 'suppressed')
    return { ...c, value: null, disclosure: 'suppressed', reason: 'primary-count', symbol: 'x' };
  return {
    ...c,
    value: null,
    status: f,
    disclosure: 'suppressed',
    reason: 'not-observable',
    symbol: '.',
  };
}

/** A random series: a total and 0–5 groups over 2–6 periods; parts add up to the total unless `loose`. */
const series = fc
  .record({
    unit: fc.constantFrom('hours', 'persons', 'share'),
    step: fc.constantFrom<keyof typeof PERIODS>('year', 'quarter', 'month'),
    n: fc.integer({ min: 2, max: 6 }),
    groups: fc.integer({ min: 0, max: 4 }),
    horizon: fc.constantFrom(undefined, undefined, undefined, 6, 12),
    loose: fc.constantFrom(false, false, false, true),
    drop: fc.option(fc.nat(5), { nil: undefined }),
  })
  .chain((s) =>
    fc.record({
      s: fc.constant(s),
      values: fc.array(
        fc.array(value(s.unit), { minLength: s.groups + 1, maxLength: s.groups + 1 }),
        {
          minLength: s.n,
          maxLength: s.n,
        },
      ),
      fates: fc.array(fc.array(fate, { minLength: s.groups + 1, maxLength: s.groups + 1 }), {
        minLength: s.n,
        maxLength: s.n,
      }),
    }),
  )
  .map(({ s, values, fates }) => {
    const periods = PERIODS[s.step].slice(0, s.n).filter((_, i) => i !== s.drop);
    const base = {
      result: 'SD1.B',
      indicator: 'outflow',
      unit: s.unit,
      ...(s.horizon ? { horizon: s.horizon } : {}),
    };
    return periods.flatMap((period, i) => {
      const row = values[i]!;
      const parts = row.slice(1);
      const total =
        s.unit !== 'share' && !s.loose && parts.length > 0
          ? parts.reduce((a, b) => a + b, 0)
          : row[0]!;
      return [
        apply(cell({ ...base, period, value: total }), fates[i]![0]!),
        ...parts.map((v, g) =>
          apply(
            cell({ ...base, period, value: v, breakdown: { group: `g${g}` } }),
            fates[i]![g + 1]!,
          ),
        ),
      ];
    });
  });

const usable = (c: ProtectedCell): boolean =>
  c.status === 'ok' && c.disclosure === 'shown' && c.value !== null;

describe('findings for random series and breakdowns', () => {
  it('every finding passes the checker and never compares a hidden or censored value', () => {
    fc.assert(
      fc.property(series, (cells) => {
        const findings = narrate(cells, plan);
        const byKey = new Map(cells.map((c) => [cellKey(c), c]));
        for (const f of findings) {
          expect(checkFinding(f, cells)).toEqual([]);
          const read = f.cells.map((k) => byKey.get(k)!);
          if (f.type === 'note') expect(read.every((c) => !usable(c))).toBe(true);
          else expect(read.every(usable)).toBe(true);
        }
        // Every hidden value is mentioned in a note.
        const noted = new Set(findings.filter((f) => f.type === 'note').flatMap((f) => f.cells));
        for (const c of cells) if (!usable(c)) expect(noted.has(cellKey(c))).toBe(true);
      }),
      { numRuns: 250 },
    );
  });

  it('a change names the direction of the raw difference (brute force)', () => {
    fc.assert(
      fc.property(series, (cells) => {
        const byKey = new Map(cells.map((c) => [cellKey(c), c]));
        for (const f of narrate(cells, plan)) {
          if (f.type !== 'change' && f.type !== 'cohort-comparison') continue;
          const [a, b] = f.cells.map((k) => byKey.get(k)!.value!) as [number, number];
          const rate = cells[0]!.unit === 'share';
          const big = rate
            ? Math.abs(b - a) >= 0.005
            : a === 0
              ? b !== a
              : Math.abs(b - a) / Math.abs(a) >= 0.01;
          const words =
            f.type === 'change' ? (b > a ? /rose/ : /fell/) : b > a ? /higher/ : /lower/;
          if (big) expect(f.text.en).toMatch(words);
          else expect(f.text.en).toMatch(/stable|the same/);
          if (rate && big) expect(f.text.nl).toMatch(/procentpunt/);
        }
      }),
      { numRuns: 150 },
    );
  });
});
