import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, snapshotId } from '../store/index.js';
import { importFiles } from './index.js';

// The store is locked by default (no file access from a query); these tests read and write
// files in the system temp folder and the repository, so they open it for those folders only.
const TEST_FILES = { directories: [tmpdir(), process.cwd()] };

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'idw-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = {
  ...process.env,
  IDW_PSEUDONYM_KEY: 'kill-test-key-0123456789',
  IDW_PROGRESS: 'lines',
};

function run(args: string[], onLine?: (line: string, kill: () => void) => void) {
  const child = spawn(process.execPath, [join(root, 'bin/idw.js'), ...args], { env, cwd: root });
  let err = '';
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
    for (const l of d.toString().split('\n')) if (l) onLine?.(l, () => child.kill('SIGKILL'));
  });
  return new Promise<{ code: number | null; signal: string | null; err: string }>((res) =>
    child.on('exit', (code, signal) => res({ code, signal, err })),
  );
}

describe('atomic import', () => {
  it('a kill in the middle of an import leaves the store exactly as it was', async () => {
    const db = join(dir, 'store.duckdb');
    const persons = join(dir, 'persons.csv');
    const spells = join(dir, 'employment_spells.csv');
    const first = join(dir, 'staff_trainings.csv');
    const gen = await openStore(':memory:', { fileAccess: TEST_FILES });
    await gen.exec(`
      COPY (SELECT 'P' || i AS person_id, 1980 + i % 30 AS birth_year, 'F' AS sex, 'low' AS education_level,
        'SY' AS nationality, 'SY' AS first_nationality, true AS migration_background, 'middle_east' AS origin_group
        FROM range(20000) t(i)) TO '${persons}' (HEADER, DELIMITER ';');
      COPY (SELECT 'S' || i AS spell_id, 'P' || (i % 20000) AS person_id, DATE '2016-01-01' + (i % 700)::INT AS started_on,
        NULL AS ended_on, 'C' AS sector FROM range(600000) t(i)) TO '${spells}' (HEADER, DELIMITER ';');
      COPY (SELECT 'T1' AS training_id, 'vdab' AS provider, 'diversity' AS topic, DATE '2016-05-01' AS held_on, 3 AS participants)
        TO '${first}' (HEADER, DELIMITER ';');`);
    await gen.close();

    const store = await openStore(db, { fileAccess: TEST_FILES });
    await importFiles(store, {
      paths: [first],
      key: { bytes: Buffer.from(env.IDW_PSEUDONYM_KEY) },
    });
    const before = await snapshotId(store);
    const logBefore = await store.query('SELECT count(*) AS n FROM import_log');
    await store.close();

    // Kill once the persons file is inside the open transaction and the big file is being read.
    let killedAt = '';
    const killed = await run(['import', persons, spells, '--db', db], (line, kill) => {
      if (line.includes('employment_spells.csv: check')) {
        killedAt = line;
        setTimeout(kill, 400);
      }
    });
    expect(killedAt).toMatch(/^import 6\/8 employment_spells\.csv: check/);
    expect(killed.signal).toBe('SIGKILL');

    const after = await openStore(db);
    expect(await snapshotId(after)).toBe(before);
    expect(await after.query('SELECT count(*) AS n FROM import_log')).toEqual(logBefore);
    expect(await after.query('SELECT count(*) AS n FROM persons')).toEqual([{ n: 0 }]);
    await after.close();

    // The same file then loads normally: the killed run left nothing behind that blocks it.
    const again = await run(['import', persons, '--db', db, '--json']);
    expect(again.code).toBe(0);
    const check = await openStore(db);
    expect(await check.query('SELECT count(*) AS n FROM persons')).toEqual([{ n: 20000 }]);
    await check.close();
  });
});
