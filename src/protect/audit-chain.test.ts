import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { stableStringify } from '../shared/index.js';
import { openStore, setMeta, type Engine } from '../store/index.js';
import {
  DEMO_AUDIT_KEY,
  appendAudit,
  auditHead,
  readAudit,
  verifyAudit,
  type AuditRecord,
} from './index.js';

const KEY = { bytes: Buffer.from('the-real-audit-key-kept-in-a-vault') };

/** A store with five audited uses, and its log. */
async function fiveEntries(): Promise<{ store: Engine; log: AuditRecord[] }> {
  const store = await openStore(':memory:');
  let t = Date.UTC(2018, 3, 10, 9);
  for (const output of ['a', 'b', 'c', 'd', 'e'])
    await appendAudit(
      store,
      {
        actor: 'analyst-1',
        role: 'analyst',
        action: 'report',
        results: ['SD1.B'],
        breakdowns: [['residence_status']],
        authorisation: 'PC-VERBLIJFSSTATUUT',
        output,
      },
      () => new Date((t += 60_000)),
      KEY,
    );
  return { store, log: await readAudit(store) };
}

/** What an attacker with write access but without the key can do: recompute with some hash. */
function rechain(log: readonly AuditRecord[], hash: (text: string) => string): AuditRecord[] {
  let prev = '0'.repeat(64);
  return log.map((r) => {
    const { hash: _old, ...rest } = { ...r, prevHash: prev };
    const fields = stableStringify({
      seq: rest.seq,
      loggedAt: rest.loggedAt,
      actor: rest.actor,
      role: rest.role,
      action: rest.action,
      results: rest.results,
      breakdowns: rest.breakdowns,
      authorisation: rest.authorisation ?? null,
      output: rest.output ?? null,
    });
    const h = hash(prev + fields);
    prev = h;
    return { ...rest, hash: h };
  });
}

describe('the audit chain, attacked by someone who can write the store but lacks the key', () => {
  it('is intact as written, and its hashes are HMAC-SHA-256 with the key', async () => {
    const { store, log } = await fiveEntries();
    await store.close();
    expect(verifyAudit(log, KEY)).toEqual([]);
    // Recomputed independently with node:crypto: the same chain verifies.
    const hmac = (s: string) => createHmac('sha256', KEY.bytes).update(s, 'utf8').digest('hex');
    expect(rechain(log, hmac)).toEqual(log);
  });

  it('detects a rewritten entry, even when the attacker recomputes the chain without the key', async () => {
    const { store, log } = await fiveEntries();
    await store.close();
    const rewritten = log.map((r) => (r.seq === 2 ? { ...r, actor: 'someone-else' } : r));
    expect(verifyAudit(rewritten, KEY).length).toBeGreaterThan(0);
    const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
    const guessed = (s: string) =>
      createHmac('sha256', DEMO_AUDIT_KEY.bytes).update(s, 'utf8').digest('hex');
    for (const h of [sha, guessed]) {
      const forged = rechain(rewritten, h);
      expect(verifyAudit(forged, KEY).map((p) => p.code)).toContain('PROTECT_AUDIT_CHAIN_BROKEN');
    }
  });

  it('detects reordered and deleted entries', async () => {
    const { store, log } = await fiveEntries();
    await store.close();
    const [a, b, c, d, e] = log as [
      AuditRecord,
      AuditRecord,
      AuditRecord,
      AuditRecord,
      AuditRecord,
    ];
    expect(verifyAudit([a, c, b, d, e], KEY).length).toBeGreaterThan(0);
    expect(verifyAudit([a, b, d, e], KEY).length).toBeGreaterThan(0);
    // Renumbering after a deletion does not help: the hashes no longer match.
    expect(verifyAudit([a, b, { ...d, seq: 3 }, { ...e, seq: 4 }], KEY).length).toBeGreaterThan(0);
  });

  it('detects a truncated tail or an emptied log against a head kept in a manifest', async () => {
    const { store, log } = await fiveEntries();
    const head = auditHead(log);
    expect(head).toEqual({ entries: 5, head: log[4]!.hash });
    await store.query('DELETE FROM audit_log WHERE seq >= 4');
    const cut = await readAudit(store);
    expect(verifyAudit(cut, KEY)).toEqual([]); // what remains is a valid chain…
    expect(verifyAudit(cut, KEY, [head]).map((p) => p.code)).toEqual(['PROTECT_AUDIT_TRUNCATED']);
    await store.query('DELETE FROM audit_log');
    expect(verifyAudit(await readAudit(store), KEY, [head]).map((p) => p.code)).toEqual([
      'PROTECT_AUDIT_TRUNCATED',
    ]);
    await store.close();
  });

  it('refuses the public demonstration key on a store that is not synthetic', async () => {
    const store = await openStore(':memory:');
    const entry = { actor: 'a', role: 'steward', action: 'compute', results: [], breakdowns: [] };
    await expect(appendAudit(store, entry, () => new Date(), DEMO_AUDIT_KEY)).rejects.toMatchObject(
      {
        code: 'PROTECT_NO_AUDIT_KEY',
      },
    );
    expect(await readAudit(store)).toEqual([]);
    await setMeta(store, 'synthetic', 'true');
    await appendAudit(store, entry, () => new Date(), DEMO_AUDIT_KEY);
    expect(await readAudit(store)).toHaveLength(1);
    await store.close();
  });
});
