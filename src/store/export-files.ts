import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { CONTRACT_TABLES, type Field, type Table } from '../contract/index.js';
import { IdwError } from '../shared/index.js';
import type { Engine, Row } from './engine.js';

/** How to write the source files. */
export interface SourceFileOptions {
  /** File format (default `csv`). */
  format?: 'csv' | 'parquet' | 'xlsx';
  /** `belgian`: `;`, decimal comma, dd/mm/yyyy; `standard`: `,`, decimal point, ISO dates (default `belgian`). */
  style?: 'belgian' | 'standard';
  /** Text encoding of CSV files (default `windows-1252` for belgian, `utf8` for standard). */
  encoding?: 'utf8' | 'windows-1252';
  /** Tables to write (default: every contract table). */
  tables?: readonly string[];
}

export interface WrittenFile {
  table: string;
  file: string;
  rows: number;
}

/** The most rows one Excel sheet holds below its header row. */
export const XLSX_MAX_ROWS = 1_048_575;

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const orderBy = (t: Table) => (t.primaryKey ?? [t.fields[0]!.name]).join(', ');

/** A column as text for CSV: dates, decimals and booleans in the chosen style; null stays empty. */
function csvColumn(f: Field, style: 'belgian' | 'standard'): string {
  const c = f.name;
  if (f.type === 'date')
    return style === 'belgian'
      ? `strftime(${c}, '%d/%m/%Y') AS ${c}`
      : `CAST(${c} AS VARCHAR) AS ${c}`;
  if (f.type === 'number')
    return style === 'belgian'
      ? `replace(CAST(${c} AS VARCHAR), '.', ',') AS ${c}`
      : `CAST(${c} AS VARCHAR) AS ${c}`;
  if (f.type === 'boolean')
    return `CASE WHEN ${c} THEN 'true' WHEN NOT ${c} THEN 'false' END AS ${c}`;
  return c;
}

/**
 * Writes one file per contract table (`<table>.csv`, `.parquet` or `.xlsx`) into `dir`, rows in
 * primary-key order. Belgian CSV: `;` separator, decimal comma, dates dd/mm/yyyy, Windows-1252.
 * Booleans are `true`/`false`, null is an empty field. Parquet keeps the column types; XLSX has one
 * sheet with a header row, real dates and booleans.
 */
export async function writeSourceFiles(
  engine: Engine,
  dir: string,
  opts: SourceFileOptions = {},
): Promise<WrittenFile[]> {
  const format = opts.format ?? 'csv';
  const style = opts.style ?? 'belgian';
  const encoding = opts.encoding ?? (style === 'belgian' ? 'windows-1252' : 'utf8');
  await mkdir(dir, { recursive: true });
  const tables = CONTRACT_TABLES.filter((t) => !opts.tables || opts.tables.includes(t.name));
  const out: WrittenFile[] = [];
  for (const t of tables) {
    const [c] = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM ${t.name}`);
    const rows = c?.n ?? 0;
    const file = join(dir, `${t.name}.${format}`);
    if (format === 'parquet') {
      await engine.exec(
        `COPY (SELECT * FROM ${t.name} ORDER BY ${orderBy(t)}) TO ${q(file)} (FORMAT parquet)`,
      );
    } else if (format === 'csv') {
      const target = encoding === 'utf8' ? file : `${file}.utf8.tmp`;
      const cols = t.fields.map((f) => csvColumn(f, style)).join(', ');
      await engine.exec(
        `COPY (SELECT ${cols} FROM ${t.name} ORDER BY ${orderBy(t)}) TO ${q(target)} (HEADER, DELIMITER ${q(style === 'belgian' ? ';' : ',')}, QUOTE '"')`,
      );
      if (target !== file) {
        await pipeline(
          createReadStream(target),
          iconv.decodeStream('utf8'),
          iconv.encodeStream('win1252'),
          createWriteStream(file),
        );
        await rm(target);
      }
    } else {
      if (rows > XLSX_MAX_ROWS)
        throw IdwError.single(
          'STORE_XLSX_TOO_BIG',
          {
            nl: `Tabel ${t.name} heeft ${rows} rijen: te veel voor één Excel-blad (max. ${XLSX_MAX_ROWS}). Kies csv of parquet.`,
            en: `Table ${t.name} has ${rows} rows: too many for one Excel sheet (max ${XLSX_MAX_ROWS}). Choose csv or parquet.`,
          },
          { path: t.name },
        );
      await writeXlsx(engine, t, file, style);
    }
    out.push({ table: t.name, file, rows });
  }
  return out;
}

async function writeXlsx(
  engine: Engine,
  t: Table,
  file: string,
  style: 'belgian' | 'standard',
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  const ws = wb.addWorksheet(t.name);
  const dateFmt = style === 'belgian' ? 'dd/mm/yyyy' : 'yyyy-mm-dd';
  ws.columns = t.fields.map((f) => ({
    header: f.name,
    key: f.name,
    width: Math.max(12, f.name.length + 2),
    ...(f.type === 'date' ? { style: { numFmt: dateFmt } } : {}),
  }));
  const tmp = `idw_export_${t.name}`;
  await engine.exec(
    `CREATE OR REPLACE TEMP TABLE ${tmp} AS SELECT row_number() OVER (ORDER BY ${orderBy(t)}) AS idw_rn, * FROM ${t.name}`,
  );
  const chunk = 50_000;
  try {
    for (let lo = 1; ; lo += chunk) {
      const rows = await engine.query<Row>(
        `SELECT * FROM ${tmp} WHERE idw_rn >= $1 AND idw_rn < $2 ORDER BY idw_rn`,
        [lo, lo + chunk],
      );
      if (!rows.length) break;
      for (const r of rows) {
        const values = t.fields.map((f) => {
          const v = r[f.name];
          if (v === null || v === undefined) return null;
          if (f.type === 'date') return new Date(`${String(v)}T00:00:00Z`);
          return v as string | number | boolean;
        });
        ws.addRow(values).commit();
      }
    }
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${tmp}`);
  }
  ws.commit();
  await wb.commit();
}
