import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { getTable } from '../contract/index.js';
import type { DuckDbEngine, FileAccess } from '../store/index.js';
import { getMeta, setMeta } from '../store/index.js';
import { ExitCode, IdwError, hashValue } from '../shared/index.js';
import { expandPaths, tableFromName, tableOrder } from './detect.js';
import { importFile, type FileContext } from './import-file.js';
import { importMessages as M } from './messages.js';
import { keyFingerprint, type PseudonymKey } from './pseudonym.js';
import { periodColumn } from './validate-sql.js';
import type { FileReport, ImportSummary, TableTotals } from './types.js';

/** Options of one import run. */
export interface ImportOptions {
  /** Files or folders (a folder stands for its .csv, .txt, .xlsx and .parquet files). */
  readonly paths: readonly string[];
  readonly key: PseudonymKey;
  /** Table of every file (default: recognised from the file name, else from the header). */
  readonly table?: string;
  /** Load nothing when any row fails (default false). */
  readonly strict?: boolean;
  /** Replace the store's rows of this period (inclusive) by the files' rows (default: none). */
  readonly replacePeriod?: { from: string; to: string };
  /** CSV encoding `utf-8` or `windows-1252` (default: detected per file). */
  readonly encoding?: string;
  /** XLSX sheet name (default: the first sheet). */
  readonly sheet?: string;
  /** Lines longer than this many bytes are quarantined, never read (default 10,000,000). */
  readonly maxLineBytes?: number;
  /** XLSX and Parquet files that would unpack to more than this many bytes are refused (default 512 MiB). */
  readonly maxUnpackedBytes?: number;
  /** Clock (passed in so tests and logs agree). */
  readonly now?: () => Date;
  /**
   * Try the fast path on CSV files first (default true): one typed read and the same rules; any
   * doubt and the file goes through the exact path, which names every problem. False: exact only.
   */
  readonly fastPath?: boolean;
  /** Told which path imported each file: 'fast', or why the fast path was not taken. */
  readonly onPath?: (file: string, how: string) => void;
  /** Progress in steps (four per file: start, read, check, load); `label` names file and step. */
  readonly onProgress?: (done: number, total: number, label: string) => void;
}

const META_KEY = 'pseudonym_key_fingerprint';
const ENCODINGS = new Set(['utf-8', 'windows-1252']);

class StrictRollback extends Error {}

/**
 * What the import's store may touch: the source files (folders expanded) and the system temp
 * folder, where a file not in UTF-8 is rewritten before DuckDB reads it. Nothing else: the store
 * is opened locked with exactly these (see store/README.md).
 */
export function importFileAccess(paths: readonly string[]): FileAccess {
  return { paths: expandPaths(paths).map((p) => resolve(p)), directories: [tmpdir()] };
}

/**
 * Imports files into the store as ONE transaction: every row is loaded or quarantined, identifying
 * columns are pseudonymised, the same content is never loaded twice. With `strict`, any
 * quarantined row rolls the whole import back. A crash or kill leaves the store as it was.
 */
export async function importFiles(
  engine: DuckDbEngine,
  opts: ImportOptions,
): Promise<ImportSummary> {
  const now = opts.now ?? (() => new Date());
  if (opts.table && !getTable(opts.table))
    throw IdwError.single('IMPORT_BAD_TABLE', M.IMPORT_BAD_TABLE(opts.table), {}, ExitCode.usage);
  const encoding = opts.encoding
    ?.toLowerCase()
    .replace(/^cp/, 'windows-')
    .replace(/^utf8$/, 'utf-8');
  if (encoding && !ENCODINGS.has(encoding))
    throw IdwError.single(
      'IMPORT_BAD_ENCODING',
      M.IMPORT_BAD_ENCODING(opts.encoding!),
      {},
      ExitCode.usage,
    );
  for (const [option, v] of [
    ['--max-line-bytes', opts.maxLineBytes],
    ['--max-unpacked-bytes', opts.maxUnpackedBytes],
  ] as const)
    if (v !== undefined && !(Number.isSafeInteger(v) && v >= 1024))
      throw IdwError.single('IMPORT_BAD_LIMIT', M.IMPORT_BAD_LIMIT(option, v), {}, ExitCode.usage);
  const files = expandPaths(opts.paths).sort(
    (a, b) =>
      tableOrder(opts.table ?? tableFromName(a)?.name) -
      tableOrder(opts.table ?? tableFromName(b)?.name),
  );
  if (!files.length)
    throw IdwError.single('IMPORT_NO_FILES', M.IMPORT_NO_FILES(), {}, ExitCode.usage);
  if (opts.replacePeriod) {
    const tables = new Set(files.map((f) => opts.table ?? tableFromName(f)?.name));
    for (const t of tables) {
      const def = t ? getTable(t) : undefined;
      if (def && !periodColumn(def))
        throw IdwError.single(
          'IMPORT_REPLACE_NOT_DATED',
          M.IMPORT_REPLACE_NOT_DATED(def.name),
          {},
          ExitCode.usage,
        );
    }
  }
  const fingerprint = keyFingerprint(opts.key);
  const stored = await getMeta(engine, META_KEY);
  if (stored && stored !== fingerprint)
    throw IdwError.single('IMPORT_KEY_MISMATCH', M.IMPORT_KEY_MISMATCH());

  const started = now();
  const importId = `imp-${hashValue({ at: started.toISOString(), files })}`;
  const tmpDir = mkdtempSync(join(tmpdir(), 'idw-import-'));
  const reports: FileReport[] = [];
  let current = 0;
  let probe: DuckDBConnection | undefined;
  const ctx: FileContext = {
    conn: engine.connection,
    probe: async () => (probe ??= await engine.instance.connect()),
    importId,
    key: opts.key,
    tmpDir,
    now,
    replaced: new Set(),
    step: (label) => {
      const k = { read: 1, check: 2, load: 3 }[label];
      opts.onProgress?.(
        current * 4 + k,
        files.length * 4,
        `${basename(files[current]!)}: ${label}`,
      );
    },
    ...(opts.table ? { table: opts.table } : {}),
    ...(opts.fastPath === false ? { fastPath: false } : {}),
    ...(opts.onPath ? { onPath: opts.onPath } : {}),
    ...(encoding ? { encoding } : {}),
    ...(opts.sheet ? { sheet: opts.sheet } : {}),
    ...(opts.maxLineBytes ? { maxLineBytes: opts.maxLineBytes } : {}),
    ...(opts.maxUnpackedBytes ? { maxUnpackedBytes: opts.maxUnpackedBytes } : {}),
    ...(opts.replacePeriod ? { period: opts.replacePeriod } : {}),
  };
  let committed = true;
  try {
    await engine.transaction(async () => {
      if (!stored) await setMeta(engine, META_KEY, fingerprint);
      for (const [i, f] of files.entries()) {
        current = i;
        opts.onProgress?.(i * 4, files.length * 4, basename(f));
        try {
          reports.push(await importFile(ctx, f));
        } catch (e) {
          // A database error may quote a source value (an identifier): never pass its text on.
          if (e instanceof IdwError) throw e;
          const err = IdwError.single('IMPORT_INTERNAL', M.IMPORT_INTERNAL(basename(f)), {
            file: basename(f),
          });
          (err as { cause?: unknown }).cause = e;
          throw err;
        }
      }
      opts.onProgress?.(files.length * 4, files.length * 4, '');
      if (opts.strict && reports.some((r) => r.rowsQuarantined > 0 || r.outcome === 'rejected'))
        throw new StrictRollback();
    });
  } catch (e) {
    if (!(e instanceof StrictRollback)) throw e;
    committed = false;
    for (const r of reports) if (r.outcome !== 'duplicate') r.outcome = 'rolled_back';
  } finally {
    probe?.closeSync();
    rmSync(tmpDir, { recursive: true, force: true });
  }
  return summarise(importId, !!opts.strict, committed, reports);
}

function summarise(
  importId: string,
  strict: boolean,
  committed: boolean,
  files: FileReport[],
): ImportSummary {
  const tables: Record<string, TableTotals> = {};
  const byCode: Record<string, number> = {};
  const totals: TableTotals = { read: 0, loaded: 0, quarantined: 0 };
  for (const f of files) {
    const loaded = committed ? f.rowsLoaded : 0;
    if (f.table) {
      const t = (tables[f.table] ??= { read: 0, loaded: 0, quarantined: 0 });
      t.read += f.rowsRead;
      t.loaded += loaded;
      t.quarantined += f.rowsQuarantined;
    }
    totals.read += f.rowsRead;
    totals.loaded += loaded;
    totals.quarantined += f.rowsQuarantined;
    for (const [c, n] of Object.entries(f.byCode)) byCode[c] = (byCode[c] ?? 0) + n;
    for (const p of f.problems) byCode[p.code] ??= 0;
  }
  return { importId, strict, committed, files, tables, byCode, totals };
}

/** Exit code of an import: 0 when rows were loaded (or nothing needed loading), 1 when errors kept everything out. */
export function importExitCode(s: ImportSummary): number {
  const errors = s.files.some(
    (f) => f.rowsQuarantined > 0 || f.outcome === 'rejected' || f.outcome === 'rolled_back',
  );
  if (!s.committed) return ExitCode.failed;
  return s.totals.loaded === 0 && errors ? ExitCode.failed : ExitCode.ok;
}
