// Times the survival estimators on a synthetic cohort of 100,000 durations (days, many ties).
// Run by hand: npx tsx bench/survival.ts
import {
  aalenJohansen,
  cifAt,
  kaplanMeier,
  kmAt,
  kmQuantiles,
} from '../src/compute/survival/index.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function cohort(n: number, seed: number): { t: Float64Array; c: Int32Array } {
  const r = lcg(seed);
  const t = new Float64Array(n);
  const c = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const work = Math.floor(-Math.log(1 - r()) * 500);
    const other = Math.floor(-Math.log(1 - r()) * 900);
    const cut = Math.floor(r() * 1100); // administrative censoring at the cut-off date
    const m = Math.min(work, other, cut);
    t[i] = m;
    c[i] = m === cut ? 0 : m === work ? 1 : 2;
  }
  return { t, c };
}

function time(label: string, f: () => unknown, reps = 5): number {
  f();
  const ms: number[] = [];
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const med = ms[Math.floor(reps / 2)] as number;
  console.log(`${label.padEnd(44)} ${med.toFixed(1)} ms (median of ${reps})`);
  return med;
}

const horizons = [182, 365, 547, 730, 912];
for (const n of [10_000, 100_000, 1_000_000]) {
  const { t, c } = cohort(n, 42);
  const ev = Int32Array.from(c, (x) => (x > 0 ? 1 : 0));
  console.log(`n = ${n.toLocaleString('en')}`);
  time('  kaplanMeier + kmAt + kmQuantiles', () => {
    const fit = kaplanMeier(t, ev);
    kmAt(fit, horizons);
    return kmQuantiles(fit, [0.25, 0.5, 0.75]);
  });
  time('  aalenJohansen (2 causes) + cifAt', () =>
    cifAt(aalenJohansen(t, c, { causes: 2 }), 1, horizons),
  );
}

// Worst case: every time distinct (e.g. fractional times), so the curve has one row per person.
{
  const n = 100_000;
  const { t, c } = cohort(n, 7);
  const r = lcg(9);
  const td = Float64Array.from(t, (x) => x + r());
  const ev = Int32Array.from(c, (x) => (x > 0 ? 1 : 0));
  console.log(`n = ${n.toLocaleString('en')}, all times distinct`);
  time('  kaplanMeier + kmAt + kmQuantiles', () => kmQuantiles(kaplanMeier(td, ev)));
  time('  aalenJohansen (2 causes) + cifAt', () =>
    cifAt(aalenJohansen(td, c, { causes: 2 }), 1, horizons),
  );
}
