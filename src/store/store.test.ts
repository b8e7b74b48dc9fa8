import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT_TABLES } from '../contract/index.js';
import { getMeta, openStore, setMeta, snapshotId } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'idw-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('store', () => {
  it('creates every contract table with its columns', async () => {
    const db = await openStore(join(dir, 'a.duckdb'));
    for (const t of CONTRACT_TABLES) {
      const cols = await db.query<{ column_name: string }>(
        'SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position',
        [t.name],
      );
      expect(cols.map((c) => c.column_name)).toEqual(t.fields.map((f) => f.name));
    }
    await db.close();
  });

  it('never downloads extensions and keeps a memory limit', async () => {
    const db = await openStore(join(dir, 'b.duckdb'));
    const [r] = await db.query<{ a: string; m: string }>(
      "SELECT current_setting('autoinstall_known_extensions')::VARCHAR AS a, current_setting('memory_limit') AS m",
    );
    expect(r!.a).toBe('false');
    expect(r!.m).toMatch(/GiB|MiB/);
    await db.close();
  });

  it('rolls back a failed transaction', async () => {
    const db = await openStore(join(dir, 'c.duckdb'));
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO manual_values VALUES ('SD1.A', '2016', 1, 'n', 's', NULL)");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.query('SELECT * FROM manual_values')).toEqual([]);
    await db.close();
  });

  it('snapshot id changes with the content, not with the load order', async () => {
    const db = await openStore(join(dir, 'd.duckdb'));
    const empty = await snapshotId(db);
    await db.query(
      "INSERT INTO manual_values VALUES ('SD1.A', '2016', 1, 'n', 's', NULL), ('SD1.A', '2017', 2, 'n', 's', NULL)",
    );
    const one = await snapshotId(db);
    await db.exec('DELETE FROM manual_values');
    await db.query(
      "INSERT INTO manual_values VALUES ('SD1.A', '2017', 2, 'n', 's', NULL), ('SD1.A', '2016', 1, 'n', 's', NULL)",
    );
    expect(await snapshotId(db)).toBe(one);
    expect(one).not.toBe(empty);
    await setMeta(db, 'synthetic', 'true');
    expect(await getMeta(db, 'synthetic')).toBe('true');
    await db.close();
  });
});
