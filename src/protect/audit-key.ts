import { readFileSync } from 'node:fs';
import { ExitCode, IdwError } from '../shared/index.js';
import { getMeta, type Engine } from '../store/index.js';
import { protectMessages as m } from './messages.js';

/** The secret that keys the audit log's chain. It is never stored in the store. */
export interface AuditKey {
  readonly bytes: Buffer;
  /** The built-in demonstration key: accepted on synthetic stores only. */
  readonly demo?: true;
}

/**
 * Demonstration key for synthetic stores (`idw demo`, `idw generate`, tests). It is public, so a
 * chain keyed with it proves nothing; a store with real data refuses it (see docs/privacy.md).
 */
export const DEMO_AUDIT_KEY: AuditKey = {
  bytes: Buffer.from('idw-monitor DEMO audit key - synthetic data only', 'utf8'),
  demo: true,
};

/**
 * The audit key from `--audit-key-file` (first) or `IDW_AUDIT_KEY`, the same way the import reads
 * its pseudonymisation key; else the demonstration key, which only a synthetic store accepts.
 */
export function loadAuditKey(keyFile: string | undefined, env: NodeJS.ProcessEnv): AuditKey {
  let text: string | undefined;
  if (keyFile) {
    try {
      text = readFileSync(keyFile, 'utf8').trim();
    } catch {
      throw IdwError.single(
        'PROTECT_AUDIT_KEY_UNREADABLE',
        m.PROTECT_AUDIT_KEY_UNREADABLE(keyFile),
        {
          file: keyFile,
        },
      );
    }
  } else text = env.IDW_AUDIT_KEY;
  if (text === undefined || text === '') return DEMO_AUDIT_KEY;
  if (text.length < 16)
    throw IdwError.single(
      'PROTECT_AUDIT_KEY_TOO_SHORT',
      m.PROTECT_AUDIT_KEY_TOO_SHORT(),
      {},
      ExitCode.usage,
    );
  return { bytes: Buffer.from(text, 'utf8') };
}

/** Refuses the demonstration key on a store that is not synthetic (before anything is written). */
export async function assertKeyFits(engine: Engine, key: AuditKey): Promise<void> {
  if (key.demo && (await getMeta(engine, 'synthetic')) !== 'true')
    throw IdwError.single('PROTECT_NO_AUDIT_KEY', m.PROTECT_NO_AUDIT_KEY(), {}, ExitCode.usage);
}
