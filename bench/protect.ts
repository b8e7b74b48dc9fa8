// Times disclosure control and the disclosure check on a result set shaped like the plan's:
// count tables per result and period with one-way and two-way breakdowns, and cohort shares at
// five horizons. Run by hand: npx tsx bench/protect.ts [tables]
import type { ResultCell } from '../src/compute/index.js';
import { checkDisclosure, DEFAULT_THRESHOLDS, protect } from '../src/protect/index.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SEX = ['F', 'M'];
const REGION = ['ant', 'bru', 'lim', 'ovl', 'vbr', 'wvl'];
const AGE = ['18-24', '25-34', '35-49', '50+'];

type Inner = Map<string, number>;

/** Unpublished sex × region × age counts of one quarter, many of them small. */
function quarter(r: () => number): Inner {
  const inner: Inner = new Map();
  for (const s of SEX)
    for (const g of REGION)
      for (const a of AGE) inner.set(`${s}|${g}|${a}`, Math.floor(r() ** 3 * 25));
  return inner;
}

/** One published count table: total, one-way and two-way margins of the inner counts. */
function countTable(inner: Inner, result: string, period: string): ResultCell[] {
  const sum = (f: (s: string, g: string, a: string) => boolean) =>
    [...inner]
      .filter(([k]) => f(...(k.split('|') as [string, string, string])))
      .reduce((t, [, v]) => t + v, 0);
  const cell = (breakdown: Record<string, string>, value: number): ResultCell => ({
    result,
    indicator: `${result}-i`,
    measure: 'value',
    period,
    breakdown,
    value,
    unit: 'persons',
    status: 'ok',
    provenance: 'p',
  });
  const out = [
    cell(
      {},
      sum(() => true),
    ),
  ];
  for (const s of SEX)
    out.push(
      cell(
        { sex: s },
        sum((x) => x === s),
      ),
    );
  for (const g of REGION)
    out.push(
      cell(
        { region: g },
        sum((_, y) => y === g),
      ),
    );
  for (const a of AGE)
    out.push(
      cell(
        { age: a },
        sum((_, __, z) => z === a),
      ),
    );
  for (const s of SEX)
    for (const g of REGION)
      out.push(
        cell(
          { sex: s, region: g },
          sum((x, y) => x === s && y === g),
        ),
      );
  for (const s of SEX)
    for (const a of AGE)
      out.push(
        cell(
          { sex: s, age: a },
          sum((x, _, z) => x === s && z === a),
        ),
      );
  return out;
}

const tables = Number(process.argv[2] ?? 200);
const r = lcg(2018);
const cells: ResultCell[] = [];
for (let t = 0; cells.length < tables * 33; t++)
  for (const y of ['2016', '2017']) {
    const qs = [1, 2, 3, 4].map(() => quarter(r));
    const year: Inner = new Map(
      [...qs[0]!.keys()].map((k) => [k, qs.reduce((a, q) => a + q.get(k)!, 0)]),
    );
    cells.push(...countTable(year, `R${t}`, y));
    qs.forEach((q, i) => cells.push(...countTable(q, `R${t}`, `${y}-Q${i + 1}`)));
  }
const rs = {
  plan: { id: 'bench', hash: 'h' },
  asOf: '2018-04-30',
  snapshot: 's',
  synthetic: true,
  cells,
  provenance: [],
};

const t0 = performance.now();
const out = protect(rs, { audience: 'public', thresholds: DEFAULT_THRESHOLDS });
const t1 = performance.now();
const report = checkDisclosure(
  [{ file: 'bench', kind: 'json', cells: out.cells, personal: [] }],
  DEFAULT_THRESHOLDS,
);
const t2 = performance.now();
console.log(
  JSON.stringify({
    cells: cells.length,
    primary: out.protection?.primary,
    secondary: out.protection?.secondary,
    unresolved: out.protection?.unresolved.length,
    protectMs: Math.round(t1 - t0),
    checkMs: Math.round(t2 - t1),
    checkOk: report.ok,
  }),
);
