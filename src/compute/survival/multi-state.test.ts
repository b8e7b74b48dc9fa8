import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { multiStateAJ, type MsPaths } from './multi-state.js';

interface RefCase {
  name: string;
  states: number;
  start: number;
  horizons: number[];
  subjects: { id: number; state0: number; exit: number; times: number[]; to: number[] }[];
  pstate: number[][];
  stdErr: number[][];
}

// Written by scripts/reference/multi-state.R (R survival, survfit with id and istate).
const CASES = JSON.parse(
  readFileSync(new URL('./multi-state.reference.json', import.meta.url), 'utf8'),
) as RefCase[];

function pathsOf(c: RefCase): MsPaths {
  const offsets = [0];
  for (const s of c.subjects) offsets.push(offsets.at(-1)! + s.times.length);
  return {
    states: c.states,
    start: c.start,
    state0: c.subjects.map((s) => s.state0),
    exit: c.subjects.map((s) => s.exit),
    offsets,
    trTime: c.subjects.flatMap((s) => s.times),
    trTo: c.subjects.flatMap((s) => s.to),
  };
}

describe('multi-state Aalen–Johansen against R survfit(..., id, istate)$pstate', () => {
  for (const c of CASES)
    it(`${c.name}: every state's probability and standard error to 1e-12`, () => {
      for (let target = 0; target < c.states; target++) {
        const pts = multiStateAJ(pathsOf(c), target, c.horizons, { fixedStart: true });
        pts.forEach((p, i) => {
          for (let j = 0; j < c.states; j++)
            expect(
              Math.abs(p.pstate[j]! - c.pstate[i]![j]!),
              `${c.name} h=${p.time} p${j}`,
            ).toBeLessThan(1e-12);
          expect(
            Math.abs(p.se - c.stdErr[i]![target]!),
            `${c.name} h=${p.time} se${target}`,
          ).toBeLessThan(1e-12);
        });
      }
    });
});

describe('multi-state Aalen–Johansen without censoring', () => {
  // 40 subjects followed to 20 with up to three job spells each; nobody censored before 20.
  const state0: number[] = [];
  const exit: number[] = [];
  const offsets = [0];
  const trTime: number[] = [];
  const trTo: number[] = [];
  const at10: number[] = [];
  for (let i = 0; i < 40; i++) {
    let s = i % 7 === 0 ? 1 : 0;
    state0.push(s);
    const times = [1 + (i % 5), 6 + (i % 3), 10 + (i % 3) * 2].slice(0, i % 4);
    let st10 = s;
    for (const t of times) {
      trTime.push(t);
      s = 1 - s;
      trTo.push(s);
      if (t <= 10) st10 = s;
    }
    at10.push(st10);
    offsets.push(trTime.length);
    exit.push(20);
  }
  const paths = { states: 2, state0, exit, offsets, trTime, trTo };

  it('equals the share in the state, and its standard error is that of a proportion √(p(1−p)/n)', () => {
    const [pt] = multiStateAJ(paths, 1, [10]);
    const p = at10.filter((x) => x === 1).length / 40;
    expect(pt!.estimate).toBeCloseTo(p, 14);
    expect(pt!.se).toBeCloseTo(Math.sqrt((p * (1 - p)) / 40), 14);
    expect(pt!.nRisk).toBe(40);
    expect(pt!.lower!).toBeLessThan(p);
    expect(pt!.upper!).toBeGreaterThan(p);
  });

  it('refuses a path that goes back in time or to the state it is in, instead of dropping it', () => {
    expect(() => multiStateAJ({ ...paths, trTime: [...trTime].reverse() }, 1, [10])).toThrow(
      /COMPUTE_SURVIVAL_BAD_PATH_TIME/,
    );
    expect(() =>
      multiStateAJ(
        { states: 2, state0: [0], exit: [5], offsets: [0, 1], trTime: [2], trTo: [0] },
        1,
        [3],
      ),
    ).toThrow(/COMPUTE_SURVIVAL_BAD_PATH_STATE/);
  });
});
