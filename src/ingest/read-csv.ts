import { open, readFile } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { IdwError } from '../shared/index.js';
import { normaliseHeader, recordStartLines, sniffHead } from './csv-text.js';
import { importMessages as M } from './messages.js';
import { RAW, type RawSource } from './raw-source.js';

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Lines longer than this many bytes are quarantined, not read (`--max-line-bytes`). */
export const DEFAULT_MAX_LINE_BYTES = 10_000_000;

/**
 * Reads a UTF-8 CSV file (BOM or not) into `_raw` with DuckDB's reader: every field as text, the
 * separator and header taken from the first line, lines with a wrong number of fields set aside
 * (with their line number) instead of failing the file. Empty lines are skipped. `setAside` are
 * lines already taken out of the file (too long), quarantined with the rest.
 */
export async function readCsv(
  conn: DuckDBConnection,
  path: string,
  displayName: string,
  setAside: RawSource['shapeErrors'] = [],
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): Promise<RawSource> {
  const fh = await open(path, 'r');
  const sample = Buffer.alloc(256 * 1024);
  const { bytesRead } = await fh.read(sample, 0, sample.length, 0);
  await fh.close();
  const head = sniffHead(sample.subarray(0, bytesRead).toString('utf8'));
  if (!head)
    throw IdwError.single('IMPORT_EMPTY_FILE', M.IMPORT_EMPTY_FILE(), { file: displayName });
  const n = head.header.length + (head.trailingSeparator ? 1 : 0);
  const cols = Array.from({ length: n }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  await conn.run('DROP TABLE IF EXISTS _rej; DROP TABLE IF EXISTS _rej_scan;');
  try {
    await conn.run(
      `CREATE OR REPLACE TEMP TABLE ${RAW} AS SELECT * FROM read_csv(${sqlString(path)}, auto_detect=false, header=true, delim=${sqlString(head.delimiter)}, quote='"', escape='"', columns={${cols}}, store_rejects=true, rejects_table='_rej', rejects_scan='_rej_scan', max_line_size=${Math.max(DEFAULT_MAX_LINE_BYTES, maxLineBytes + 1024)})`,
    );
  } catch {
    // DuckDB's message may quote a line of the file, and so an identifier: never pass it on.
    throw IdwError.single('IMPORT_UNREADABLE_CSV', M.IMPORT_UNREADABLE_CSV(), {
      file: displayName,
    });
  }
  // Whitespace-only lines count as empty; every other rejected line is a record with a wrong shape.
  const rej = await conn.runAndReadAll(
    `SELECT line, min(error_type) AS kind, bool_and(trim(csv_line, E' \\t\\r') = '') AS blank FROM _rej GROUP BY line ORDER BY line`,
  );
  const rejected = rej.getRowObjectsJS().map((r) => ({
    line: Number(r.line),
    kind: String(r.kind),
    blank: r.blank === true,
  }));
  await conn.run('DROP TABLE IF EXISTS _rej; DROP TABLE IF EXISTS _rej_scan;');
  const columns = head.header.map(normaliseHeader);
  if (head.trailingSeparator) columns.push('');
  const rejectedLines = new Set(rejected.map((r) => r.line));
  return {
    columns,
    shapeErrors: [
      ...rejected.filter((r) => !r.blank).map(({ line, kind }) => ({ line, kind })),
      ...setAside,
    ].sort((a, b) => a.line - b.line),
    notes: [],
    async lineOf(records) {
      // Record k of `_raw` is the k-th record after the header that DuckDB did not set aside.
      const starts = recordStartLines(await readFile(path))
        .slice(1)
        .filter((l) => !rejectedLines.has(l));
      return new Map(records.map((r) => [r, starts[r - 1] ?? 0]));
    },
  };
}
