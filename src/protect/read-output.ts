import { readFile } from 'node:fs/promises';
import { IdwError } from '../shared/index.js';
import { DATA_COLUMNS, fromDataRows, type DataRowCell } from './data-rows.js';
import { protectMessages as m } from './messages.js';
import { readWorkbook, type Sheet } from './read-xlsx.js';
import { IDENTIFYING_COLUMNS, personalValue, scanJson } from './personal-data.js';
import type { Audience } from './types.js';

/** A published output as check-disclosure sees it. */
export interface PublishedOutput {
  readonly file: string;
  readonly kind: 'json' | 'xlsx';
  readonly audience?: Audience;
  /** Cut-off date of the output, where it says (JSON `asOf`; Data-sheet keys of provisional numbers). */
  readonly asOf?: string;
  readonly cells: readonly DataRowCell[];
  /** Places that hold personal data (pseudonymised ids, national register numbers, person rows). */
  readonly personal: readonly string[];
}

/** Reads a JSON ProtectedResultSet or an XLSX annex with a `Data` sheet. */
export async function readOutput(file: string): Promise<PublishedOutput> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw IdwError.single(
      'PROTECT_OUTPUT_UNREADABLE',
      m.PROTECT_OUTPUT_UNREADABLE(file, (e as Error).message),
      { file },
    );
  }
  if (/\.xlsx$/i.test(file)) return readXlsx(file, bytes);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw IdwError.single(
      'PROTECT_OUTPUT_UNREADABLE',
      m.PROTECT_OUTPUT_UNREADABLE(file, (e as Error).message),
      { file },
    );
  }
  return fromJson(file, json);
}

/** A parsed JSON output: a ProtectedResultSet (`cells`), or a bare array of cells. */
export function fromJson(file: string, json: unknown): PublishedOutput {
  const obj = (Array.isArray(json) ? { cells: json } : json) as {
    cells?: unknown;
    audience?: unknown;
    asOf?: unknown;
  };
  if (!obj || typeof obj !== 'object' || !Array.isArray(obj.cells))
    throw IdwError.single(
      'PROTECT_OUTPUT_UNREADABLE',
      m.PROTECT_OUTPUT_UNREADABLE(file, 'no cells array'),
      { file },
    );
  const personal = scanJson(json);
  const cells = obj.cells as DataRowCell[];
  cells.forEach((c, i) => {
    if (!c || typeof c !== 'object' || !c.breakdown || typeof c.breakdown !== 'object')
      throw IdwError.single(
        'PROTECT_OUTPUT_UNREADABLE',
        m.PROTECT_OUTPUT_UNREADABLE(file, `cells[${i}] is not a cell`),
        { file },
      );
    for (const d of Object.keys(c.breakdown))
      if (IDENTIFYING_COLUMNS.has(d))
        personal.push(`cells[${i}].breakdown.${d}: person-level breakdown`);
  });
  const audience = typeof obj.audience === 'string' ? (obj.audience as Audience) : undefined;
  const asOf = typeof obj.asOf === 'string' ? obj.asOf : undefined;
  return {
    file,
    kind: 'json',
    ...(audience ? { audience } : {}),
    ...(asOf ? { asOf } : {}),
    cells,
    personal,
  };
}

function readXlsx(file: string, bytes: Buffer): PublishedOutput {
  let sheets: Sheet[];
  try {
    sheets = readWorkbook(bytes);
  } catch (e) {
    throw IdwError.single(
      'PROTECT_OUTPUT_UNREADABLE',
      m.PROTECT_OUTPUT_UNREADABLE(file, (e as Error).message),
      { file },
    );
  }
  const personal: string[] = [];
  let rows: Record<string, unknown>[] | undefined;
  for (const ws of sheets) {
    const header: string[] = [];
    const first = ws.rows[0]?.r === 1 ? ws.rows[0].cells : [];
    for (const c of first) header[c.col - 1] = String(c.value);
    for (let i = 0; i < header.length; i++) header[i] ??= '';
    for (const h of header)
      if (IDENTIFYING_COLUMNS.has(h)) personal.push(`${ws.name}: column ${h} (person-level rows)`);
    const sheetRows: Record<string, unknown>[] = [];
    for (const row of ws.rows) {
      if (row.r === 1) continue;
      const rec: Record<string, unknown> = {};
      for (const { col, value } of row.cells) {
        const key = header[col - 1] ?? '';
        const why = personalValue(key, value);
        if (why && !IDENTIFYING_COLUMNS.has(key))
          personal.push(`${ws.name}!R${row.r}C${col}: ${why}`);
        rec[key] = value;
      }
      sheetRows.push(rec);
    }
    // The report names the sheet in its language: `Gegevens` (Dutch) or `Data` (English).
    if (ws.name === 'Data' || ws.name === 'Gegevens') {
      const got = header.join(',');
      if (got !== DATA_COLUMNS.join(','))
        throw IdwError.single(
          'PROTECT_DATA_SHEET',
          m.PROTECT_DATA_SHEET(file, `header is '${got}', expected '${DATA_COLUMNS.join(',')}'`),
          { file },
        );
      rows = sheetRows;
    }
  }
  if (!rows)
    throw IdwError.single('PROTECT_DATA_SHEET', m.PROTECT_DATA_SHEET(file, 'no sheet named Data'), {
      file,
    });
  // The Data sheet's keys carry the cut-off date of numbers that can still change.
  const asOf = rows
    .map((r) => /@as-of=(\d{4}-\d{2}-\d{2})$/.exec(String(r.key ?? ''))?.[1])
    .find((d) => d !== undefined);
  return {
    file,
    kind: 'xlsx',
    ...(asOf ? { asOf } : {}),
    cells: fromDataRows(rows, file),
    personal,
  };
}
