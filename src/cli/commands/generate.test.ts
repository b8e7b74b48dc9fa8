import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT_TABLES } from '../../contract/index.js';
import { getMeta, openStore, snapshotId } from '../../store/index.js';

const root = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'idw-gen-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const idw = (...args: string[]) =>
  spawnSync('node', [`${root}bin/idw.js`, 'generate', ...args], {
    encoding: 'utf8',
    env: { ...process.env, IDW_LANG: 'en' },
  });

describe('idw generate', () => {
  it('fills a store, prints the content hash and marks the store synthetic', async () => {
    const db = join(dir, 'a.duckdb');
    const r = idw('--persons', '300', '--seed', '4', '--db', db, '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.synthetic).toBe(true);
    expect(out.counts.persons).toBe(300);
    const store = await openStore(db);
    expect(await snapshotId(store)).toBe(out.hash);
    expect(await getMeta(store, 'synthetic')).toBe('true');
    await store.close();
  });

  it('writes one source file per contract table with --out', () => {
    const out = join(dir, 'files');
    const r = idw('--persons', '200', '--out', out, '--format', 'parquet', '--json');
    expect(r.status, r.stderr).toBe(0);
    for (const t of CONTRACT_TABLES)
      expect(existsSync(join(out, `${t.name}.parquet`)), t.name).toBe(true);
  });

  it('refuses a bad number with exit code 2 before touching the store', () => {
    const r = idw('--persons', 'many', '--db', join(dir, 'b.duckdb'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--persons');
    expect(existsSync(join(dir, 'b.duckdb'))).toBe(false);
  });
});
