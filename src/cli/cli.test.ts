import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT_TABLES } from '../contract/index.js';
import { openStore } from '../store/index.js';
import { buildProgram } from './main.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'idw-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the real `idw` executable, as a user would. */
function idw(...args: string[]) {
  return spawnSync('node', [`${root}bin/idw.js`, ...args], {
    encoding: 'utf8',
    env: { ...process.env, IDW_LANG: 'en' },
  });
}

describe('idw command', () => {
  it('lists its commands in --help', () => {
    const out = execFileSync('node', [`${root}bin/idw.js`, '--help'], { encoding: 'utf8' });
    for (const c of ['plan', 'init']) expect(out).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
  });

  it('has --help on every sub-command', () => {
    for (const c of buildProgram().commands) {
      const r = idw(c.name(), '--help');
      expect(r.status, c.name()).toBe(0);
      expect(r.stdout).toContain(`Usage: idw ${c.name()}`);
    }
  });

  it('prints the plan as JSON with every objective and result carrying its id', () => {
    const r = idw('plan', '--json');
    expect(r.status).toBe(0);
    const tree = JSON.parse(r.stdout);
    expect(tree.counts).toEqual({ strategic: 4, tactical: 10, results: 21 });
    const results = tree.objectives.flatMap(
      (s: { results: { id: string; status: string }[]; tactical: { results: unknown[] }[] }) => [
        ...s.results,
        ...s.tactical.flatMap((t) => t.results),
      ],
    );
    expect(results.map((x: { id: string }) => x.id)).toContain('TD4.4.A');
    expect(results.find((x: { id: string }) => x.id === 'SD4.A').status).toBe('undefined');
    expect(results.find((x: { id: string }) => x.id === 'SD3.A').status).toBe('to-explore');
  });

  it('rejects a broken plan with exit code 1 and a located message', () => {
    const r = idw('plan', '--plan', `${root}test/fixtures/plans/broken.yaml`);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+.*PLAN_UNKNOWN_OBJECTIVE/);
    expect(r.stderr).toMatch(/PLAN_DUPLICATE_ID/);
  });

  it('exits with 2 on a usage error', () => {
    expect(idw('no-such-command').status).toBe(2);
    expect(idw('plan', '--no-such-flag').status).toBe(2);
  });

  it('init creates every contract table', async () => {
    const db = join(dir, 'x.duckdb');
    const r = idw('init', '--db', db, '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).tables).toHaveLength(CONTRACT_TABLES.length);
    const store = await openStore(db, { readOnly: true });
    const tables = await store.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables',
    );
    await store.close();
    for (const t of CONTRACT_TABLES) expect(tables.map((x) => x.table_name)).toContain(t.name);
  });
});
