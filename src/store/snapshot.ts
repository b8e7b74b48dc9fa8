import { hashValue } from '../shared/index.js';
import type { Engine } from './engine.js';
import { getMeta, setMeta, snapshotId, tableCounts } from './store.js';

/** `idw_meta` key of the recorded snapshot id (with the fingerprint it was computed on). */
export const SNAPSHOT_META_KEY = 'snapshot';

/**
 * Cheap fingerprint of every way idw changes the data: the row count of every contract table, the
 * import log (every import, including one that replaces a period with as many rows, adds its
 * lines) and the generator's parameters. It is not a content hash: a change made by hand outside
 * idw that keeps every row count (an UPDATE) does not change it; such a store must drop the
 * `snapshot` key from `idw_meta` (`forgetSnapshot`).
 */
export async function dataFingerprint(engine: Engine): Promise<string> {
  const counts = await tableCounts(engine);
  const log = (await engine.query('SELECT * FROM import_log'))
    .map((r) => JSON.stringify(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1))))
    .sort();
  const generator = (await getMeta(engine, 'generator')) ?? null;
  return hashValue({ counts, log, generator });
}

/** Computes the snapshot id (a hash of every row) and records it with the data's fingerprint. */
export async function recordSnapshot(engine: Engine): Promise<string> {
  const id = await snapshotId(engine);
  await setMeta(
    engine,
    SNAPSHOT_META_KEY,
    JSON.stringify({ id, fingerprint: await dataFingerprint(engine) }),
  );
  return id;
}

/** Drops the recorded snapshot id: the next `currentSnapshotId` hashes every row again. */
export async function forgetSnapshot(engine: Engine): Promise<void> {
  await engine.query('DELETE FROM idw_meta WHERE key = $1', [SNAPSHOT_META_KEY]);
}

/**
 * The snapshot id of the store, equal to `snapshotId(engine)`: the recorded one when the data's
 * fingerprint has not changed since it was recorded (a few small queries instead of hashing
 * every row), else computed, and recorded when `record` is set (a writable store).
 */
export async function currentSnapshotId(
  engine: Engine,
  opts: { readonly record?: boolean } = {},
): Promise<string> {
  const fingerprint = await dataFingerprint(engine);
  const stored = await getMeta(engine, SNAPSHOT_META_KEY);
  if (stored) {
    const s = JSON.parse(stored) as { id?: unknown; fingerprint?: unknown };
    if (s.fingerprint === fingerprint && typeof s.id === 'string') return s.id;
  }
  const id = await snapshotId(engine);
  if (opts.record) await setMeta(engine, SNAPSHOT_META_KEY, JSON.stringify({ id, fingerprint }));
  return id;
}
