import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toDataRows } from './data-rows.js';
import { count, grid, resultSet, TH } from './fixtures.testing.js';
import { protect } from './protect.js';
import { symbolLegend } from './symbols.js';

const GOLDEN = new URL('../../test/golden/protect/', import.meta.url).pathname;

/** Compares with a golden file; `UPDATE_GOLDEN=1` (never in CI) rewrites it. */
function golden(name: string, text: string): void {
  const file = GOLDEN + name;
  if (process.env.UPDATE_GOLDEN === '1' && !process.env.CI) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, text);
  }
  expect(existsSync(file), `${file} missing: run npm run golden:update`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('golden outputs of protect', () => {
  it('a two-way table with margins and a quarterly series, as Data-sheet rows', () => {
    const cells = [
      ...grid([
        [2, 6, 20],
        [7, 9, 30],
        [40, 50, 60],
      ]),
      count({}, 123, { result: 'Q', period: '2016' }),
      ...[3, 30, 40, 50].map((v, i) => count({}, v, { result: 'Q', period: `2016-Q${i + 1}` })),
      count({}, 0, { result: 'C', value: null, status: 'censored' }),
    ];
    const out = protect(resultSet(cells), { audience: 'public', thresholds: TH });
    const rows = toDataRows(out.cells);
    const tsv = [
      Object.keys(rows[0]!).join('\t'),
      ...rows.map((r) =>
        Object.values(r)
          .map((v) => v ?? '')
          .join('\t'),
      ),
    ];
    golden('data-rows.tsv', tsv.join('\n') + '\n');
  });

  it('the symbol legend in both languages', () => {
    golden(
      'legend.json',
      JSON.stringify({ nl: symbolLegend('nl'), en: symbolLegend('en') }, null, 2) + '\n',
    );
  });
});
