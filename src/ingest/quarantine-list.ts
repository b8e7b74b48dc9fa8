import { IdwError, ExitCode } from '../shared/index.js';
import type { Engine } from '../store/index.js';
import { importMessages as M } from './messages.js';

/** One quarantined row: where it was in its file, which value and why (values of identifying columns are pseudonyms). */
export interface QuarantineEntry {
  readonly importId: string;
  readonly file: string;
  readonly table: string;
  readonly line: number | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly code: string;
  readonly message: { readonly nl: string; readonly en: string };
}

/** The quarantine, with how many entries there are in all (the list may be cut at `limit`). */
export interface QuarantineList {
  readonly total: number;
  readonly entries: readonly QuarantineEntry[];
}

/**
 * Lists quarantined rows in the order of the imports, then file and line; only those of one import
 * when `importId` is given (an unknown id is wrong use), at most `limit` (0: all).
 */
export async function listQuarantine(
  engine: Engine,
  opts: { importId?: string; limit?: number } = {},
): Promise<QuarantineList> {
  const where = opts.importId ? 'WHERE q.import_id = $1' : '';
  const params = opts.importId ? [opts.importId] : [];
  if (opts.importId) {
    const known = await engine.query<{ n: number }>(
      'SELECT count(*) AS n FROM import_log WHERE import_id = $1',
      params,
    );
    if (Number(known[0]?.n ?? 0) === 0)
      throw IdwError.single(
        'IMPORT_UNKNOWN_IMPORT',
        M.IMPORT_UNKNOWN_IMPORT(opts.importId),
        {},
        ExitCode.usage,
      );
  }
  const total = Number(
    (
      await engine.query<{ n: number }>(`SELECT count(*) AS n FROM quarantine q ${where}`, params)
    )[0]?.n ?? 0,
  );
  const limit = opts.limit ? `LIMIT ${Math.floor(opts.limit)}` : '';
  // Imports in the order they ran (the first time each id appears in the import log).
  const rows = await engine.query<Record<string, string | number | null>>(
    `WITH runs AS (SELECT import_id, min(started_at) AS at FROM import_log GROUP BY import_id)
     SELECT q.import_id, q.file, q.table_name, q.line, q.column_name, q.value, q.code, q.message_nl, q.message_en
     FROM quarantine q LEFT JOIN runs r USING (import_id) ${where}
     ORDER BY r.at, q.import_id, q.file, q.line, q.column_name ${limit}`,
    params,
  );
  return {
    total,
    entries: rows.map((r) => ({
      importId: String(r.import_id),
      file: String(r.file),
      table: String(r.table_name),
      line: r.line === null ? null : Number(r.line),
      column: r.column_name === null ? null : String(r.column_name),
      value: r.value === null ? null : String(r.value),
      code: String(r.code),
      message: { nl: String(r.message_nl), en: String(r.message_en) },
    })),
  };
}
