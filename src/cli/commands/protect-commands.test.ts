import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../store/index.js';
import type { ResultCell } from '../../compute/index.js';
import { appendAudit, DEFAULT_THRESHOLDS as TH, protect } from '../../protect/index.js';
import { main } from '../main.js';

const dir = mkdtempSync(join(tmpdir(), 'idw-cli-protect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const count = (breakdown: Record<string, string>, value: number): ResultCell => ({
  result: 'R',
  indicator: 'i',
  measure: 'value',
  period: '2016',
  breakdown,
  value,
  unit: 'persons',
  status: 'ok',
  provenance: 'p1',
});
const resultSet = (cells: ResultCell[]) => ({
  plan: { id: 't', hash: 'h' },
  asOf: '2018-04-30',
  snapshot: 's',
  synthetic: true,
  cells,
  provenance: [],
});
const table = [count({}, 100), count({ r: 'a' }, 3), count({ r: 'b' }, 40), count({ r: 'c' }, 57)];
const safe = protect(resultSet(table), { audience: 'public', thresholds: TH });

async function quietly<T>(fn: (out: ReturnType<typeof vi.spyOn>) => Promise<T>): Promise<T> {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return await fn(out);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('idw check-disclosure', () => {
  it('runs as idw check-disclosure with exit codes 0 and 1 and --json', async () => {
    const ok = join(dir, 'cli-ok.json');
    writeFileSync(ok, JSON.stringify(safe));
    const bad = join(dir, 'cli-bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        ...safe,
        cells: safe.cells.map((c) =>
          c.breakdown.r === 'b' ? { ...table[2], disclosure: 'shown' } : c,
        ),
      }),
    );
    await quietly(async (out) => {
      expect(await main(['check-disclosure', ok, '--lang', 'en'])).toBe(0);
      expect(await main(['check-disclosure', bad, '--json'])).toBe(1);
      const printed = JSON.parse(String(out.mock.calls.at(-1)![0])) as {
        ok: boolean;
        exposures: unknown[];
      };
      expect(printed.ok).toBe(false);
      expect(printed.exposures).toHaveLength(1);
      expect(await main(['check-disclosure', join(dir, 'missing.json')])).toBe(1);
      expect(await main(['check-disclosure', ok, '--audience', 'everyone'])).toBe(2);
    });
  });
});

describe('idw audit', () => {
  const key = 'cli-audit-test-key-0123456789';
  beforeAll(() => void (process.env.IDW_AUDIT_KEY = key));
  afterAll(() => void delete process.env.IDW_AUDIT_KEY);

  it('lists the log, verifies the chain and fails --verify after tampering', async () => {
    const db = join(dir, 'audit.duckdb');
    const store = await openStore(db);
    let t = Date.UTC(2018, 3, 10, 9, 0, 0);
    const now = () => new Date((t += 1000));
    for (const output of ['report.docx', 'annex.xlsx'])
      await appendAudit(
        store,
        {
          actor: 'analyst-1',
          role: 'analyst',
          action: 'publish',
          results: ['SD1.B'],
          breakdowns: [['residence_status']],
          authorisation: 'PC-VERBLIJFSSTATUUT',
          output,
        },
        now,
        { bytes: Buffer.from(key) },
      );
    await store.close();
    await quietly(async (out) => {
      expect(await main(['audit', '--db', db, '--json', '--verify'])).toBe(0);
      const printed = JSON.parse(String(out.mock.calls.at(-1)![0])) as {
        intact: boolean;
        entries: unknown[];
      };
      expect(printed).toMatchObject({ intact: true });
      expect(printed.entries).toHaveLength(2);
    });
    const s2 = await openStore(db);
    await s2.query("UPDATE audit_log SET output = 'other.xlsx' WHERE seq = 1");
    await s2.close();
    await quietly(async () => {
      expect(await main(['audit', '--db', db])).toBe(0);
      expect(await main(['audit', '--db', db, '--verify'])).toBe(1);
    });
  });

  it('--verify --against a manifest detects a tail cut off the log', async () => {
    const db = join(dir, 'audit-tail.duckdb');
    const store = await openStore(db);
    let t = Date.UTC(2018, 3, 10, 9, 0, 0);
    const now = () => new Date((t += 1000));
    const entry = { actor: 'a', role: 'steward', action: 'report', results: [], breakdowns: [] };
    for (let i = 0; i < 3; i++) await appendAudit(store, entry, now, { bytes: Buffer.from(key) });
    const head = (
      await store.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = 3')
    )[0]!;
    await store.close();
    const manifest = join(dir, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ audit: { entries: 3, head: head.hash } }));
    await quietly(async () => {
      expect(await main(['audit', '--db', db, '--verify', '--against', manifest])).toBe(0);
    });
    // The attacker deletes the newest entry: the rest of the chain is still intact…
    const s2 = await openStore(db);
    await s2.query('DELETE FROM audit_log WHERE seq = 3');
    await s2.close();
    await quietly(async () => {
      expect(await main(['audit', '--db', db, '--verify'])).toBe(0);
      // …but not against the head the report recorded.
      expect(await main(['audit', '--db', db, '--verify', '--against', manifest])).toBe(1);
      // And without the right key nothing verifies.
      process.env.IDW_AUDIT_KEY = 'another-key-of-enough-length';
      expect(await main(['audit', '--db', db, '--verify'])).toBe(1);
      process.env.IDW_AUDIT_KEY = key;
    });
  });
});

describe('who asks is checked first', () => {
  it('refuses an unknown role or authorisation with exit code 2 in compute, explain and report', async () => {
    const db = join(dir, 'roles.duckdb');
    // The store exists: the role and authorisation are what is wrong.
    expect(await main(['init', '--db', db])).toBe(0);
    const errors: string[] = [];
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
      errors.push(String(s));
      return true;
    });
    try {
      for (const cmd of [['compute'], ['explain', 'SD1.B'], ['report', '--out', join(dir, 'r')]]) {
        expect(await main([...cmd, '--db', db, '--role', 'admin'])).toBe(2);
        expect(
          await main([...cmd, '--db', db, '--role', 'analyst', '--authorisation', 'PC-TYPO']),
        ).toBe(2);
      }
    } finally {
      err.mockRestore();
    }
    expect(errors.join('')).toMatch(/PROTECT_UNKNOWN_ROLE/);
    expect(errors.join('')).toMatch(/PROTECT_UNKNOWN_AUTHORISATION/);
    expect(errors.join('')).not.toMatch(/Cannot read properties|Unexpected/);
  });
});
