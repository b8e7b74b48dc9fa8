import type { DuckDBConnection } from '@duckdb/node-api';
import { basename, join } from 'node:path';
import { CONTRACT_TABLES, getTable, type Table } from '../contract/index.js';
import { IdwError, type Problem } from '../shared/index.js';
import { rewriteAsUtf8Lf, scanFile, type FileScan } from './file-scan.js';
import { KNOWN_COLUMNS, formatOf, tableFromHeader, tableFromName } from './detect.js';
import { importMessages as M } from './messages.js';
import { pseudonymSql, type PseudonymKey } from './pseudonym.js';
import { DEFAULT_MAX_LINE_BYTES, readCsv } from './read-csv.js';
import { checkEncoding } from './encoding-check.js';
import { readParquet, readXlsx } from './read-other.js';
import type { RawSource } from './raw-source.js';
import { quarantineAndLoad } from './load.js';
import { tryFastCsv } from './fast-csv.js';
import type { FileReport } from './types.js';
import { dedupColumns, mapSql, periodColumn, stageSql, type FieldSource } from './validate-sql.js';

export interface FileContext {
  readonly conn: DuckDBConnection;
  /**
   * A second connection, outside the import's transaction: a file is probed there first when a
   * reader error would otherwise abort the whole import (DuckDB has no savepoints).
   */
  readonly probe: () => Promise<DuckDBConnection>;
  readonly importId: string;
  readonly key: PseudonymKey;
  readonly tmpDir: string;
  readonly table?: string;
  readonly encoding?: string;
  readonly sheet?: string;
  readonly period?: { from: string; to: string };
  /** Tables whose period was already cleared in this import. */
  readonly replaced: Set<string>;
  readonly now: () => Date;
  /** Called when a file moves to its next step (read → check → load). */
  readonly step: (label: 'read' | 'check' | 'load') => void;
  /** Lines longer than this are quarantined (default `DEFAULT_MAX_LINE_BYTES`). */
  readonly maxLineBytes?: number;
  /** XLSX and Parquet files that would unpack to more than this are refused. */
  readonly maxUnpackedBytes?: number;
  /** Try the fast path on CSV files first (default true). */
  readonly fastPath?: boolean;
  /** Told which path imported each file: 'fast', or why the fast path was not taken. */
  readonly onPath?: (file: string, how: string) => void;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Imports one file inside the caller's open transaction and returns its report. */
export async function importFile(ctx: FileContext, path: string): Promise<FileReport> {
  const started = ctx.now();
  const file = basename(path);
  const format = formatOf(path) ?? 'csv';
  let scan;
  try {
    scan = await scanFile(path);
  } catch {
    throw IdwError.single('IMPORT_FILE_UNREADABLE', M.IMPORT_FILE_UNREADABLE(file), { file });
  }
  const base = {
    file,
    format,
    contentHash: scan.contentHash,
    encoding: format === 'csv' ? (ctx.encoding ?? (scan.utf8 ? 'utf-8' : 'windows-1252')) : null,
  };
  const empty = { rowsRead: 0, rowsLoaded: 0, rowsQuarantined: 0, blankLines: 0, rowsReplaced: 0 };
  const report = async (r: Omit<FileReport, keyof typeof base>): Promise<FileReport> => {
    const full = { ...base, ...r };
    await ctx.conn.run(
      `INSERT INTO import_log VALUES (${[ctx.importId, file, r.table ?? '', scan.contentHash].map(sqlString).join(', ')}, ${r.rowsRead}, ${r.rowsLoaded}, ${r.rowsQuarantined}, ${sqlString(started.toISOString())}, ${sqlString(ctx.now().toISOString())}, ${sqlString(r.outcome)})`,
    );
    return full;
  };

  if (!ctx.period) {
    const prev = await ctx.conn.runAndReadAll(
      `SELECT count(*) AS n FROM import_log WHERE content_hash = ${sqlString(scan.contentHash)} AND outcome IN ('loaded', 'partial')`,
    );
    if (Number(prev.getRowObjectsJS()[0]!.n) > 0)
      return report({
        ...empty,
        table: null,
        outcome: 'duplicate',
        byCode: {},
        problems: [
          { code: 'IMPORT_ALREADY_IMPORTED', location: { file }, ...M.IMPORT_ALREADY_IMPORTED() },
        ],
      });
  }

  // Windows-1252 is a safe reading of a file that is not UTF-8 only when nothing in it is UTF-8.
  if (format === 'csv' && !ctx.encoding && !scan.utf8) {
    const enc = await checkEncoding(path);
    const bad = enc.firstBad ?? { line: 1, column: 1 };
    if (enc.firstMultibyte || enc.firstUndefined)
      return report({
        ...empty,
        table: ctx.table ?? null,
        outcome: 'rejected',
        byCode: {},
        problems: [
          {
            code: 'IMPORT_MIXED_ENCODING',
            location: { file, line: bad.line, column: bad.column },
            ...M.IMPORT_MIXED_ENCODING(bad.line, bad.column),
          },
        ],
      });
  }

  if (format === 'csv' && ctx.fastPath !== false) {
    const fast = await tryFastCsv(ctx, path, scan);
    ctx.onPath?.(file, typeof fast === 'string' ? fast : 'fast');
    if (typeof fast !== 'string')
      return report({
        ...empty,
        table: fast.table.name,
        outcome: 'loaded',
        rowsRead: fast.records,
        rowsLoaded: fast.loaded,
        byCode: {},
        problems: [],
      });
  } else ctx.onPath?.(file, format === 'csv' ? 'off' : format);

  let raw: RawSource;
  let table: Table | undefined;
  ctx.step('read');
  try {
    raw = await readSource(ctx, path, file, format, scan);
    table = ctx.table ? getTable(ctx.table) : (tableFromName(path) ?? tableFromHeader(raw.columns));
    if (!table)
      throw IdwError.single(
        'IMPORT_UNKNOWN_TABLE',
        M.IMPORT_UNKNOWN_TABLE(CONTRACT_TABLES.map((t) => t.name).join(', ')),
        { file },
      );
  } catch (e) {
    // A failed read aborts DuckDB's transaction (there are no savepoints): the whole import stops.
    if (!(e instanceof IdwError) || e.code === 'IMPORT_UNREADABLE_CSV') throw e;
    const outcome = e.code === 'IMPORT_EMPTY_FILE' ? 'empty' : 'rejected';
    return report({
      ...empty,
      table: ctx.table ?? null,
      outcome,
      byCode: {},
      problems: e.problems,
    });
  }
  const problems: Problem[] = [...raw.notes];
  const src: Record<string, string | undefined> = {};
  const names = new Set(table.fields.map((f) => f.name));
  for (const [i, col] of raw.columns.entries()) {
    if (names.has(col)) {
      if (src[col]) {
        problems.push({
          code: 'IMPORT_DUPLICATE_COLUMN',
          location: { file, column: col },
          ...M.IMPORT_DUPLICATE_COLUMN(col),
        });
        return report({ ...empty, table: table.name, outcome: 'rejected', byCode: {}, problems });
      }
      src[col] = `c${i}`;
    } else {
      const used = await one(ctx.conn, `SELECT count(*) AS n FROM _raw WHERE trim(c${i}) <> ''`);
      if (col === '' && used === 0) continue;
      problems.push({
        code: 'IMPORT_UNKNOWN_COLUMN',
        location: { file, column: col || `#${i + 1}` },
        ...M.IMPORT_UNKNOWN_COLUMN(col || `#${i + 1}`),
      });
    }
  }
  for (const f of table.fields)
    if (f.constraints.required && !src[f.name])
      problems.push({
        code: 'IMPORT_MISSING_COLUMN',
        location: { file, column: f.name },
        ...M.IMPORT_MISSING_COLUMN(f.name),
      });

  // Rowids inside a transaction do not start at 0: record k is rowid base + k − 1.
  const baseRow = (
    await ctx.conn.runAndReadAll('SELECT coalesce(min(rowid), 0) FROM _raw')
  ).getRows()[0]?.[0];
  const firstRow = BigInt(baseRow as bigint);
  // Lines of only separators are empty lines too.
  // Plain ANDs in a WHERE short-circuit: a non-empty first field ends the test at once.
  const allEmpty = raw.columns.map((_, i) => `(c${i} IS NULL OR trim(c${i}) = '')`).join(' AND ');
  const blankLines = await one(ctx.conn, `SELECT count(*) AS n FROM _raw WHERE ${allEmpty}`);
  if (blankLines) await ctx.conn.run(`DELETE FROM _raw WHERE ${allEmpty}`);

  let rowsReplaced = 0;
  if (ctx.period && !ctx.replaced.has(table.name)) {
    const pc = periodColumn(table)!;
    rowsReplaced = await one(
      ctx.conn,
      `SELECT count(*) AS n FROM ${table.name} WHERE ${pc} BETWEEN DATE ${sqlString(ctx.period.from)} AND DATE ${sqlString(ctx.period.to)}`,
    );
    await ctx.conn.run(
      `DELETE FROM ${table.name} WHERE ${pc} BETWEEN DATE ${sqlString(ctx.period.from)} AND DATE ${sqlString(ctx.period.to)}`,
    );
    ctx.replaced.add(table.name);
  }

  ctx.step('check');
  const pseudonym = (e: string) => pseudonymSql(ctx.key, e);
  const source: FieldSource = src;
  const opts = ctx.period ? { period: ctx.period } : {};
  for (const n of dedupColumns(table, source)) await ctx.conn.run(mapSql(n, source, pseudonym));
  await ctx.conn.run(
    `CREATE OR REPLACE TEMP TABLE _stage AS ${stageSql(table, source, pseudonym, firstRow)}`,
  );
  await ctx.conn.run('DROP TABLE _raw');
  const mapped = dedupColumns(table, source);
  const loaded = await quarantineAndLoad(ctx, table, file, source, raw, opts, mapped);
  for (const n of mapped) await ctx.conn.run(`DROP TABLE "_map_${n}"`);
  await ctx.conn.run('DROP TABLE IF EXISTS _stage; DROP TABLE IF EXISTS _raw;');
  const rowsRead = loaded.records + raw.shapeErrors.length;
  const rowsQuarantined = loaded.quarantined + raw.shapeErrors.length;
  if (loaded.loaded + rowsQuarantined !== rowsRead)
    throw new Error(`internal: loaded + quarantined ≠ read for ${file}`);
  const outcome =
    rowsRead === 0
      ? 'empty'
      : rowsQuarantined === 0
        ? 'loaded'
        : loaded.loaded === 0
          ? 'rejected'
          : 'partial';
  return report({
    table: table.name,
    outcome,
    rowsRead,
    rowsLoaded: loaded.loaded,
    rowsQuarantined,
    blankLines,
    rowsReplaced,
    byCode: loaded.byCode,
    problems,
  });
}

async function readSource(
  ctx: FileContext,
  path: string,
  file: string,
  format: string,
  scan: FileScan,
): Promise<RawSource> {
  if (format === 'xlsx')
    return readXlsx(ctx.conn, path, file, KNOWN_COLUMNS, ctx.sheet, ctx.maxUnpackedBytes);
  if (format === 'parquet')
    return readParquet(ctx.conn, await ctx.probe(), path, file, ctx.maxUnpackedBytes);
  const scanHash = (p: string) => basename(p).replace(/[^A-Za-z0-9_-]/g, '_');
  const enc = ctx.encoding ?? (scan.utf8 ? 'utf-8' : 'windows-1252');
  const max = ctx.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  if (enc === 'utf-8' && !scan.mixedNewlines && scan.longestLine <= max)
    return readCsv(ctx.conn, path, file, [], max);
  const tmp = join(ctx.tmpDir, `${scanHash(path)}.csv`);
  const long = await rewriteAsUtf8Lf(path, tmp, enc, max);
  // Without its header line the file cannot be read at all: refuse it as a whole.
  if (long[0] === 1)
    throw IdwError.single('IMPORT_LINE_TOO_LONG', M.IMPORT_LINE_TOO_LONG(max), { file, line: 1 });
  const setAside = long.map((line) => ({
    line,
    kind: 'too long',
    code: 'IMPORT_LINE_TOO_LONG',
    message: M.IMPORT_LINE_TOO_LONG(max),
  }));
  return readCsv(ctx.conn, tmp, file, setAside, max);
}

export async function one(conn: DuckDBConnection, sql: string): Promise<number> {
  const r = await conn.runAndReadAll(sql);
  return Number(r.getRows()[0]?.[0] ?? 0);
}
