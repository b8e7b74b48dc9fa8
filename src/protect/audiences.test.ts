import { describe, expect, it } from 'vitest';
import { cellKey, type ResultCell } from '../compute/index.js';
import { parseAccess } from './access.js';
import { checkDisclosure } from './check-disclosure.js';
import { count, resultSet, TH } from './fixtures.testing.js';
import { protect } from './protect.js';
import { assertReleaseDate, isPublicReleaseDate } from './release-date.js';
import type { ProtectedCell } from './types.js';

// Inflow by sex (ordinary) and by residence status (special: board only). The special table's
// small cells need complements the public never sees.
const cells: ResultCell[] = [
  count({}, 120),
  count({ sex: 'F' }, 50),
  count({ sex: 'M' }, 67),
  count({ sex: 'X' }, 3),
  count({ residence_status: 'refugee' }, 2),
  count({ residence_status: 'subsidiary' }, 8),
  count({ residence_status: 'other' }, 110),
  count({ sex: 'F', residence_status: 'refugee' }, 1),
  count({ sex: 'F', residence_status: 'subsidiary' }, 4),
  count({ sex: 'F', residence_status: 'other' }, 45),
  count({ sex: 'M', residence_status: 'refugee' }, 1),
  count({ sex: 'M', residence_status: 'subsidiary' }, 4),
  count({ sex: 'M', residence_status: 'other' }, 62),
  count({ sex: 'X', residence_status: 'refugee' }, 0),
  count({ sex: 'X', residence_status: 'subsidiary' }, 0),
  count({ sex: 'X', residence_status: 'other' }, 3),
];
const out = (audience: 'public' | 'board') =>
  protect(resultSet(cells), {
    audience,
    thresholds: TH,
    specialDimensions: ['residence_status'],
  }).cells;
const asOutput = (file: string, c: readonly ProtectedCell[]) => ({
  file,
  kind: 'json' as const,
  cells: c,
  personal: [],
});

describe('one pattern for every audience', () => {
  const pub = out('public');
  const board = out('board');

  it('the board never sees fewer cells than the public: every cell shown publicly is shown to the board', () => {
    const boardByKey = new Map(board.map((c) => [cellKey(c), c]));
    for (const c of pub.filter((x) => x.disclosure === 'shown'))
      expect(boardByKey.get(cellKey(c))?.disclosure, cellKey(c)).toBe('shown');
    expect(pub.some((c) => 'residence_status' in c.breakdown)).toBe(false);
  });

  it('an attacker holding the board and the public output together learns nothing more', () => {
    const report = checkDisclosure(
      [asOutput('board.json', board), asOutput('public.json', pub)],
      TH,
    );
    expect(report.problems).toEqual([]);
  });
});

describe('public outputs only on declared release dates', () => {
  const access = parseAccess(`
roles:
  public: { description: { nl: p, en: p }, audience: public, specialBreakdowns: never, publishable: true }
  analyst: { description: { nl: a, en: a }, audience: board, specialBreakdowns: with-authorisation, publishable: true }
authorisations: []
thresholds: { public: {}, board: {}, steward: {} }
publicReleases: { every: quarter, dates: ['2024-12-20'] }
`);

  it('accepts quarter ends and declared dates, refuses any other day', () => {
    expect(isPublicReleaseDate('2024-12-31', access.publicReleases)).toBe(true);
    expect(isPublicReleaseDate('2024-06-30', access.publicReleases)).toBe(true);
    expect(isPublicReleaseDate('2024-12-20', access.publicReleases)).toBe(true);
    expect(isPublicReleaseDate('2024-12-30', access.publicReleases)).toBe(false);
    expect(isPublicReleaseDate('2024-11-30', access.publicReleases)).toBe(false);
    expect(isPublicReleaseDate('2024-02-29', { every: 'month', dates: [] })).toBe(true);
    expect(isPublicReleaseDate('2024-02-28', { every: 'month', dates: [] })).toBe(false);
  });

  it('stops an attacker stepping the public cut-off date a day at a time', () => {
    expect(() => assertReleaseDate('2024-12-31', 'public', access)).not.toThrow();
    let dates = 0;
    for (let d = 1; d <= 31; d++) {
      const day = `2024-12-${String(d).padStart(2, '0')}`;
      try {
        assertReleaseDate(day, 'public', access);
        dates++;
      } catch (e) {
        expect((e as { problems: { code: string; nl: string }[] }).problems[0]!.code).toBe(
          'PROTECT_NOT_A_RELEASE_DATE',
        );
      }
    }
    expect(dates).toBe(2);
    // Authorised roles may use any date.
    expect(() => assertReleaseDate('2024-12-30', 'board', access)).not.toThrow();
  });
});
