import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readZip, writeZip } from '../shared/index.js';
import { readWorkbook, type Sheet } from './read-xlsx.js';

/** The same workbook as exceljs reads it (the independent reference), in `Sheet` form. */
async function viaExcelJs(bytes: Buffer): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: { r: number; cells: { col: number; value: string | number | boolean }[] }[] = [];
    ws.eachRow((row, r) => {
      const cells: { col: number; value: string | number | boolean }[] = [];
      row.eachCell({ includeEmpty: false }, (c, col) => {
        const v = c.value as ExcelJS.CellValue;
        const plain =
          v && typeof v === 'object'
            ? 'result' in v
              ? v.result
              : 'richText' in v
                ? v.richText.map((t) => t.text).join('')
                : 'error' in v
                  ? v.error
                  : v instanceof Date
                    ? v.getTime()
                    : undefined
            : v;
        if (plain !== undefined && plain !== null)
          cells.push({ col, value: plain as string | number | boolean });
      });
      if (cells.length) rows.push({ r, cells });
    });
    return { name: ws.name, rows };
  });
}

async function awkwardWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('Één & <twee>');
  a.addRow(['result', 'period', 'value', 'flag']);
  a.addRow(['SD1.A', '2016', 1234.5, true]);
  a.addRow(['a & b <c> "d" \'e\'', 'Überstunden – ½ 😀', -0.000123, false]);
  a.getCell('F7').value = { richText: [{ text: 'rich ' }, { text: 'text', font: { bold: true } }] };
  a.getCell('B9').value = { formula: '1+2', result: 3 };
  a.getCell('C9').value = { formula: 'A2&"x"', result: 'SD1.Ax' };
  a.getCell('AB12').value = 'far column';
  a.getCell('D14').numFmt = '#,##0.0'; // styled but empty: not a value
  const b = wb.addWorksheet('Data');
  b.addRow(['x']);
  for (let i = 0; i < 50; i++) b.addRow([`same ${i % 3}`, i * 1.1]);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('readWorkbook (the disclosure check reads XLSX files itself)', () => {
  it('reads what exceljs reads: shared and rich strings, numbers, booleans, formulas, sparse cells', async () => {
    const bytes = await awkwardWorkbook();
    expect(readWorkbook(bytes)).toEqual(await viaExcelJs(bytes));
  });

  it('reads inline strings, character references and rows without a reference as Excel does', async () => {
    // A sheet written by hand in the forms Excel accepts but exceljs does not write.
    const base = readZip(await awkwardWorkbook());
    const sheet = base.find((e) => e.name === 'xl/worksheets/sheet2.xml')!;
    const xml = sheet.data
      .toString('utf8')
      .replace(
        /<sheetData>[\s\S]*<\/sheetData>/,
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>' +
          '<row><c t="inlineStr"><is><t xml:space="preserve"> a&#233;&#x20AC; </t></is></c><c><v>7</v></c>' +
          '<c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c></row></sheetData>',
      );
    const wb = readWorkbook(
      writeZip(base.map((e) => (e.name === sheet.name ? { ...e, data: Buffer.from(xml) } : e))),
    );
    expect(wb[1]).toEqual({
      name: 'Data',
      rows: [
        { r: 1, cells: [{ col: 1, value: 'x' }] },
        {
          r: 2,
          cells: [
            { col: 1, value: ' aé€ ' },
            { col: 2, value: 7 },
            { col: 3, value: false },
            { col: 4, value: '#N/A' },
          ],
        },
      ],
    });
  });

  it('refuses a file that is not a workbook', () => {
    expect(() => readWorkbook(Buffer.from('not a zip at all'))).toThrow(/zip/);
  });
});
