import { DuckDBInstance, DuckDBTypeId } from '@duckdb/node-api';
import type { DuckDBResultReader, DuckDBConnection } from '@duckdb/node-api';
import type { Engine, Row, SqlValue } from './engine.js';

/** Options for the embedded DuckDB store. */
export interface DuckDbOptions {
  /** Memory limit given to DuckDB (default `3GB`, below the 4 GiB budget of every command). */
  memoryLimit?: string;
  /** Worker threads (default: DuckDB's choice, i.e. the number of cores). */
  threads?: number;
  readOnly?: boolean;
  /**
   * Files and folders the store's queries may read or write (absolute paths); none by default.
   * Only the import (its source files and scratch folder) and `generate --out` (its folder) ask.
   */
  fileAccess?: FileAccess;
  /**
   * Bulk-load tuning for the whole session, fixed before the configuration is locked (none by
   * default): `generate` turns insertion order off, the import turns dictionary compression off.
   */
  bulkLoad?: { readonly insertionOrder?: false; readonly dictionaryCompression?: false };
}

/** What a store may touch on the file system besides its own database file. */
export interface FileAccess {
  readonly paths?: readonly string[];
  readonly directories?: readonly string[];
}

/**
 * Embedded DuckDB engine. Extension auto-install and auto-load are off: nothing is downloaded.
 * Every instance is opened locked: external access off (no file, extension or network from a
 * query, except the files listed in `fileAccess`) and the configuration frozen, so no statement —
 * even one a plan smuggled in — can read `/etc/passwd`, write a file, ATTACH or `SET` it back on.
 */
export class DuckDbEngine implements Engine {
  readonly dialect = 'duckdb' as const;
  private inTransaction = false;

  private constructor(
    readonly location: string,
    readonly instance: DuckDBInstance,
    /** The raw connection, for DuckDB-only bulk work (Appender, COPY) in generate and ingest. */
    readonly connection: DuckDBConnection,
  ) {}

  static async open(path: string, opts: DuckDbOptions = {}): Promise<DuckDbEngine> {
    const config: Record<string, string> = {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      memory_limit: opts.memoryLimit ?? '3GB',
    };
    if (opts.threads) config.threads = String(opts.threads);
    if (opts.readOnly) config.access_mode = 'READ_ONLY';
    const instance = await DuckDBInstance.create(path, config);
    const connection = await instance.connect();
    if (opts.bulkLoad?.insertionOrder === false)
      await connection.run('SET preserve_insertion_order = false');
    if (opts.bulkLoad?.dictionaryCompression === false)
      await connection.run(`SET disabled_compression_methods = 'dictionary'`);
    await lock(connection, opts.fileAccess ?? {});
    return new DuckDbEngine(path, instance, connection);
  }

  async query<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const result = params.length
      ? await this.connection.runAndReadAll(sql, params as SqlValue[])
      : await this.connection.runAndReadAll(sql);
    return toPlainRows(result) as T[];
  }

  async exec(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  async transaction<T>(fn: (tx: Engine) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    await this.connection.run('BEGIN TRANSACTION');
    this.inTransaction = true;
    try {
      const out = await fn(this);
      await this.connection.run('COMMIT');
      return out;
    } catch (e) {
      await this.connection.run('ROLLBACK');
      throw e;
    } finally {
      this.inTransaction = false;
    }
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** Allows only the listed files and folders, turns external access off and freezes the settings. */
async function lock(connection: DuckDBConnection, access: FileAccess): Promise<void> {
  // These settings can only be given before external access goes off (DuckDB refuses later).
  const list = (xs: readonly string[]) =>
    `[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(', ')}]`;
  if (access.paths?.length) await connection.run(`SET allowed_paths = ${list(access.paths)}`);
  if (access.directories?.length)
    await connection.run(`SET allowed_directories = ${list(access.directories)}`);
  await connection.run('SET enable_external_access = false');
  await connection.run('SET lock_configuration = true');
}

/** Types whose raw DuckDB value already is the plain JavaScript value (or null). */
const AS_IS = new Set<DuckDBTypeId>([
  DuckDBTypeId.BOOLEAN,
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.VARCHAR,
]);
/** Integer types read as `bigint`, returned as numbers. */
const BIG = new Set<DuckDBTypeId>([
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
]);

/**
 * Rows as plain JSON-friendly objects: BIGINT → number, DATE → `YYYY-MM-DD`, TIMESTAMP → ISO.
 * Read column by column: the common types (text, numbers, booleans) straight from DuckDB's
 * vectors, the others through the driver's JavaScript conversion; then one object per row (a
 * repeated column name keeps its first column). Several times faster than row objects for
 * results of hundreds of thousands of rows.
 */
function toPlainRows(result: DuckDBResultReader): Row[] {
  const types = result.columnTypes().map((t) => t.typeId);
  const names = result.columnNames();
  const raw = result.getColumns();
  let js: unknown[][] | undefined;
  const cols = types.map((t, i): unknown[] => {
    const col = raw[i] ?? [];
    if (AS_IS.has(t)) return col;
    if (BIG.has(t)) return col.map((v) => (v === null ? null : Number(v)));
    js ??= result.getColumnsJS();
    return (js[i] ?? []).map((v) => plain(v, t));
  });
  const first = names.map((n, i) => names.indexOf(n) === i);
  const n = result.currentRowCount;
  const rows = new Array<Row>(n);
  for (let r = 0; r < n; r++) {
    const out: Row = {};
    for (let i = 0; i < names.length; i++)
      if (first[i]) out[names[i]!] = (cols[i] as unknown[])[r] ?? null;
    rows[r] = out;
  }
  return rows;
}

function plain(v: unknown, typeId: DuckDBTypeId | undefined): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date)
    return typeId === DuckDBTypeId.DATE ? v.toISOString().slice(0, 10) : v.toISOString();
  if (Array.isArray(v)) return v.map((x) => plain(x, undefined));
  return v;
}
