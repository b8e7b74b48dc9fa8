/**
 * The one interface every storage engine implements. Stages above the store speak only this
 * (plus a `Dialect` for the few SQL differences), so PostgreSQL can be added beside DuckDB.
 */

/** A value bound to a `$1`-style parameter or read from a result. Dates are ISO strings. */
export type SqlValue = string | number | boolean | null;
export type Row = Record<string, unknown>;

export type DialectName = 'duckdb' | 'postgres';

export interface Engine {
  readonly dialect: DialectName;
  /** Where the data lives (file path or connection description), for messages and manifests. */
  readonly location: string;
  /** Runs one parameterised statement (`$1`, `$2` …) and returns plain rows. */
  query<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs one or more statements without parameters (DDL, scripts). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction: all or nothing. */
  transaction<T>(fn: (tx: Engine) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
