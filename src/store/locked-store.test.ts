import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'idw-locked-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const secret = join(dir, 'secret.txt');
writeFileSync(secret, 'line one\nline two\n');

/** What a plan or any other caller could try to smuggle into a query. */
const attacks = (out: string) => [
  `COPY (SELECT 1 AS x) TO '${out}'`,
  `COPY (SELECT content FROM read_text('${secret}')) TO '${out}'`,
  `SELECT content FROM read_text('${secret}')`,
  `SELECT * FROM read_csv('${secret}')`,
  `SELECT * FROM read_text('/etc/passwd')`,
  `SELECT * FROM glob('${dir}/*')`,
  `ATTACH '${join(dir, 'other.duckdb')}' AS other`,
  `EXPORT DATABASE '${join(dir, 'export')}'`,
  'INSTALL httpfs',
  'LOAD httpfs',
  'SET enable_external_access = true',
  `SET allowed_directories = ['/']`,
  'SET lock_configuration = false',
  `SET memory_limit = '100GB'`,
  'RESET lock_configuration',
];

describe('a locked store', () => {
  it('refuses every statement that reaches the file system or changes the settings', async () => {
    for (const readOnly of [false, true]) {
      const file = join(dir, `s-${readOnly}.duckdb`);
      if (readOnly) await (await openStore(file)).close();
      const store = await openStore(file, { readOnly });
      const out = join(dir, `leak-${readOnly}.csv`);
      for (const sql of attacks(out)) await expect(store.exec(sql), sql).rejects.toThrow();
      expect(existsSync(out)).toBe(false);
      expect(existsSync(join(dir, 'other.duckdb'))).toBe(false);
      // And the ordinary work still runs.
      expect(await store.query('SELECT count(*) AS n FROM persons')).toEqual([{ n: 0 }]);
      await store.close();
    }
  });

  it('opens only the files and folders it was given', async () => {
    const allowed = join(dir, 'allowed');
    const store = await openStore(':memory:', {
      fileAccess: { paths: [secret], directories: [allowed] },
    });
    expect(await store.query(`SELECT count(*) AS n FROM read_text('${secret}')`)).toEqual([
      { n: 1 },
    ]);
    await expect(store.exec(`SELECT * FROM read_text('/etc/passwd')`)).rejects.toThrow(
      /disabled by configuration/,
    );
    await expect(store.exec(`COPY (SELECT 1) TO '${join(dir, 'x.csv')}'`)).rejects.toThrow();
    await expect(store.exec(`SET allowed_directories = ['/']`)).rejects.toThrow();
    await store.close();
  });
});
