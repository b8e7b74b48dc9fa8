import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportToFolder } from '../src/cli/run-report.js';
import { generate } from '../src/generate/index.js';
import { loadPlan, type Plan } from '../src/plan/index.js';
import { readAudit } from '../src/protect/index.js';
import { openStore, type DuckDbEngine } from '../src/store/index.js';

// End to end: synthetic store → compute → protect → narrate → report → check-disclosure.
const dir = mkdtempSync(join(tmpdir(), 'idw-pipeline-'));
let store: DuckDbEngine;
let plan: Plan;
const base = { asOf: '2018-03-31', lang: 'nl' as const, version: 'test', quiet: true };

beforeAll(async () => {
  store = await openStore(join(dir, 'p.duckdb'));
  await generate(store, { persons: 4000, seed: 3 });
  plan = (await loadPlan('plans/integratie-door-werk.yaml')).plan;
}, 180_000);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the report pipeline', () => {
  it('writes a public report that passes the disclosure check and has no residence-status breakdown', async () => {
    const out = join(dir, 'public');
    const run = await reportToFolder(store, plan, {
      ...base,
      audience: 'public',
      formats: ['html', 'xlsx'],
      out,
    });
    expect(run.disclosure.ok).toBe(true);
    expect(run.manifest.synthetic).toBe(true);
    const html = readFileSync(join(out, 'quarterly-report.html'), 'utf8');
    const json = readFileSync(join(out, 'results.json'), 'utf8');
    const xlsx = execFileSync('unzip', ['-p', join(out, 'quarterly-report.xlsx')], {
      maxBuffer: 512 * 1024 * 1024,
    }).toString();
    for (const text of [json, xlsx]) expect(text).not.toContain('residence_status=');
    expect(html).not.toMatch(/recognised_refugee|erkende vluchteling.*\d/i);
    // Every defined result and the hours series are in the report; the open items are named.
    for (const id of ['SD1.B', 'TD4.4.B', 'NODW-IBOT', 'SD4.A', 'SD3.A'])
      expect(html).toContain(id);
    // Same command, same store: same manifest, but for the audit log's head: the plan's target
    // groups are defined by special data (a filter), so each run is one more audited use.
    const again = await reportToFolder(store, plan, {
      ...base,
      audience: 'public',
      formats: ['html', 'xlsx'],
      out: join(dir, 'public2'),
    });
    const { audit: a1, ...m1 } = run.manifest;
    const { audit: a2, ...m2 } = again.manifest;
    expect(m2).toEqual(m1);
    expect(a2!.entries).toBe(a1!.entries + 1);
    expect((await readAudit(store)).at(-1)?.hash).toBe(a2!.head);
  });

  it('leaves residence status out for an analyst without authorisation, and audits it with one', async () => {
    const without = await reportToFolder(store, plan, {
      ...base,
      audience: 'board',
      role: 'analyst',
      formats: ['xlsx'],
      out: join(dir, 'board-no-auth'),
    });
    expect(without.omitted).toContain('residence_status');
    // Audited for its filters on special data, but without a residence-status breakdown.
    const before = await readAudit(store);
    expect(before.at(-1)!.breakdowns.flat()).not.toContain('residence_status');
    expect(
      before
        .at(-1)!
        .breakdowns.flat()
        .some((d) => d.startsWith('where:')),
    ).toBe(true);

    const out = join(dir, 'board');
    const withAuth = await reportToFolder(store, plan, {
      ...base,
      audience: 'board',
      role: 'analyst',
      authorisation: 'PC-VERBLIJFSSTATUUT',
      formats: ['xlsx'],
      out,
    });
    expect(withAuth.omitted).toEqual([]);
    expect(withAuth.disclosure.ok).toBe(true);
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toContain('"residence_status"');
    const audit = await readAudit(store);
    expect(audit).toHaveLength(before.length + 1);
    expect(audit.at(-1)!.breakdowns.flat()).toContain('residence_status');
    expect(audit.at(-1)).toMatchObject({
      role: 'analyst',
      authorisation: 'PC-VERBLIJFSSTATUUT',
      output: out,
    });
  });
});
