import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadPlan } from '../../plan/index.js';
import { fixtureFindings, fixtureResultSet } from '../../report/index.js';
import { main } from '../main.js';
import { defaultPlanPath } from '../context.js';

const dir = mkdtempSync(join(tmpdir(), 'idw-cli-report-'));
const { plan } = await loadPlan(defaultPlanPath());
const rs = fixtureResultSet(plan, 'public');
const input = join(dir, 'input.json');
writeFileSync(input, JSON.stringify({ resultSet: rs, findings: fixtureFindings(rs) }));
const base = ['report', '--as-of', '2018-03-31', '--audience', 'public', '--results', input];
// Saved results need no store: the default store (IDW_DB) does not exist here.
process.env.IDW_DB = join(dir, 'none.duckdb');

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((s) => ((out += String(s)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await main(args), out };
  } finally {
    spy.mockRestore();
    err.mockRestore();
  }
}

describe('idw report', () => {
  it('writes the requested formats and a manifest, identical on a second run', async () => {
    const a = await run([...base, '--format', 'xlsx', '--out', join(dir, 'a'), '--json']);
    const b = await run([...base, '--format', 'xlsx', '--out', join(dir, 'b'), '--json']);
    expect(a.code).toBe(0);
    const manifest = JSON.parse(a.out) as { files: { name: string }[]; audience: string };
    expect(manifest.audience).toBe('public');
    expect(manifest.files.map((f) => f.name)).toEqual(['quarterly-report.xlsx', 'overview.xlsx']);
    expect(readFileSync(join(dir, 'a', 'manifest.json'))).toEqual(
      readFileSync(join(dir, 'b', 'manifest.json')),
    );
    expect(b.code).toBe(0);
    // The public never gets a residence-status breakdown, not even in the machine-readable sheet.
    const xml = execFileSync('unzip', ['-p', join(dir, 'a', 'quarterly-report.xlsx')]).toString();
    expect(xml).toContain('coaching_kind=nodw');
    expect(xml).not.toContain('residence_status');
  });

  it('refuses an unknown format, a bad date and a board report from public cells', async () => {
    expect((await run([...base, '--format', 'odt'])).code).toBe(2);
    expect((await run(['report', '--as-of', '31/03/2018', '--results', input])).code).toBe(2);
    const board = await run([
      'report',
      '--as-of',
      '2018-03-31',
      '--audience',
      'board',
      '--results',
      input,
      '--out',
      join(dir, 'c'),
    ]);
    expect(board.code).toBe(1);
    expect(existsSync(join(dir, 'c', 'manifest.json'))).toBe(false);
  });
});
