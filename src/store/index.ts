// Public surface of `store`: the engine interface, the embedded DuckDB store and its metadata.
export type { Engine, Row, SqlValue, DialectName } from './engine.js';
export { DuckDbEngine, type DuckDbOptions, type FileAccess } from './duckdb-engine.js';
export { openStore, defaultDbPath, getMeta, setMeta, tableCounts, snapshotId } from './store.js';
export { schemaSql, createTableSql } from './ddl.js';
export {
  writeSourceFiles,
  XLSX_MAX_ROWS,
  type SourceFileOptions,
  type WrittenFile,
} from './export-files.js';
