import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadPlan } from '../plan/index.js';
import { fixtureFindings, fixtureResultSet } from '../report/index.js';
import { writeFolderAtomically } from './atomic-folder.js';
import { defaultPlanPath } from './context.js';
import { main } from './main.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'idw-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { plan } = await loadPlan(defaultPlanPath());

let err = '';
beforeEach(() => {
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('an output folder appears whole or not at all', () => {
  it('a failure while filling leaves no target and no temporary folder', async () => {
    const target = join(dir, 'fail');
    await expect(
      writeFolderAtomically(target, async (d) => {
        writeFileSync(join(d, 'manifest.json'), '{}');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('.fail'))).toEqual([]);
  });

  it('replaces an earlier report whole, and refuses a folder that is not one', async () => {
    const target = join(dir, 'again');
    await writeFolderAtomically(target, async (d) => {
      writeFileSync(join(d, 'manifest.json'), '1');
      writeFileSync(join(d, 'old.html'), 'old');
    });
    await writeFolderAtomically(target, async (d) => writeFileSync(join(d, 'manifest.json'), '2'));
    expect(readdirSync(target)).toEqual(['manifest.json']);
    const foreign = join(dir, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'thesis.docx'), 'mine');
    await expect(writeFolderAtomically(foreign, async () => {})).rejects.toThrow(
      /CLI_OUT_NOT_EMPTY/,
    );
    expect(readdirSync(foreign)).toEqual(['thesis.docx']);
  });
});

describe('idw report --results is checked like any other output', () => {
  const write = (name: string, audience: 'public' | 'board' | 'steward', extra: object[] = []) => {
    const rs = fixtureResultSet(plan, audience === 'steward' ? 'board' : audience);
    const relabelled = { ...rs, audience, cells: [...rs.cells, ...extra] };
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify({ resultSet: relabelled, findings: fixtureFindings(rs) }));
    return file;
  };
  const report = (file: string, out: string) =>
    main([
      'report',
      '--as-of',
      '2018-03-31',
      '--audience',
      'public',
      '--format',
      'html',
      '--results',
      file,
      '--out',
      out,
    ]);
  process.env.IDW_DB = join(dir, 'no-store.duckdb');

  it('a steward file relabelled public with a small count shown: refused, no folder', async () => {
    const cell = fixtureResultSet(plan, 'public').cells.find(
      (c) => Object.keys(c.breakdown).length && typeof c.numerator === 'number',
    )!;
    const small = {
      ...cell,
      breakdown: { ...cell.breakdown, region: 'ant' },
      numerator: 2,
      denominator: 3,
      n: 3,
      value: 2 / 3,
      disclosure: 'shown',
    };
    const out = join(dir, 'leak');
    expect(await report(write('relabelled.json', 'public', [small]), out)).toBe(1);
    expect(err).toMatch(/PROTECT_/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('.leak'))).toEqual([]);
  });

  it('a file that says steward is refused for the public', async () => {
    const out = join(dir, 'steward');
    expect(await report(write('steward.json', 'steward'), out)).toBe(1);
    expect(err).toMatch(/REPORT_AUDIENCE_MISMATCH|PROTECT_STEWARD_NOT_PUBLISHABLE/);
    expect(existsSync(out)).toBe(false);
  });

  it('the public file itself passes', async () => {
    const out = join(dir, 'ok');
    expect(await report(write('public.json', 'public'), out)).toBe(0);
    expect(readdirSync(out)).toContain('manifest.json');
  });
});

describe('kill -9 while a report is written', () => {
  const db = join(dir, 'store.duckdb');
  beforeAll(async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await main(['generate', '--persons', '400', '--seed', '3', '--db', db])).toBe(0);
    vi.restoreAllMocks();
  });

  it('leaves no manifest.json and no half folder at the target; the next run cleans up', async () => {
    const out = join(dir, 'killed');
    const child = spawn(
      process.execPath,
      [join(root, 'bin/idw.js'), 'report', '--db', db, '--as-of', '2018-03-31', '--out', out],
      { cwd: root, env: { ...process.env, IDW_LANG: 'en' } },
    );
    const exited = new Promise<string | null>((res) => child.on('exit', (_, sig) => res(sig)));
    // Kill as soon as the first file is in the temporary folder: the report is half written.
    let tmp: string | undefined;
    for (let i = 0; i < 6000 && child.exitCode === null; i++) {
      tmp = readdirSync(dir).find((n) => n.startsWith('.killed.tmp-'));
      if (tmp && readdirSync(join(dir, tmp)).length > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(tmp, 'the report started writing').toBeDefined();
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);

    expect(
      await main(['report', '--db', db, '--as-of', '2018-03-31', '--out', out, '--format', 'html']),
    ).toBe(0);
    expect(readdirSync(out)).toContain('manifest.json');
    expect(readdirSync(dir).filter((n) => n.startsWith('.killed'))).toEqual([]);
  });
});
