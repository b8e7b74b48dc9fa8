import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdwError } from '../../shared/index.js';
import { aalenJohansen, aalenJohansenCounts } from './aalen-johansen.js';
import { kaplanMeier, kaplanMeierCounts } from './kaplan-meier.js';

// The counted inputs (what SQL `GROUP BY time` returns) must give the very same fit, number for
// number, as the observations one by one: checked on random data with many ties, the counts
// split over several rows per time and shuffled.

const obs = (maxCause: number) =>
  fc.array(
    fc.record({
      t: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.double({ min: 0, max: 12, noNaN: true })),
      c: fc.integer({ min: 0, max: maxCause }),
    }),
    { minLength: 0, maxLength: 50 },
  );

/** Counts per (time, status) row, in a random order, with some rows split in two and empty rows. */
function counted(o: { t: number; c: number }[], causes: number, seed: number) {
  const rows: { t: number; counts: number[] }[] = [];
  for (const x of o) {
    const counts = Array.from({ length: causes + 1 }, (_, s) => (s === x.c ? 1 : 0));
    rows.push({ t: x.t, counts });
  }
  // Merge rows at equal times pairwise (counts > 1), add one empty row, shuffle deterministically.
  const merged: typeof rows = [];
  for (const r of rows) {
    const prev = merged.find((m) => m.t === r.t && (seed & 1) === 1);
    if (prev) r.counts.forEach((c, s) => (prev.counts[s]! += c));
    else merged.push(r);
  }
  if (merged.length) merged.push({ t: merged[0]!.t, counts: merged[0]!.counts.map(() => 0) });
  const shuffled = merged
    .map((r, i) => ({ r, k: (i * 7919 + seed) % 101 }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.r);
  return {
    times: shuffled.map((r) => r.t),
    counts: Array.from({ length: causes + 1 }, (_, s) => shuffled.map((r) => r.counts[s]!)),
  };
}

describe('fits from counted observations', () => {
  it('kaplanMeierCounts equals kaplanMeier on the same observations', () => {
    fc.assert(
      fc.property(obs(1), fc.integer({ min: 0, max: 1000 }), (o, seed) => {
        const { times, counts } = counted(o, 1, seed);
        expect(kaplanMeierCounts(times, counts[1]!, counts[0]!)).toEqual(
          kaplanMeier(
            o.map((x) => x.t),
            o.map((x) => x.c),
          ),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('aalenJohansenCounts equals aalenJohansen on the same observations', () => {
    fc.assert(
      fc.property(obs(2), fc.integer({ min: 0, max: 1000 }), (o, seed) => {
        const { times, counts } = counted(o, 2, seed);
        expect(aalenJohansenCounts(times, counts)).toEqual(
          aalenJohansen(
            o.map((x) => x.t),
            o.map((x) => x.c),
            { causes: 2 },
          ),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a negative or fractional count and a bad time', () => {
    expect(() => kaplanMeierCounts([1, 2], [1, -1], [0, 0])).toThrow(IdwError);
    expect(() => kaplanMeierCounts([1, 2], [1, 0.5], [0, 0])).toThrow(IdwError);
    expect(() => kaplanMeierCounts([1, -2], [1, 1], [0, 0])).toThrow(IdwError);
    expect(() => kaplanMeierCounts([1, 2], [1], [0, 0])).toThrow(IdwError);
  });
});
