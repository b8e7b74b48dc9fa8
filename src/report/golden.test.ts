// Golden files: a chart spec and the HTML of the hours table, to review by eye when they change.
// Update with `UPDATE_GOLDEN=1 npx vitest run src/report/golden.test.ts` (never in CI).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../plan/index.js';
import { buildReport } from './build-report.js';
import { renderHtml } from './html-renderer.js';
import { fixtureFindings, fixtureResultSet } from './test-fixture.js';

const dir = new URL('../../test/golden/report/', import.meta.url).pathname;
const { plan } = await loadPlan(
  new URL('../../plans/integratie-door-werk.yaml', import.meta.url).pathname,
);
const rs = fixtureResultSet(plan);
const model = buildReport(plan, rs, fixtureFindings(rs), {
  lang: 'nl',
  audience: 'board',
  asOf: '2018-03-31',
  kind: 'quarterly',
});

function golden(name: string, actual: string): void {
  const file = `${dir}${name}`;
  if (process.env.UPDATE_GOLDEN === '1' && !process.env.CI) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(existsSync(file), `${file} missing: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('golden report fragments', () => {
  it('NODW/IBO-T chart spec', () => {
    const chart = model.blocks.find((b) => b.type === 'chart' && b.chart.id === 'chart-NODW-IBOT');
    expect(chart?.type).toBe('chart');
    golden(
      'chart-NODW-IBOT.vl.json',
      JSON.stringify(chart?.type === 'chart' ? chart.chart.spec : null, null, 2) + '\n',
    );
  });

  it('NODW/IBO-T hours table in HTML', () => {
    const html = renderHtml(model, new Map());
    const table = /<table id="NODW-IBOT-parts">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    golden('nodw-ibot-table.html', table + '\n');
  });
});
