import type { DialectName } from '../../store/index.js';
import type { Dialect } from './dialect.js';
import { duckdbDialect } from './dialect-duckdb.js';
import { postgresDialect } from './dialect-postgres.js';

export type { Dialect, Grain } from './dialect.js';
export { Params } from './params.js';
export { ident } from './ident.js';
export { RelationWriter, type RelationSpec } from './relation.js';
export { groupingSets } from './grouping.js';
export { monthTimeSql } from './month-time.js';

export function dialectFor(name: DialectName): Dialect {
  return name === 'postgres' ? postgresDialect : duckdbDialect;
}
