// Opens every output for real: Chromium for HTML, poppler for PDF, unzip + LibreOffice for DOCX,
// exceljs + LibreOffice for XLSX. One render is shared by all tests (rendering takes seconds).
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellKey } from '../compute/index.js';
import { loadPlan } from '../plan/index.js';
import type { ProtectedCell } from '../protect/index.js';
import { formatNumber, formatPercent } from '../shared/index.js';
import { buildReport } from './build-report.js';
import {
  DATA_COLUMNS,
  DEFAULT_THRESHOLDS,
  checkDisclosure,
  readOutput,
  releaseKey,
} from '../protect/index.js';
import { fixtureFindings, fixtureResultSet, NODW_HOURS } from './test-fixture.js';
import { writeReport, type Manifest } from './write-report.js';

const { plan } = await loadPlan(
  new URL('../../plans/integratie-door-werk.yaml', import.meta.url).pathname,
);
const rs = fixtureResultSet(plan);
const byKey = new Map(rs.cells.map((c) => [cellKey(c), c]));
const tmp = mkdtempSync(join(tmpdir(), 'idw-report-'));
const dirA = join(tmp, 'a');
const dirB = join(tmp, 'b');

/** What a cell must look like in print, from the shared formatter (independent of the renderers). */
function expectedText(c: ProtectedCell): string {
  if (c.disclosure === 'suppressed') return c.symbol!;
  const v = c.value!;
  const s =
    c.unit === 'share'
      ? formatPercent(v, 'nl', 1)
      : c.unit === 'value'
        ? formatNumber(v, 'nl', 1)
        : formatNumber(v, 'nl', 0);
  return c.status === 'censored' ? `${s}*` : s;
}

async function render(dir: string, parallel: boolean): Promise<Manifest> {
  execFileSync('mkdir', ['-p', dir]);
  return writeReport(
    plan,
    rs,
    fixtureFindings(rs),
    { lang: 'nl', audience: 'board', asOf: '2018-03-31', version: 'test', parallel },
    async (name, data) => writeFileSync(join(dir, name), data),
  );
}

let manifestA: Manifest;
let manifestB: Manifest;
beforeAll(async () => {
  // A renders the PDF and the workbooks on a worker thread, B everything on this thread.
  manifestA = await render(dirA, true);
  manifestB = await render(dirB, false);
});

/** Cells the quarterly report prints in its tables (which cells: from the model; their text: independent). */
const printed = buildReport(plan, rs, fixtureFindings(rs), {
  lang: 'nl',
  audience: 'board',
  asOf: '2018-03-31',
  kind: 'quarterly',
})
  .blocks.flatMap((b) => (b.type === 'table' ? b.table.rows.flat() : []))
  .flatMap((c) => (c.key ? [byKey.get(c.key)!] : []));
const printedTexts = [...new Set(printed.map(expectedText))];

const hours = Object.values(NODW_HOURS)
  .flatMap((h) => [h.nodw, h.ibo_t, h.nodw + h.ibo_t])
  .map((n) => formatNumber(n, 'nl'));

describe('report outputs', () => {
  it('are byte-identical on a second run (worker thread or not), and the manifest hashes every file', () => {
    expect(manifestB).toEqual(manifestA);
    expect(readFileSync(join(dirB, 'manifest.json'), 'utf8')).toBe(
      readFileSync(join(dirA, 'manifest.json'), 'utf8'),
    );
    expect(manifestA.files.map((f) => f.name).sort()).toEqual([
      'overview.docx',
      'overview.xlsx',
      'quarterly-report.docx',
      'quarterly-report.html',
      'quarterly-report.pdf',
      'quarterly-report.xlsx',
    ]);
    for (const f of manifestA.files)
      expect(
        createHash('sha256')
          .update(readFileSync(join(dirA, f.name)))
          .digest('hex'),
      ).toBe(f.sha256);
  });

  it('HTML opens in headless Chromium without errors or network, and prints every cell as the formatter does', async () => {
    const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmp, 'chromium-')), {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
      viewport: { width: 1000, height: 1400 },
    });
    try {
      const page = await ctx.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${join(dirA, 'quarterly-report.html')}`);
      await page.screenshot({ path: join(tmp, 'quarterly-report.png'), fullPage: false });
      expect(errors).toEqual([]);
      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
      const cells = await page.$$eval('td[data-key]', (tds) =>
        tds.map((td) => [td.getAttribute('data-key') ?? '', td.textContent ?? ''] as const),
      );
      expect(cells.length).toBeGreaterThan(200);
      for (const [key, text] of cells) expect(text, key).toBe(expectedText(byKey.get(key)!));
      expect(await page.$$eval('svg', (s) => s.length)).toBeGreaterThan(10);
      expect(await page.$$eval('nav.toc a', (a) => a.length)).toBe(38);
      expect(readdirSync(tmp)).toContain('quarterly-report.png');
    } finally {
      await ctx.close();
    }
  });

  it('PDF renders through pdftoppm, with running header, page numbers and the hours table', () => {
    const pdf = join(dirA, 'quarterly-report.pdf');
    execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '3', pdf, join(tmp, 'page')]);
    const pages = readdirSync(tmp).filter((f) => f.startsWith('page-') && f.endsWith('.png'));
    expect(pages).toHaveLength(3);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);
    expect(text).toContain(`2 / ${count}`);
    expect(text).toContain('Peildatum 31 maart 2018 · raad van bestuur');
    for (const h of hours) expect(text).toContain(h);
    const flat = ` ${text.replace(/\s+/g, ' ')} `;
    for (const t of printedTexts) expect(flat.includes(` ${t} `), t).toBe(true);
    expect(execFileSync('pdfinfo', [pdf]).toString()).toMatch(
      /CreationDate:\s+Sat Mar 31 00:00:00 2018/,
    );
  });

  it('DOCX has real headings and tables with the numbers of the cells', () => {
    const xml = execFileSync('unzip', [
      '-p',
      join(dirA, 'quarterly-report.docx'),
      'word/document.xml',
    ]).toString();
    expect(xml).toContain('w:val="Heading1"');
    expect(xml).toContain('w:val="Heading3"');
    // The table of contents is filled in and written clean: Word opens it without asking to update
    // fields, and every entry links to a bookmark on a heading.
    expect(xml).not.toContain('w:dirty="true"');
    const settings = execFileSync('unzip', [
      '-p',
      join(dirA, 'quarterly-report.docx'),
      'word/settings.xml',
    ]).toString();
    expect(settings).not.toContain('updateFields');
    const anchors = [...xml.matchAll(/<w:hyperlink[^>]*w:anchor="([^"]+)"/g)].map((m) => m[1]);
    const marks = new Set(
      [...xml.matchAll(/<w:bookmarkStart[^>]*w:name="([^"]+)"/g)].map((m) => m[1]),
    );
    // the 38 headings of the HTML contents, the first page's "In het kort" and the closing notes
    expect(anchors.length).toBe(40);
    for (const a of anchors) expect(marks.has(a), a).toBe(true);
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThan(40);
    for (const h of hours) expect(xml).toContain(`>${h}<`);
    expect(printedTexts.length).toBeGreaterThan(100);
    for (const text of printedTexts) expect(xml, text).toContain(`>${text}<`);
    const overview = execFileSync('unzip', [
      '-p',
      join(dirA, 'overview.docx'),
      'word/document.xml',
    ]).toString();
    for (const r of plan.results) expect(overview).toContain(`${r.id} `);
  });

  it('XLSX stores numbers as numbers with Flemish formats, frozen headers, no merges, and an exact Data sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dirA, 'overview.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(-3)).toEqual(['Definities', 'Opmerkingen', 'Gegevens']);
    expect(names.filter((n) => /^SD\d /.test(n))).toHaveLength(4);
    for (const ws of wb.worksheets) {
      // Synthetic data: every sheet's print header carries the mark; table sheets also hold it in
      // row 1, above the frozen header row; the data sheet keeps its header in row 1.
      expect(ws.headerFooter.oddHeader).toContain('SYNTHETISCHE GEGEVENS');
      const isData = ws.name === 'Gegevens';
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: isData ? 1 : 2 });
      if (!isData) expect(String(ws.getCell('A1').value)).toMatch(/^SYNTHETISCHE GEGEVENS/);
      expect((ws.model as { merges?: unknown[] }).merges ?? []).toEqual([]);
    }
    const data = wb.getWorksheet('Gegevens')!;
    expect(data.getRow(1).values).toEqual([undefined, ...DATA_COLUMNS]);
    expect(data.rowCount - 1).toBe(rs.cells.length);
    // The Data sheet keys a number by its release key (a provisional number carries `@as-of=`).
    const byReleaseKey = new Map(rs.cells.map((c) => [releaseKey(c, '2018-03-31'), c]));
    data.eachRow((row, i) => {
      if (i === 1) return;
      const key = String(row.getCell(1).value);
      const c = byReleaseKey.get(key)!;
      expect(c, key).toBeDefined();
      const v = row.getCell(DATA_COLUMNS.indexOf('value') + 1).value;
      expect(v ?? null).toBe(c.value);
    });
    const sd1 = wb.worksheets.find((w) => w.name.startsWith('SD1 '))!;
    const header = sd1.getRow(2).values as unknown[];
    const col2016 = header.indexOf('2016');
    const row = sd1
      .getRows(3, sd1.rowCount - 2)!
      .find((r) => r.getCell(4).value === 'Uitstroom naar werk, aan het werk na 12 maanden')!;
    const cell = row.getCell(col2016);
    const expected = rs.cells.find(
      (c) =>
        c.result === 'SD1.B' &&
        c.period === '2016' &&
        c.horizon === 12 &&
        c.variant === 'at-work' &&
        !Object.keys(c.breakdown).length,
    )!;
    expect(cell.value).toBe(expected.value);
    expect(cell.numFmt).toBe('0.0%');
  });

  it('Excel outputs pass check-disclosure together (the Data sheets read back by protect)', async () => {
    const outputs = [
      await readOutput(join(dirA, 'quarterly-report.xlsx')),
      await readOutput(join(dirA, 'overview.xlsx')),
    ];
    expect(outputs[0]!.cells).toHaveLength(rs.cells.length);
    // Every value as protect reads it from the sheet XML equals the published cell's value.
    const byKey = new Map(rs.cells.map((c) => [cellKey(c), c.value ?? null]));
    for (const out of outputs)
      for (const c of out.cells) expect(c.value ?? null, cellKey(c)).toBe(byKey.get(cellKey(c)));
    const report = checkDisclosure(outputs, DEFAULT_THRESHOLDS);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.suppressed).toBeGreaterThan(0);
  });

  it('DOCX and XLSX convert with LibreOffice and keep the numbers', () => {
    const out = join(tmp, 'lo');
    execFileSync(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${join(tmp, 'lo-profile')}`,
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        join(dirA, 'quarterly-report.docx'),
        join(dirA, 'overview.xlsx'),
      ],
      { stdio: 'ignore', timeout: 100_000 },
    );
    const docx = execFileSync('pdftotext', [join(out, 'quarterly-report.pdf'), '-']).toString();
    const xlsx = execFileSync('pdftotext', [join(out, 'overview.pdf'), '-']).toString();
    for (const h of hours) expect(docx).toContain(h);
    expect(xlsx).toContain('7656');
  }, 110_000);
});
