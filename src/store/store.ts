import { CONTRACT_TABLES } from '../contract/index.js';
import { hashValue } from '../shared/index.js';
import { schemaSql } from './ddl.js';
import { DuckDbEngine, type DuckDbOptions } from './duckdb-engine.js';
import type { Engine } from './engine.js';

/** Default store file: `IDW_DB` or `./idw.duckdb`. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.IDW_DB || 'idw.duckdb';
}

/** Opens (and creates if needed) the embedded store with every contract and system table. */
export async function openStore(
  path: string,
  opts: DuckDbOptions = {},
): Promise<Engine & DuckDbEngine> {
  const engine = await DuckDbEngine.open(path, opts);
  if (!opts.readOnly) await engine.exec(schemaSql(engine.dialect));
  return engine;
}

export async function getMeta(engine: Engine, key: string): Promise<string | undefined> {
  const rows = await engine.query<{ value: string }>('SELECT value FROM idw_meta WHERE key = $1', [
    key,
  ]);
  return rows[0]?.value;
}

export async function setMeta(engine: Engine, key: string, value: string): Promise<void> {
  await engine.query('DELETE FROM idw_meta WHERE key = $1', [key]);
  await engine.query('INSERT INTO idw_meta (key, value) VALUES ($1, $2)', [key, value]);
}

/** Row count per contract table. */
export async function tableCounts(engine: Engine): Promise<Record<string, number>> {
  const sql = CONTRACT_TABLES.map(
    (t) => `SELECT '${t.name}' AS t, count(*) AS n FROM ${t.name}`,
  ).join(' UNION ALL ');
  const rows = await engine.query<{ t: string; n: number }>(sql);
  return Object.fromEntries(
    CONTRACT_TABLES.map((t) => [t.name, rows.find((r) => r.t === t.name)?.n ?? 0]),
  );
}

/**
 * Content id of the store: a hash over every contract table's row count and an order-independent
 * hash of its rows. Equal data gives an equal id, whatever the load order.
 */
export async function snapshotId(engine: Engine): Promise<string> {
  const parts = CONTRACT_TABLES.map(
    (t) =>
      `SELECT '${t.name}' AS t, count(*) AS n, coalesce(sum(hash(${t.fields.map((f) => f.name).join(', ')})), 0)::VARCHAR AS h FROM ${t.name}`,
  );
  const rows = await engine.query(parts.join(' UNION ALL ') + ' ORDER BY t');
  return hashValue(rows);
}
