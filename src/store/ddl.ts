import { CONTRACT_TABLES, type Field, type Table } from '../contract/index.js';
import type { DialectName } from './engine.js';

const TYPES: Record<DialectName, Record<Field['type'], string>> = {
  duckdb: {
    string: 'VARCHAR',
    integer: 'BIGINT',
    number: 'DOUBLE',
    boolean: 'BOOLEAN',
    date: 'DATE',
  },
  postgres: {
    string: 'TEXT',
    integer: 'BIGINT',
    number: 'DOUBLE PRECISION',
    boolean: 'BOOLEAN',
    date: 'DATE',
  },
};

/**
 * CREATE TABLE for a contract table. Required columns are NOT NULL; codes, ranges, keys and
 * references are checked by the import (with a quarantine), not by constraints that would make a
 * bulk load fail as a whole.
 */
export function createTableSql(t: Table, dialect: DialectName): string {
  const cols = t.fields.map(
    (f) => `  ${f.name} ${TYPES[dialect][f.type]}${f.constraints.required ? ' NOT NULL' : ''}`,
  );
  return `CREATE TABLE IF NOT EXISTS ${t.name} (\n${cols.join(',\n')}\n);`;
}

/** System tables: metadata, import log, quarantine and audit log. */
export const SYSTEM_TABLES_SQL = `
CREATE TABLE IF NOT EXISTS idw_meta (
  key VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS import_log (
  import_id VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  table_name VARCHAR NOT NULL,
  content_hash VARCHAR NOT NULL,
  rows_read BIGINT NOT NULL,
  rows_loaded BIGINT NOT NULL,
  rows_quarantined BIGINT NOT NULL,
  started_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP NOT NULL,
  outcome VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS quarantine (
  import_id VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  table_name VARCHAR NOT NULL,
  line BIGINT,
  column_name VARCHAR,
  value VARCHAR,
  code VARCHAR NOT NULL,
  message_nl VARCHAR NOT NULL,
  message_en VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_log (
  seq BIGINT NOT NULL,
  logged_at TIMESTAMP NOT NULL,
  actor VARCHAR NOT NULL,
  role VARCHAR NOT NULL,
  action VARCHAR NOT NULL,
  results VARCHAR NOT NULL,
  breakdowns VARCHAR NOT NULL,
  authorisation VARCHAR,
  output VARCHAR,
  prev_hash VARCHAR NOT NULL,
  hash VARCHAR NOT NULL
);
`;

export function schemaSql(dialect: DialectName): string {
  return [...CONTRACT_TABLES.map((t) => createTableSql(t, dialect)), SYSTEM_TABLES_SQL].join('\n');
}
