import { describe, expect, it } from 'vitest';
import { cellKey, type ResultCell } from '../compute/index.js';
import { checkDisclosure } from './check-disclosure.js';
import { count, grid, resultSet, short, TH } from './fixtures.testing.js';
import { applyReason, protect } from './protect.js';
import { primaryReason } from './primary.js';
import type { ProtectedCell } from './types.js';

const run = (
  cells: ResultCell[],
  audience: 'public' | 'board' = 'public',
  special: string[] = [],
) => protect(resultSet(cells), { audience, thresholds: TH, specialDimensions: special });
const suppressedNames = (cells: readonly ProtectedCell[]) =>
  cells
    .filter((c) => c.disclosure === 'suppressed')
    .map(short)
    .sort();
const check = (...outputs: (readonly ProtectedCell[])[]) =>
  checkDisclosure(
    outputs.map((cells, i) => ({
      file: `out${i}.json`,
      kind: 'json' as const,
      cells,
      personal: [],
    })),
    TH,
  );
/** Publication with primary suppression only: what a naive producer would publish. */
const primaryOnly = (cells: ResultCell[]) => cells.map((c) => applyReason(c, primaryReason(c, TH)));

describe('primary suppression', () => {
  it('hides counts 1–4, keeps 0 and 5', () => {
    expect(primaryReason(count({}, 4), TH)).toBe('primary-count');
    expect(primaryReason(count({}, 1), TH)).toBe('primary-count');
    expect(primaryReason(count({}, 0), TH)).toBeUndefined();
    expect(primaryReason(count({}, 5), TH)).toBeUndefined();
    expect(primaryReason(count({}, 0), { ...TH, suppressZero: true })).toBe('primary-count');
  });

  it('hides a rate on fewer than 20, and a share whose numerator is small', () => {
    const share = (numerator: number, denominator: number) =>
      count({}, numerator / denominator, { unit: 'share', numerator, denominator });
    expect(primaryReason(share(10, 19), TH)).toBe('primary-denominator');
    expect(primaryReason(share(10, 20), TH)).toBeUndefined();
    expect(primaryReason(share(3, 40), TH)).toBe('primary-count');
  });

  it('hides a median on fewer than 10 persons, not its larger siblings', () => {
    const median = (n: number) => count({}, 30, { measure: 'median', unit: 'days', n });
    expect(primaryReason(median(9), TH)).toBe('primary-count');
    expect(primaryReason(median(10), TH)).toBeUndefined();
  });

  it('marks cells without numbers as not observable with the symbol .', () => {
    const [c] = run([count({}, 0, { value: null, status: 'censored' })]).cells;
    expect(c).toMatchObject({ disclosure: 'suppressed', reason: 'not-observable', symbol: '.' });
  });
});

describe('attack: a total minus the visible cells (one-way table)', () => {
  const cells = [
    count({}, 100),
    count({ r: 'a' }, 3),
    count({ r: 'b' }, 40),
    count({ r: 'c' }, 57),
  ];

  it('succeeds against primary suppression alone', () => {
    const pub = primaryOnly(cells);
    // The attack, by hand: 100 − 40 − 57 = 3.
    expect(100 - pub[2]!.value! - pub[3]!.value!).toBe(3);
    expect(check(pub).ok).toBe(false);
  });

  it('fails after protection, which suppresses the primary cell and the smallest complement only', () => {
    const out = run(cells).cells;
    expect(out.filter((c) => c.disclosure === 'suppressed').map((c) => c.breakdown.r)).toEqual([
      'a',
      'b',
    ]);
    expect(out.find((c) => c.breakdown.r === 'b')).toMatchObject({
      reason: 'secondary',
      symbol: 'x',
      value: null,
    });
    expect(check(out).ok).toBe(true);
  });
});

describe('attack: a breakdown differenced against its total', () => {
  it('fails after protection of a two-category breakdown (both categories hidden, total shown)', () => {
    const cells = [count({}, 100), count({ sex: 'F' }, 3), count({ sex: 'M' }, 97)];
    expect(check(primaryOnly(cells)).ok).toBe(false);
    const out = run(cells).cells;
    expect(suppressedNames(out)).toEqual(['F', 'M']);
    expect(out.find((c) => short(c) === 'T')!.value).toBe(100);
    expect(check(out).ok).toBe(true);
  });
});

describe('breakdown beside a two-way table', () => {
  it('protects a one-way cell that is also the margin of a two-way table', () => {
    const out = run(
      grid([
        [3, 20, 30],
        [25, 35, 45],
      ]),
    ).cells;
    expect(check(out).ok).toBe(true);
    // A single small inner cell needs a rectangle: itself, one cell in its row, one in its column,
    // and the cell where they cross. Four cells, no margins.
    expect(suppressedNames(out)).toEqual(['s0r0', 's0r1', 's1r0', 's1r1']);
  });
});

describe('attack: two-way table margins', () => {
  const values = [
    [2, 6, 20],
    [7, 9, 30],
    [40, 50, 60],
  ];
  it('succeeds against primary suppression alone (row margin minus the row)', () => {
    const pub = primaryOnly(grid(values));
    const get = (n: string) => pub.find((c) => short(c) === n)!.value!;
    expect(get('s0') - get('s0r1') - get('s0r2')).toBe(2);
    expect(check(pub).ok).toBe(false);
  });

  it('fails after protection with the minimal rectangle of four cells', () => {
    const out = run(grid(values)).cells;
    expect(suppressedNames(out)).toEqual(['s0r0', 's0r1', 's1r0', 's1r1']);
    expect(check(out).ok).toBe(true);
  });

  it('also protects two small cells in one row from being pinned together', () => {
    const cells = grid([
      [1, 2, 40],
      [30, 35, 45],
    ]);
    // Primary only: s0r0 + s0r1 = 3 tells that both are tiny.
    expect(check(primaryOnly(cells)).ok).toBe(false);
    const out = run(cells).cells;
    expect(check(out).problems).toEqual([]);
    expect(suppressedNames(out)).toEqual(expect.arrayContaining(['s0r0', 's0r1']));
  });
});

describe('attack: the same cell in two tables', () => {
  // Output A: the table by region. Output B: a report table with the two largest regions only.
  const all = [count({}, 100), count({ r: 'a' }, 3), count({ r: 'b' }, 40), count({ r: 'c' }, 57)];
  const inB = (c: ResultCell) => c.breakdown.r !== 'a';

  it('succeeds when each output is protected on its own', () => {
    const a = run(all).cells;
    const b = run(all.filter(inB)).cells;
    expect(check(a).ok).toBe(true);
    expect(check(b).ok).toBe(true);
    // B shows region b, which A hid as the complement: 100 − 40 − 57 = 3 again.
    const both = check(a, b);
    expect(both.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['PROTECT_INCONSISTENT', 'PROTECT_PINNED']),
    );
  });

  it('fails when the result set is protected once and every output takes its cells from it', () => {
    const once = run(all).cells;
    const b = once.filter(inB);
    expect(b.find((c) => c.breakdown.r === 'b')!.disclosure).toBe('suppressed');
    expect(check(once, b).ok).toBe(true);
  });

  it('links horizons that share a denominator: a cohort hidden at 6 months is hidden at 12 too', () => {
    const share = (
      b: Record<string, string>,
      horizon: number,
      numerator: number,
      denominator: number,
    ) =>
      count(b, numerator / denominator, {
        unit: 'share',
        numerator,
        denominator,
        horizon,
        cohort: '2016',
      });
    const cells = [6, 12].flatMap((h) => [
      share({}, h, 40 + h, 200),
      share({ status: 'refugee' }, h, 10, 15),
      share({ status: 'other' }, h, 30 + h, 185),
    ]);
    const out = run(cells, 'board').cells;
    for (const h of [6, 12])
      expect(
        out
          .filter((c) => c.horizon === h && c.disclosure === 'suppressed')
          .map((c) => c.breakdown.status)
          .sort(),
      ).toEqual(['other', 'refugee']);
    expect(check(out).ok).toBe(true);
    // Publishing the 12-month denominators beside a hidden 6-month cell gives it away.
    const leak = out.map((c) =>
      c.horizon === 12
        ? { ...cells.find((x) => cellKey(x) === cellKey(c))!, disclosure: 'shown' as const }
        : c,
    );
    expect(check(leak).ok).toBe(false);
  });
});

describe('periods', () => {
  it('protects a quarter against the year minus the other quarters', () => {
    const q = [3, 30, 40, 50];
    const cells = [
      count({}, 123, { period: '2016' }),
      ...q.map((v, i) => count({}, v, { period: `2016-Q${i + 1}` })),
    ];
    expect(check(primaryOnly(cells)).ok).toBe(false);
    const out = run(cells).cells;
    expect(out.filter((c) => c.disclosure === 'suppressed').map((c) => c.period)).toEqual([
      '2016-Q1',
      '2016-Q2',
    ]);
    expect(check(out).ok).toBe(true);
  });

  it('does not link periods whose numbers do not add up (stocks)', () => {
    const cells = [
      count({}, 60, { period: '2016' }),
      ...[3, 30, 40, 50].map((v, i) => count({}, v, { period: `2016-Q${i + 1}` })),
    ];
    expect(
      run(cells)
        .cells.filter((c) => c.disclosure === 'suppressed')
        .map((c) => c.period),
    ).toEqual(['2016-Q1']);
  });
});

describe('periods that do not add up (distinct persons per quarter)', () => {
  // Persons counted in several quarters: the quarters sum to more than the year, in the total
  // and in each breakdown.
  const table = (period: string, f: number, m: number) => [
    count({}, f + m, { period }),
    count({ sex: 'F' }, f, { period }),
    count({ sex: 'M' }, m, { period }),
  ];
  const cells = [
    ...table('2016', 70, 30),
    ...table('2016-Q1', 20, 3),
    ...[2, 3, 4].flatMap((q) => table(`2016-Q${q}`, 20, 10)),
  ];

  it('are not linked by a reader who sees a suppressed quarter total', () => {
    // Q1 total and Q1 M suppressed: the total 2016 = Σ quarters would "recompute" Q1 as
    // 100 − 90 = 10, but the published F cells (70 vs 80) show the quarters do not add up.
    const pub = cells.map((c) =>
      applyReason(
        c,
        c.period === '2016-Q1' && c.breakdown.sex !== 'F' ? 'primary-count' : undefined,
      ),
    );
    const res = check(pub);
    expect(res.infeasible).toEqual([]);
    expect(res.problems).toEqual([]);
  });

  it('are protected within each period, and the result passes the check', () => {
    const out = run(cells).cells;
    expect(
      out
        .filter((c) => c.disclosure === 'suppressed')
        .map((c) => `${c.period}:${short(c)}`)
        .sort(),
    ).toEqual(['2016-Q1:F', '2016-Q1:M']);
    expect(check(out).ok).toBe(true);
  });
});

describe('audiences', () => {
  const cells = [
    count({}, 100),
    count({ residence_status: 'refugee' }, 40),
    count({ residence_status: 'other' }, 60),
  ];

  it('drops special breakdowns for the public and keeps them for the board', () => {
    const pub = run(cells, 'public', ['residence_status']);
    expect(pub.cells.map((c) => c.breakdown)).toEqual([{}]);
    expect(pub.protection?.dropped).toBe(2);
    expect(run(cells, 'board', ['residence_status']).cells).toHaveLength(3);
  });

  it('leaves steward values unprotected and check-disclosure refuses them', () => {
    const st = protect(resultSet([count({}, 3)]), { audience: 'steward', thresholds: TH });
    expect(st.cells[0]).toMatchObject({ value: 3, disclosure: 'shown' });
    const res = checkDisclosure(
      [{ file: 's.json', kind: 'json', audience: 'steward', cells: st.cells, personal: [] }],
      TH,
    );
    expect(res.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['PROTECT_STEWARD_NOT_PUBLISHABLE', 'PROTECT_PRIMARY_SHOWN']),
    );
  });

  it('is deterministic whatever the order of the cells', () => {
    const cells = grid([
      [3, 20, 30],
      [25, 35, 45],
      [4, 8, 9],
    ]);
    const sig = (cs: readonly ProtectedCell[]) =>
      cs.map((c) => `${cellKey(c)}:${c.disclosure}`).sort();
    expect(sig(run(cells).cells)).toEqual(sig(run([...cells].reverse()).cells));
    expect(check(run(cells).cells).ok).toBe(true);
  });
});

describe('personal or not comes from the indicator definition, not the unit', () => {
  const reach = [
    count({}, 7, { indicator: 'reach', unit: 'persons' }),
    count({ channel: 'web' }, 3, { indicator: 'reach', unit: 'persons' }),
    count({ channel: 'tv' }, 4, { indicator: 'reach', unit: 'persons' }),
  ];
  const sessions = [
    count({}, 9, { indicator: 'sessions', unit: 'sessions', result: 'S' }),
    count({ region: 'a' }, 2, { indicator: 'sessions', unit: 'sessions', result: 'S' }),
    count({ region: 'b' }, 7, { indicator: 'sessions', unit: 'sessions', result: 'S' }),
  ];
  const out = protect(resultSet([...reach, ...sessions]), {
    audience: 'public',
    thresholds: TH,
    nonPersonal: new Set(['reach']),
  }).cells;

  it('shows small numbers of an indicator that counts no person, and marks its cells', () => {
    const r = out.filter((c) => c.indicator === 'reach');
    expect(r.every((c) => c.disclosure === 'shown' && c.personal === false)).toBe(true);
  });

  it("protects persons' events whatever their unit (sessions)", () => {
    const s = out.filter((c) => c.indicator === 'sessions');
    expect(s.filter((c) => c.disclosure === 'suppressed').length).toBe(2);
    expect(s.some((c) => 'personal' in c)).toBe(false);
  });

  it('lets check-disclosure tell the two apart from the published cells alone', () => {
    expect(check(out).ok).toBe(true);
    // An attacker reading the same numbers without the marks would see small counts shown.
    const stripped = out.map(({ personal: _p, ...c }) => c);
    expect(check(stripped).problems.map((p) => p.code)).toContain('PROTECT_PRIMARY_SHOWN');
  });
});
