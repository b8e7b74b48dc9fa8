import type { DuckDBConnection } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { open, readFile } from 'node:fs/promises';
import {
  DEFAULT_MAX_UNZIPPED_BYTES,
  IdwError,
  ZipError,
  checkZip,
  type Problem,
} from '../shared/index.js';
import { normaliseHeader } from './csv-text.js';
import { importMessages as M } from './messages.js';
import { RAW, type RawSource } from './raw-source.js';

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Reads a Parquet file into `_raw`, every column as text; record k is on "line" k (no header).
 * The file is read once on `probe`, a connection outside the import's transaction, first: a
 * damaged file (a reader error would abort the whole import, DuckDB has no savepoints) or one whose
 * columns would unpack to more than `maxBytes` is refused as a file, and the import goes on.
 */
export async function readParquet(
  conn: DuckDBConnection,
  probe: DuckDBConnection,
  path: string,
  displayName: string,
  maxBytes = DEFAULT_MAX_UNZIPPED_BYTES,
): Promise<RawSource> {
  const fh = await open(path, 'r');
  let framed = false;
  try {
    const { size } = await fh.stat();
    if (size >= 12) {
      const head = Buffer.alloc(4);
      const tail = Buffer.alloc(8);
      await fh.read(head, 0, 4, 0);
      await fh.read(tail, 0, 8, size - 8);
      const footer = tail.readUInt32LE(0);
      framed =
        head.toString('latin1') === 'PAR1' &&
        tail.toString('latin1', 4) === 'PAR1' &&
        footer > 0 &&
        footer <= size - 12;
    }
  } finally {
    await fh.close();
  }
  if (!framed)
    throw IdwError.single('IMPORT_BROKEN_PARQUET', M.IMPORT_BROKEN_PARQUET(), {
      file: displayName,
    });
  let unpacked: number;
  try {
    const meta = await probe.runAndReadAll(
      `SELECT coalesce(sum(total_uncompressed_size), 0) AS n FROM parquet_metadata(${sqlString(path)})`,
    );
    unpacked = Number(meta.getRowObjectsJS()[0]!.n);
    // Every value decoded once, as the import will (a column left out would not be read).
    if (unpacked <= maxBytes)
      await probe.run(
        `SELECT count(*), max(length(CAST(COLUMNS(*) AS VARCHAR))) FROM read_parquet(${sqlString(path)})`,
      );
  } catch {
    throw IdwError.single('IMPORT_BROKEN_PARQUET', M.IMPORT_BROKEN_PARQUET(), {
      file: displayName,
    });
  }
  if (unpacked > maxBytes)
    throw IdwError.single('IMPORT_UNPACKED_TOO_LARGE', M.IMPORT_UNPACKED_TOO_LARGE(maxBytes), {
      file: displayName,
    });
  const desc = await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${sqlString(path)})`);
  const names = desc.getRowObjectsJS().map((r) => String(r.column_name));
  const sel = names
    .map((n, i) => `CAST("${n.replace(/"/g, '""')}" AS VARCHAR) AS c${i}`)
    .join(', ');
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${RAW} AS SELECT ${sel} FROM read_parquet(${sqlString(path)})`,
  );
  return {
    columns: names.map(normaliseHeader),
    shapeErrors: [],
    notes: [],
    lineOf: async (recs) => new Map(recs.map((r) => [r, r])),
  };
}

/** Text of a spreadsheet cell as a CSV would hold it: dates as ISO, numbers with a point. */
function cellText(v: ExcelJS.CellValue): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
    return null;
  }
  return String(v);
}

/**
 * Reads the first sheet (or `sheet`) of an XLSX file into `_raw`. The header is the first row that
 * names at least two known columns; rows above it (titles, merged group headers) are skipped and
 * reported. Merged cells inside the header row leave columns without a name of their own: the file
 * is refused with IMPORT_MERGED_HEADER rather than guessed.
 */
export async function readXlsx(
  conn: DuckDBConnection,
  path: string,
  displayName: string,
  knownColumns: ReadonlySet<string>,
  sheet?: string,
  maxBytes = DEFAULT_MAX_UNZIPPED_BYTES,
): Promise<RawSource> {
  // A zip bomb is refused from its central directory, before the spreadsheet library unpacks it.
  const bytes = await readFile(path);
  try {
    checkZip(bytes, maxBytes);
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    throw e.kind === 'too-large'
      ? IdwError.single('IMPORT_UNPACKED_TOO_LARGE', M.IMPORT_UNPACKED_TOO_LARGE(maxBytes), {
          file: displayName,
        })
      : IdwError.single('IMPORT_BROKEN_ARCHIVE', M.IMPORT_BROKEN_ARCHIVE(), { file: displayName });
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw IdwError.single('IMPORT_BROKEN_ARCHIVE', M.IMPORT_BROKEN_ARCHIVE(), {
      file: displayName,
    });
  }
  const ws = sheet ? wb.getWorksheet(sheet) : wb.worksheets[0];
  if (!ws)
    throw IdwError.single('IMPORT_NO_SHEET', M.IMPORT_NO_SHEET(sheet ?? '1'), {
      file: displayName,
    });
  const rows: { line: number; cells: (string | null)[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: (string | null)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      // A merged cell's slaves repeat the master's value in ExcelJS; keep the value once.
      cells.push(cell.isMerged && cell.master !== cell ? null : cellText(cell.value));
    }
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    if (cells.some((c) => c !== null && c.trim() !== '')) rows.push({ line, cells });
  });
  const hIdx = rows.findIndex(
    (r) => r.cells.filter((c) => c !== null && knownColumns.has(normaliseHeader(c))).length >= 2,
  );
  if (rows.length === 0 || hIdx < 0)
    throw IdwError.single('IMPORT_EMPTY_FILE', M.IMPORT_EMPTY_FILE(), { file: displayName });
  const notes: Problem[] = [];
  if (hIdx > 0)
    notes.push({
      code: 'IMPORT_ROWS_ABOVE_HEADER',
      location: { file: displayName, line: rows[hIdx]!.line },
      ...M.IMPORT_ROWS_ABOVE_HEADER(hIdx),
    });
  const header = rows[hIdx]!;
  const merged = mergedRanges(ws).filter((m) => m.top <= header.line && m.bottom >= header.line);
  if (merged.length)
    throw IdwError.single(
      'IMPORT_MERGED_HEADER',
      M.IMPORT_MERGED_HEADER(merged.map((m) => m.ref).join(', ')),
      { file: displayName, line: header.line },
    );
  const data = rows.slice(hIdx + 1);
  const width = Math.max(header.cells.length, ...data.map((r) => r.cells.length));
  const columns = Array.from({ length: width }, (_, i) => normaliseHeader(header.cells[i] ?? ''));
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${RAW} (${columns.map((_, i) => `c${i} VARCHAR`).join(', ')})`,
  );
  const app = await conn.createAppender(RAW, 'main', 'temp');
  for (const r of data) {
    for (let i = 0; i < width; i++) {
      const v = r.cells[i];
      if (v === null || v === undefined) app.appendNull();
      else app.appendVarchar(v);
    }
    app.endRow();
  }
  app.closeSync();
  return {
    columns,
    shapeErrors: [],
    notes,
    lineOf: async (recs) => new Map(recs.map((k) => [k, data[k - 1]?.line ?? 0])),
  };
}

function mergedRanges(ws: ExcelJS.Worksheet): { ref: string; top: number; bottom: number }[] {
  const model = ws.model as unknown as { merges?: string[] };
  return (model.merges ?? []).map((ref) => {
    const [a, b] = ref.split(':');
    const row = (s: string | undefined) => Number(/\d+/.exec(s ?? '')?.[0] ?? 0);
    return { ref, top: row(a), bottom: row(b ?? a) };
  });
}
