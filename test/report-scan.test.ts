import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportToFolder } from '../src/cli/run-report.js';
import { generate } from '../src/generate/index.js';
import { DURATION_SEGMENTS, loadPlan, OUTFLOW_VARIANTS, type Plan } from '../src/plan/index.js';
import { openStore, type DuckDbEngine } from '../src/store/index.js';
import { scanProblems, scanReport, type ScannedText } from './scan-outputs.js';

// The demo's report (synthetic store, cut-off 31 March 2018, board audience with the residence
// status authorisation), written in Dutch and in English, read back from every file as a reader
// sees it: PDF pages (pdftotext), Word document and headers, HTML text and each inline chart, every
// Excel sheet. A smaller population than the demo keeps the test quick; the layout is the same.
const dir = mkdtempSync(join(tmpdir(), 'idw-scan-'));
let store: DuckDbEngine;
let plan: Plan;
const parts: Record<'nl' | 'en', ScannedText[]> = { nl: [], en: [] };
const MARK = { nl: 'SYNTHETISCHE GEGEVENS', en: 'SYNTHETIC DATA' } as const;

beforeAll(async () => {
  store = await openStore(join(dir, 'scan.duckdb'));
  await generate(store, { persons: 3000, seed: 1 });
  plan = (await loadPlan('plans/integratie-door-werk.yaml')).plan;
  for (const lang of ['nl', 'en'] as const) {
    const out = join(dir, lang);
    await reportToFolder(store, plan, {
      asOf: '2018-03-31',
      audience: 'board',
      role: 'analyst',
      authorisation: 'PC-VERBLIJFSSTATUUT',
      lang,
      formats: ['html', 'pdf', 'docx', 'xlsx'],
      out,
      version: 'test',
      quiet: true,
    });
    // The machine-readable data sheet keeps its codes by design (check-disclosure reads them).
    parts[lang] = (await scanReport(out)).filter((p) => !/^sheet (Gegevens|Data)$/.test(p.part));
  }
}, 480_000);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every code the pipeline writes for this plan: what must never show raw. */
const codesOf = (p: Plan): string[] =>
  [
    ...p.indicators.map((i) => i.id),
    ...Object.keys(p.dimensions),
    ...OUTFLOW_VARIANTS,
    'found-work-28d',
    'finished-only',
    ...DURATION_SEGMENTS,
  ].filter((c) => /[-_.]/.test(c)); // one-word codes (`sex`, `region`, `durable`) are words too
const problems = (lang: 'nl' | 'en', rule: string) =>
  scanProblems(parts[lang], lang, MARK[lang], codesOf(plan))
    .filter((p) => p.rule === rule)
    .map((p) => `${p.where}: …${p.text}…`);

describe.each(['nl', 'en'] as const)('every output of the demo report in %s', (lang) => {
  it('was read: PDF pages, Word, HTML with its charts, every sheet', () => {
    const files = new Set(parts[lang].map((p) => p.file));
    expect([...files].sort()).toEqual([
      'overview.docx',
      'overview.xlsx',
      'quarterly-report.docx',
      'quarterly-report.html',
      'quarterly-report.pdf',
      'quarterly-report.xlsx',
    ]);
    expect(parts[lang].filter((p) => p.part.startsWith('chart')).length).toBeGreaterThan(10);
    expect(parts[lang].filter((p) => p.part.startsWith('page')).length).toBeGreaterThan(5);
  });

  it('carries the synthetic mark on every PDF page, every chart, every sheet and Word header', () => {
    expect(problems(lang, 'no synthetic mark')).toEqual([]);
  });

  it('names no period after the cut-off date', () => {
    expect(problems(lang, 'period after the cut-off')).toEqual([]);
  });

  it('prints no raw code', () => {
    expect(problems(lang, 'raw code')).toEqual([]);
  });

  it(`has no ${lang === 'nl' ? 'English' : 'Dutch'} word`, () => {
    expect(problems(lang, lang === 'nl' ? 'English word' : 'Dutch word')).toEqual([]);
  });
});
