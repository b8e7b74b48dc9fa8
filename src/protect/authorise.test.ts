import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IdwError } from '../shared/index.js';
import { openStore } from '../store/index.js';
import { loadAccess, parseAccess } from './access.js';
import { appendAudit, auditHash, readAudit, verifyAudit, type AuditRecord } from './audit-log.js';
import { authorise, resolveRole, type AccessRequest } from './authorise.js';
import { authoriseAndAudit } from './guard.js';

const dir = mkdtempSync(join(tmpdir(), 'idw-auth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const access = await loadAccess(new URL('../../config/access.yaml', import.meta.url).pathname);

const SPECIAL = [
  'residence_status',
  'work_access',
  'nationality',
  'origin_group',
  'migration_background',
];
const byStatus: AccessRequest = {
  results: ['SD1.B'],
  dimensions: ['residence_status'],
  specialDimensions: SPECIAL,
  asOf: '2018-04-30',
};
const clock = () => {
  let t = Date.UTC(2018, 3, 30, 8, 0, 0);
  return () => new Date((t += 60_000));
};
const thrown = (fn: () => unknown): IdwError => {
  try {
    fn();
  } catch (e) {
    return e as IdwError;
  }
  throw new Error('did not throw');
};

describe('access configuration', () => {
  it('loads the bundled config/access.yaml with the three roles', () => {
    expect(Object.keys(access.roles).sort()).toEqual(['analyst', 'public', 'steward']);
    expect(access.thresholds.public).toEqual({
      count: 5,
      rateDenominator: 20,
      statisticN: 10,
      suppressZero: false,
    });
    expect(access.roles.steward!.publishable).toBe(false);
  });

  it('reports every problem of a bad file at once', () => {
    const e = thrown(() => parseAccess('roles: {}\nauthorisations: [{id: x}]\nthresholds: {}\n'));
    expect(e.problems.length).toBeGreaterThan(2);
    expect(new Set(e.problems.map((p) => p.code))).toEqual(new Set(['PROTECT_ACCESS_SCHEMA']));
  });

  it('takes the role from the flag, then IDW_ROLE, then IDW_PROFILE, then the default', () => {
    expect(resolveRole(access, 'analyst', { IDW_ROLE: 'steward' })).toBe('analyst');
    expect(resolveRole(access, undefined, { IDW_ROLE: 'steward', IDW_PROFILE: 'analyst' })).toBe(
      'steward',
    );
    expect(resolveRole(access, undefined, { IDW_PROFILE: 'analyst' })).toBe('analyst');
    expect(resolveRole(access, undefined, {})).toBe('public');
  });
});

describe('authorise', () => {
  it('refuses a residence-status breakdown without an authorisation, in Dutch and English', () => {
    const e = thrown(() => authorise(byStatus, access, 'analyst'));
    expect(e.code).toBe('PROTECT_SPECIAL_NEEDS_AUTHORISATION');
    expect(e.problems[0]!.nl).toContain('residence_status');
    expect(e.problems[0]!.nl).toContain('machtiging');
    expect(e.problems[0]!.en).toContain('--authorisation');
  });

  it('allows it with the privacy commission authorisation and asks for an audit entry', () => {
    const d = authorise(byStatus, access, 'analyst', 'PC-VERBLIJFSSTATUUT');
    expect(d).toMatchObject({ audience: 'board', special: ['residence_status'], mustAudit: true });
    expect(d.authorisation!.legalBasis.nl).toContain('privacycommissie');
  });

  it('never gives the public a special breakdown, not even with an authorisation', () => {
    expect(thrown(() => authorise(byStatus, access, 'public', 'PC-VERBLIJFSSTATUUT')).code).toBe(
      'PROTECT_PUBLIC_SPECIAL',
    );
  });

  it('checks the authorisation: known, covering the dimension, valid on the day', () => {
    expect(thrown(() => authorise(byStatus, access, 'analyst', 'NOPE')).exitCode).toBe(2);
    expect(
      thrown(() =>
        authorise(
          { ...byStatus, dimensions: ['religion'], specialDimensions: ['religion'] },
          access,
          'analyst',
          'PC-VERBLIJFSSTATUUT',
        ),
      ).code,
    ).toBe('PROTECT_AUTHORISATION_SCOPE');
    expect(
      thrown(() =>
        authorise({ ...byStatus, asOf: '2017-06-30' }, access, 'analyst', 'PC-VERBLIJFSSTATUUT'),
      ).code,
    ).toBe('PROTECT_AUTHORISATION_EXPIRED');
    expect(thrown(() => authorise(byStatus, access, 'nobody')).code).toBe('PROTECT_UNKNOWN_ROLE');
  });

  it('lets ordinary breakdowns through without an audit entry', () => {
    const d = authorise({ ...byStatus, dimensions: ['sex', 'region'] }, access, 'public');
    expect(d).toMatchObject({ special: [], mustAudit: false, audience: 'public' });
  });
});

/** A test key: the chain is keyed with a secret kept outside the store. */
const KEY = { bytes: Buffer.from('authorise-test-audit-key-0123') };

describe('audit log', () => {
  it('records an authorised special breakdown and nothing for a refused one', async () => {
    const store = await openStore(join(dir, 'a.duckdb'));
    const now = clock();
    const ctx = {
      actor: 'monitoring-team',
      action: 'compute',
      output: 'answer-473.docx',
      now,
      auditKey: KEY,
    };
    await expect(
      authoriseAndAudit(store, byStatus, access, 'analyst', undefined, ctx),
    ).rejects.toMatchObject({
      code: 'PROTECT_SPECIAL_NEEDS_AUTHORISATION',
    });
    expect(await readAudit(store)).toEqual([]);
    const d = await authoriseAndAudit(
      store,
      byStatus,
      access,
      'analyst',
      'PC-VERBLIJFSSTATUUT',
      ctx,
    );
    await authoriseAndAudit(
      store,
      { ...byStatus, dimensions: ['sex'] },
      access,
      'analyst',
      undefined,
      ctx,
    );
    const log = await readAudit(store);
    await store.close();
    expect(log).toEqual([d.audit]);
    expect(log[0]).toMatchObject({
      seq: 1,
      loggedAt: '2018-04-30T08:01:00.000Z',
      actor: 'monitoring-team',
      role: 'analyst',
      results: ['SD1.B'],
      breakdowns: [['residence_status']],
      authorisation: 'PC-VERBLIJFSSTATUUT',
      output: 'answer-473.docx',
    });
    expect(verifyAudit(log, KEY)).toEqual([]);
  });

  it('chains entries so that a change, a deletion or a reordering is detected', async () => {
    const store = await openStore(join(dir, 'b.duckdb'));
    const now = clock();
    for (const output of ['a', 'b', 'c'])
      await appendAudit(
        store,
        { actor: 'x', role: 'steward', action: 'check', results: [], breakdowns: [], output },
        now,
        KEY,
      );
    const log = await readAudit(store);
    await store.close();
    expect(log.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(log[1]!.prevHash).toBe(log[0]!.hash);
    // Independent recomputation of one hash from its fields.
    const { hash, ...rest } = log[2]!;
    expect(auditHash(rest, KEY)).toBe(hash);
    const changed: AuditRecord[] = log.map((r, i) => (i === 1 ? { ...r, output: 'z' } : r));
    expect(verifyAudit(changed, KEY).map((p) => p.location.path)).toEqual(['audit_log[seq=2]']);
    expect(verifyAudit([log[0]!, log[2]!], KEY).length).toBeGreaterThan(0);
    expect(verifyAudit([log[1]!, log[0]!, log[2]!], KEY).length).toBeGreaterThan(0);
  });
});

describe('special columns of the contract', () => {
  it('include residence status, nationality, origin group and migration background', async () => {
    const { SPECIAL_COLUMNS } = await import('./personal-data.js');
    expect(SPECIAL_COLUMNS).toEqual(
      expect.arrayContaining([
        'residence_status',
        'status',
        'nationality',
        'origin_group',
        'migration_background',
      ]),
    );
  });
});
