import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  SNAPSHOT_META_KEY,
  currentSnapshotId,
  forgetSnapshot,
  getMeta,
  openStore,
  recordSnapshot,
  setMeta,
  snapshotId,
  type Engine,
} from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'idw-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The engine with every row-hashing statement counted. */
function counting(engine: Engine): { engine: Engine; hashes: () => number } {
  let n = 0;
  const spy = Object.create(engine) as Engine;
  spy.query = (sql, params) => {
    if (sql.includes('sum(hash(')) n++;
    return engine.query(sql, params);
  };
  return { engine: spy, hashes: () => n };
}

const row = (period: string, value: number) =>
  `INSERT INTO manual_values VALUES ('SD1.A', '${period}', ${value}, 'n', 's', NULL)`;
const logLine = (id: string) =>
  `INSERT INTO import_log VALUES ('${id}', 'f.csv', 'manual_values', 'h${id}', 1, 1, 0, TIMESTAMP '2025-01-01 10:00:00', TIMESTAMP '2025-01-01 10:00:01', 'loaded')`;

describe('recorded snapshot id', () => {
  it('is reused while the data are unchanged, and always equals the full hash', async () => {
    const db = await openStore(join(dir, 'a.duckdb'));
    await db.query(row('2016', 1));
    const id = await recordSnapshot(db);
    expect(id).toBe(await snapshotId(db));
    const c = counting(db);
    expect(await currentSnapshotId(c.engine)).toBe(id);
    expect(c.hashes()).toBe(0);
    await db.close();
  });

  it('changes with every change of data made by idw: rows added, removed, or replaced on import', async () => {
    const db = await openStore(join(dir, 'b.duckdb'));
    await db.query(row('2016', 1));
    const ids = [await recordSnapshot(db)];
    // Added: the row count changes.
    await db.query(row('2017', 2));
    ids.push(await currentSnapshotId(db, { record: true }));
    // Removed.
    await db.exec("DELETE FROM manual_values WHERE period = '2016'");
    ids.push(await currentSnapshotId(db, { record: true }));
    // Replaced with as many rows, as an import of a period does (it logs the import).
    await db.transaction(async (tx) => {
      await tx.exec('DELETE FROM manual_values');
      await tx.query(row('2017', 3));
      await tx.exec(logLine('1'));
    });
    ids.push(await currentSnapshotId(db, { record: true }));
    // A new generator run over the same number of rows.
    await db.exec('DELETE FROM manual_values');
    await db.query(row('2017', 4));
    await setMeta(db, 'generator', '{"seed":2}');
    ids.push(await currentSnapshotId(db, { record: true }));
    expect(new Set(ids).size).toBe(ids.length);
    for (const [i, id] of ids.entries()) expect(id, `step ${i}`).toMatch(/^[0-9a-f]+$/);
    expect(ids[ids.length - 1]).toBe(await snapshotId(db));
    await db.close();
  });

  it('is hashed again, not trusted, once forgotten or when the record is not valid', async () => {
    const db = await openStore(join(dir, 'c.duckdb'));
    await db.query(row('2016', 1));
    const id = await recordSnapshot(db);
    // A change by hand that keeps every count: only forgetting the record makes it visible.
    await db.exec("UPDATE manual_values SET value = 5 WHERE period = '2016'");
    await forgetSnapshot(db);
    expect(await getMeta(db, SNAPSHOT_META_KEY)).toBeUndefined();
    const c = counting(db);
    const now = await currentSnapshotId(c.engine);
    expect(c.hashes()).toBe(1);
    expect(now).not.toBe(id);
    expect(now).toBe(await snapshotId(db));
    // A read-only caller does not record; a record with another fingerprint is not used.
    expect(await getMeta(db, SNAPSHOT_META_KEY)).toBeUndefined();
    await setMeta(db, SNAPSHOT_META_KEY, JSON.stringify({ id: 'stale', fingerprint: 'other' }));
    expect(await currentSnapshotId(db)).toBe(now);
    await db.close();
  });
});
