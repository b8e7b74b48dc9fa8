import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { IdwError, ExitCode } from '../shared/index.js';
import { importMessages as M } from './messages.js';

/** The secret behind every pseudonym. Held in memory only: never written to the store or a log. */
export interface PseudonymKey {
  readonly bytes: Buffer;
}

/**
 * The key from `--key-file` (first) or `IDW_PSEUDONYM_KEY`. Fails with IMPORT_NO_KEY when neither is
 * set, so an import never falls back to an unkeyed hash.
 */
export function loadKey(keyFile: string | undefined, env: NodeJS.ProcessEnv): PseudonymKey {
  let text: string | undefined;
  if (keyFile) {
    try {
      text = readFileSync(keyFile, 'utf8').trim();
    } catch {
      throw IdwError.single('IMPORT_KEY_FILE_UNREADABLE', M.IMPORT_KEY_FILE_UNREADABLE(keyFile));
    }
  } else text = env.IDW_PSEUDONYM_KEY;
  if (!text) throw IdwError.single('IMPORT_NO_KEY', M.IMPORT_NO_KEY(), {}, ExitCode.usage);
  if (text.length < 16)
    throw IdwError.single('IMPORT_KEY_TOO_SHORT', M.IMPORT_KEY_TOO_SHORT(), {}, ExitCode.usage);
  return { bytes: Buffer.from(text, 'utf8') };
}

/** HMAC-SHA-256 of a UTF-8 string, as lowercase hex (64 characters). */
export function pseudonymise(key: PseudonymKey, value: string): string {
  return createHmac('sha256', key.bytes).update(value, 'utf8').digest('hex');
}

/**
 * The same HMAC-SHA-256 as a DuckDB SQL expression over a VARCHAR expression, so that ten million
 * identifiers are hashed inside the database on every core: H((K⊕opad) ‖ H((K⊕ipad) ‖ m)) (RFC 2104).
 * The padded key blocks appear in the statement text only, which is never logged or stored.
 */
export function pseudonymSql(key: PseudonymKey, expr: string): string {
  const block = Buffer.alloc(64);
  const k = key.bytes.length > 64 ? createHmacKeyDigest(key.bytes) : key.bytes;
  k.copy(block);
  const ipad = Buffer.from(block.map((b) => b ^ 0x36)).toString('hex');
  const opad = Buffer.from(block.map((b) => b ^ 0x5c)).toString('hex');
  return `sha256(unhex('${opad}') || unhex(sha256(unhex('${ipad}') || encode(${expr}))))`;
}

// Keys longer than the block size are hashed first (RFC 2104 §2).
function createHmacKeyDigest(k: Buffer): Buffer {
  return createHash('sha256').update(k).digest();
}

/** A fingerprint of the key (an HMAC of a fixed text), kept in the store to catch a changed key. */
export function keyFingerprint(key: PseudonymKey): string {
  return pseudonymise(key, 'idw-monitor key check').slice(0, 16);
}
