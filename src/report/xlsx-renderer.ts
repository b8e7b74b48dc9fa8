import ExcelJS from 'exceljs';
import { isNumericColumn } from './html-renderer.js';
import { t } from './labels.js';
import type { ModelTable, NumberKind, ReportModel } from './model.js';
import { uniqueSheetNames } from './sheet-names.js';
import { summaryOf } from './summary-of.js';
import { columnLetter, dataSheetRows, spliceDataRows } from './xlsx-data-sheet.js';
import {
  normaliseOfficeEntries,
  packEntry,
  packEntryAsync,
  readZip,
  writePacked,
  type ZipEntry,
} from './zip-normalise.js';

/** Excel format codes; Excel shows them with the reader's separators (Flemish: `2.560`, `28,4%`). */
export const NUMBER_FORMATS: Record<NumberKind, string> = {
  integer: '#,##0',
  decimal: '#,##0.0',
  percent: '0.0%',
};

/** Print header and footer of every sheet: the running header (with the synthetic mark) and pages. */
function printHeader(ws: ExcelJS.Worksheet, runningHeader: string): void {
  // `&` starts a code in Excel's header syntax: double it in the text.
  const text = runningHeader.replace(/&/g, '&&');
  ws.headerFooter = { oddHeader: `&L&8${text}`, oddFooter: '&R&8&P / &N' };
}

function addTableSheet(
  wb: ExcelJS.Workbook,
  name: string,
  tb: ModelTable,
  model: Pick<ReportModel, 'runningHeader' | 'synthetic' | 'lang'>,
): void {
  // Synthetic figures carry the mark in the sheet itself, above the header: copying the table copies it.
  const mark = model.synthetic ? t('synthetic', model.lang) : undefined;
  const top = mark ? 2 : 1;
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: top, xSplit: Math.min(tb.labelColumns, 2) }],
  });
  // Printed: landscape, one page wide, header rows repeated on every page, print area = the table.
  ws.pageSetup = {
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `1:${top}`,
    printArea: `A1:${columnLetter(tb.columns.length)}${tb.rows.length + top}`,
  };
  printHeader(ws, model.runningHeader);
  if (mark) {
    ws.addRow([mark]);
    ws.getRow(1).font = { bold: true, color: { argb: 'FFA04000' } };
  }
  ws.addRow([...tb.columns]);
  ws.getRow(top).font = { bold: true };
  ws.getRow(top).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F4' } };
  for (const r of tb.rows) {
    const row = ws.addRow(r.map((c) => (c.value !== null && c.kind ? c.value : c.text)));
    r.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (c.value !== null && c.kind) cell.numFmt = NUMBER_FORMATS[c.kind];
      if (isNumericColumn(tb, i)) cell.alignment = { horizontal: 'right' };
      else cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  tb.columns.forEach((col, i) => {
    const longest = Math.max(col.length, ...tb.rows.map((r) => r[i]?.text.length ?? 0));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(8, longest + 2));
  });
}

const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Path of the worksheet part named `name`, from the workbook and its relationships. */
function sheetPath(entries: readonly ZipEntry[], name: string): string {
  const text = (n: string) => entries.find((e) => e.name === n)?.data.toString('utf8') ?? '';
  const sheet = [...text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => tag.includes(` name="${name}"`));
  const rid = sheet && / r:id="([^"]+)"/.exec(sheet)?.[1];
  const rel = [...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => tag.includes(` Id="${rid}"`));
  const target = rel && / Target="([^"]+)"/.exec(rel)?.[1];
  if (!target) throw new Error(`exceljs wrote no worksheet part for sheet '${name}'`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/**
 * The workbook: (summary,) one sheet per strategic objective and series, definitions, notes, data
 * (`Definities`, `Opmerkingen`, `Gegevens` in Dutch). Every name is made safe for Excel and unique.
 * exceljs writes every sheet, the `Data` sheet with its header row only; its rows are then written
 * directly into that part (`xlsx-data-sheet.ts`). `dataRows` may be passed when several workbooks
 * share the same rows (the quarterly report and the overview), so they are built once.
 */
export async function renderXlsx(
  model: ReportModel,
  dataRows: Buffer = dataSheetRows(model.data, model.dataColumns),
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const stamp = new Date(`${model.asOf}T00:00:00Z`);
  wb.creator = 'IDW Monitor';
  wb.lastModifiedBy = 'IDW Monitor';
  wb.created = stamp;
  wb.modified = stamp;
  wb.title = `${model.title} — ${model.subtitle}`;
  const summary = summaryOf(model);
  const lang = model.lang;
  // Fixed sheets are named first, so a series or objective called `Data` cannot take their name.
  const tables = [...(summary ? [{ name: summary.caption, table: summary }] : []), ...model.sheets];
  const [defName, notesName, dataName, ...names] = uniqueSheetNames([
    t('definitions', lang),
    t('notesSheet', lang),
    t('data', lang),
    ...tables.map((s) => s.name),
  ]) as [string, string, string, ...string[]];
  tables.forEach((s, i) => addTableSheet(wb, names[i]!, s.table, model));
  addTableSheet(wb, defName, model.definitions, model);
  addTableSheet(wb, notesName, model.notes, model);
  // The data sheet keeps its header in row 1 (check-disclosure reads it): the mark is in its print header.
  const data = wb.addWorksheet(dataName, { views: [{ state: 'frozen', ySplit: 1 }] });
  printHeader(data, model.runningHeader);
  data.addRow([...model.dataColumns]);
  data.getRow(1).font = { bold: true };
  const entries = normaliseOfficeEntries(
    readZip(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer)),
    model.asOf,
  );
  const path = sheetPath(entries, xmlEscape(dataName));
  const placeholder = entries.find((e) => e.name === path)!.data.toString('utf8');
  const { head, tail } = spliceDataRows(placeholder, model.data.length, model.dataColumns.length);
  const sheet = await packEntryAsync(path, [head, dataRows, tail]);
  return writePacked(entries.map((e) => (e.name === path ? sheet : packEntry(e))));
}
