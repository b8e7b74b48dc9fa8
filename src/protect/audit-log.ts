import { createHmac } from 'node:crypto';
import { IdwError, stableStringify, type Problem } from '../shared/index.js';
import type { Engine } from '../store/index.js';
import { assertKeyFits, type AuditKey } from './audit-key.js';
import { protectMessages as m } from './messages.js';

/** What happened: one computation or output that used special data (or any audited action). */
export interface AuditEntry {
  /** Who: a user name or service account (never a person from the data). */
  readonly actor: string;
  readonly role: string;
  /** `compute`, `publish`, `export`, `answer` … */
  readonly action: string;
  readonly results: readonly string[];
  /** Dimension sets of the breakdowns, e.g. `[['residence_status'], ['residence_status','sex']]`. */
  readonly breakdowns: readonly (readonly string[])[];
  readonly authorisation?: string;
  /** Which output (file, report id, API route). */
  readonly output?: string;
}

/** One stored entry of the chain. */
export interface AuditRecord extends AuditEntry {
  readonly seq: number;
  readonly loggedAt: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Hash of one entry: HMAC-SHA-256, keyed with the audit key (kept outside the store), over the
 * previous hash and the entry's fields, stably serialised. Without the key nobody who can write
 * the store can recompute a chain that verifies.
 */
export function auditHash(r: Omit<AuditRecord, 'hash'>, key: AuditKey): string {
  return hmac(
    key,
    r.prevHash +
      stableStringify({
        seq: r.seq,
        loggedAt: r.loggedAt,
        actor: r.actor,
        role: r.role,
        action: r.action,
        results: r.results,
        breakdowns: r.breakdowns,
        authorisation: r.authorisation ?? null,
        output: r.output ?? null,
      }),
  );
}

function hmac(key: AuditKey, text: string): string {
  return createHmac('sha256', key.bytes).update(text, 'utf8').digest('hex');
}

/**
 * Appends an entry to `audit_log` (never updates or deletes). `now` is the clock, passed in.
 * Runs in one transaction so two writers cannot fork the chain.
 */
export async function appendAudit(
  engine: Engine,
  entry: AuditEntry,
  now: () => Date,
  key: AuditKey,
): Promise<AuditRecord> {
  await assertKeyFits(engine, key);
  return engine.transaction(async (tx) => {
    const last = await tx.query<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
    );
    const at = new Date(Math.floor(now().getTime()));
    const base = {
      ...entry,
      results: [...entry.results],
      breakdowns: entry.breakdowns.map((b) => [...b]),
      seq: (last[0]?.seq ?? 0) + 1,
      loggedAt: at.toISOString(),
      prevHash: last[0]?.hash ?? GENESIS_HASH,
    };
    const rec: AuditRecord = { ...base, hash: auditHash(base, key) };
    await tx.query(
      `INSERT INTO audit_log (seq, logged_at, actor, role, action, results, breakdowns, authorisation, output, prev_hash, hash)
       VALUES ($1, $2::TIMESTAMP, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        rec.seq,
        rec.loggedAt.replace('T', ' ').replace('Z', ''),
        rec.actor,
        rec.role,
        rec.action,
        JSON.stringify(rec.results),
        JSON.stringify(rec.breakdowns),
        rec.authorisation ?? null,
        rec.output ?? null,
        rec.prevHash,
        rec.hash,
      ],
    );
    return rec;
  });
}

/** Every entry, in order. */
export async function readAudit(engine: Engine): Promise<AuditRecord[]> {
  const rows = await engine.query<Record<string, unknown>>(
    `SELECT seq, epoch_ms(logged_at) AS ms, actor, role, action, results, breakdowns, authorisation, output, prev_hash, hash
     FROM audit_log ORDER BY seq`,
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    loggedAt: new Date(Number(r.ms)).toISOString(),
    actor: String(r.actor),
    role: String(r.role),
    action: String(r.action),
    results: JSON.parse(String(r.results)) as string[],
    breakdowns: JSON.parse(String(r.breakdowns)) as string[][],
    ...(r.authorisation === null ? {} : { authorisation: String(r.authorisation) }),
    ...(r.output === null ? {} : { output: String(r.output) }),
    prevHash: String(r.prev_hash),
    hash: String(r.hash),
  }));
}

/** The chain's newest entry as recorded elsewhere (every report's `manifest.json` holds one). */
export interface AuditHead {
  /** Number of entries when the output was made. */
  readonly entries: number;
  /** Hash of the newest entry then (null when the log was empty). */
  readonly head: string | null;
}

/** The head of a chain: its length and newest hash. */
export function auditHead(records: readonly AuditRecord[]): AuditHead {
  return { entries: records.length, head: records.at(-1)?.hash ?? null };
}

/**
 * Checks the chain: numbers 1, 2, 3 … without gaps, each `prev_hash` equal to the previous hash
 * and each hash recomputed with the key from the fields. With `against` (a head kept elsewhere,
 * e.g. in a report's manifest) the entry it names must still be there with the same hash, so a
 * cut-off tail is detected too. Returns all problems (empty when intact).
 */
export function verifyAudit(
  records: readonly AuditRecord[],
  key: AuditKey,
  against: readonly AuditHead[] = [],
): Problem[] {
  const problems: Problem[] = [];
  let prev = GENESIS_HASH;
  records.forEach((r, i) => {
    const bad = (detail: string) =>
      problems.push({
        code: 'PROTECT_AUDIT_CHAIN_BROKEN',
        location: { path: `audit_log[seq=${r.seq}]` },
        ...m.PROTECT_AUDIT_CHAIN_BROKEN(r.seq, detail),
      });
    if (r.seq !== i + 1) bad(`expected seq ${i + 1}`);
    if (r.prevHash !== prev) bad('prev_hash does not match the previous entry');
    const { hash, ...rest } = r;
    if (auditHash(rest, key) !== hash) bad('hash does not match the contents');
    prev = r.hash;
  });
  for (const h of against) {
    if (h.entries === 0 || h.head === null) continue;
    if (records[h.entries - 1]?.hash !== h.head)
      problems.push({
        code: 'PROTECT_AUDIT_TRUNCATED',
        location: { path: `audit_log[seq=${h.entries}]` },
        ...m.PROTECT_AUDIT_TRUNCATED(h.entries, h.head),
      });
  }
  return problems;
}

/** Throws when the chain is broken. */
export function assertAuditIntact(records: readonly AuditRecord[], key: AuditKey): void {
  const p = verifyAudit(records, key);
  if (p.length) throw new IdwError(p);
}
