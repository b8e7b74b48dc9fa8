import type { DataRow } from './model.js';

/** Column letter of a 0-based column index (A … Z, AA …). */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Characters XML 1.0 does not allow (C0 controls other than tab, newline, return; U+FFFE/FFFF). */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Text as XML character data; characters XML cannot hold become U+FFFD (visible, never dropped). */
export function xmlText(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(INVALID_XML, '\ufffd');
}

function cellXml(ref: string, v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"><v>${v}</v></c>`;
  const s = String(v);
  const space = s.trim() !== s ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" t="inlineStr"><is><t${space}>${xmlText(s)}</t></is></c>`;
}

/**
 * The `<row>` elements of the `Data` sheet below its header (rows 2 …), one per cell, in the order
 * of `columns` (the model's `dataColumns`). Written directly rather than through exceljs, whose per-cell objects cost
 * seconds for ~15,000 rows × 19 columns. Strings are inline (`t="inlineStr"`), numbers plain and
 * unstyled (General), empty values leave no cell: what exceljs writes for the same rows, read back
 * the same by exceljs, LibreOffice and Excel.
 */
export function dataSheetRows(rows: readonly DataRow[], columns: readonly string[]): Buffer {
  const letters = columns.map((_, i) => columnLetter(i));
  const chunks: Buffer[] = [];
  let part: string[] = [];
  rows.forEach((row, i) => {
    const r = i + 2;
    let xml = `<row r="${r}">`;
    for (let c = 0; c < columns.length; c++) xml += cellXml(`${letters[c]}${r}`, row[columns[c]!]);
    part.push(`${xml}</row>`);
    // Join in blocks: one string of the whole sheet would be tens of megabytes.
    if (part.length === 2000) {
      chunks.push(Buffer.from(part.join(''), 'utf8'));
      part = [];
    }
  });
  chunks.push(Buffer.from(part.join(''), 'utf8'));
  return Buffer.concat(chunks);
}

/**
 * Puts the data rows into the sheet exceljs wrote with the header row only: rows after the header,
 * and the sheet's dimension widened to the last row. Returns the parts before and after the rows.
 */
export function spliceDataRows(
  placeholderXml: string,
  rowCount: number,
  columnCount: number,
): { readonly head: Buffer; readonly tail: Buffer } {
  const end = placeholderXml.lastIndexOf('</sheetData>');
  if (end < 0 || !placeholderXml.includes('<row r="1"') || placeholderXml.includes('<row r="2"'))
    throw new Error('unexpected Data sheet from exceljs: no sheetData with only a header row');
  const last = columnLetter(columnCount - 1);
  const head = placeholderXml
    .slice(0, end)
    .replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:${last}${rowCount + 1}"/>`);
  return { head: Buffer.from(head, 'utf8'), tail: Buffer.from(placeholderXml.slice(end), 'utf8') };
}
