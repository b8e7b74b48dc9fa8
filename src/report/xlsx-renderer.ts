import ExcelJS from 'exceljs';
import { isNumericColumn } from './html-renderer.js';
import type { ModelTable, NumberKind, ReportModel } from './model.js';
import { DATA_COLUMNS } from '../protect/index.js';
import { summaryOf } from './summary-of.js';
import { normaliseOfficeZip } from './zip-normalise.js';

/** Excel format codes; Excel shows them with the reader's separators (Flemish: `2.560`, `28,4%`). */
export const NUMBER_FORMATS: Record<NumberKind, string> = {
  integer: '#,##0',
  decimal: '#,##0.0',
  percent: '0.0%',
};

function addTableSheet(wb: ExcelJS.Workbook, name: string, tb: ModelTable): void {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: Math.min(tb.labelColumns, 2) }],
  });
  // Printed: landscape, one page wide, header row repeated on every page.
  ws.pageSetup = {
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
  };
  ws.addRow([...tb.columns]);
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F4' } };
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

/** The workbook: (summary,) one sheet per strategic objective and series, Definitions, Notes, Data. */
export async function renderXlsx(model: ReportModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const stamp = new Date(`${model.asOf}T00:00:00Z`);
  wb.creator = 'IDW Monitor';
  wb.lastModifiedBy = 'IDW Monitor';
  wb.created = stamp;
  wb.modified = stamp;
  wb.title = `${model.title} — ${model.subtitle}`;
  const summary = summaryOf(model);
  if (summary) addTableSheet(wb, summary.caption.slice(0, 31), summary);
  for (const s of model.sheets) addTableSheet(wb, s.name, s.table);
  addTableSheet(wb, 'Definitions', model.definitions);
  addTableSheet(wb, 'Notes', model.notes);
  const data = wb.addWorksheet('Data', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.addRow([...DATA_COLUMNS]);
  data.getRow(1).font = { bold: true };
  for (const r of model.data) data.addRow(DATA_COLUMNS.map((k) => r[k] ?? null));
  const buf = await wb.xlsx.writeBuffer();
  return normaliseOfficeZip(Buffer.from(buf as ArrayBuffer), model.asOf);
}
