import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResultCellSchema } from '../../compute/index.js';
import { openStore } from '../../store/index.js';

const root = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'idw-compute-'));
const db = join(dir, 'c.duckdb');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const idw = (...args: string[]) =>
  spawnSync('node', [`${root}bin/idw.js`, ...args], {
    encoding: 'utf8',
    // A store with (test) real data: its audit log needs a key of its own.
    env: { ...process.env, IDW_LANG: 'en', IDW_AUDIT_KEY: 'compute-test-audit-key-0123' },
  });

beforeAll(async () => {
  const s = await openStore(db);
  // The seed's table, entered as yearly rows, and one person registered twice.
  await s.exec(`INSERT INTO language_coaching_hours VALUES
    ('nodw', '2014-01-01', '2014-12-31', 7656), ('ibo_t', '2014-01-01', '2014-12-31', 2177),
    ('nodw', '2015-01-01', '2015-12-31', 5873), ('ibo_t', '2015-01-01', '2015-12-31', 2717),
    ('nodw', '2016-01-01', '2016-12-31', 4926), ('ibo_t', '2016-01-01', '2016-12-31', 2347),
    ('nodw', '2017-01-01', '2017-12-31', 3809), ('ibo_t', '2017-01-01', '2017-12-31', 4182)`);
  await s.exec(`INSERT INTO persons (person_id, birth_year, sex, education_level, nationality, first_nationality, migration_background, origin_group)
    VALUES ('p1', 1990, 'F', 'low', 'SY', 'SY', TRUE, 'middle_east')`);
  await s.exec(`INSERT INTO registrations (registration_id, person_id, registered_on, ended_on, end_reason, category, dutch_language_deficit, dutch_level, region)
    VALUES ('r1', 'p1', '2016-01-31', '2016-05-01', 'work', 'other_jobseeker', TRUE, 'none', 'ant'),
           ('r2', 'p1', '2016-09-30', NULL, NULL, 'other_jobseeker', TRUE, 'none', 'ant')`);
  await s.exec(
    `INSERT INTO employment_spells VALUES ('s1', 'p1', '2016-04-01', '2016-08-31', 'C')`,
  );
  await s.close();
});

describe('idw compute and idw explain', () => {
  it('prints the result set as JSON, every cell valid, hours equal to the seed', () => {
    // The data steward sees unprotected values (a one-person inflow below).
    const r = idw('compute', '--db', db, '--json', '--as-of', '2018-12-31', '--role', 'steward');
    expect(r.status, r.stderr).toBe(0);
    const rs = JSON.parse(r.stdout);
    expect(rs.audience).toBe('steward');
    // A protected cell is a result cell plus its disclosure status.
    for (const { disclosure, reason: _r, symbol: _s, personal: _p, ...c } of rs.cells) {
      expect(disclosure).toBe('shown');
      ResultCellSchema.parse(c);
    }
    const total = (y: string) =>
      rs.cells.find(
        (c: { indicator: string; period: string; breakdown: object }) =>
          c.indicator === 'coaching-hours' && c.period === y && !Object.keys(c.breakdown).length,
      ).value;
    expect([total('2014'), total('2015'), total('2016'), total('2017')]).toEqual([
      9833, 8590, 7273, 7991,
    ]);
    const statuses = (id: string) =>
      new Set(
        rs.cells
          .filter((c: { result: string }) => c.result === id)
          .map((c: { status: string }) => c.status),
      );
    expect(statuses('SD4.A')).toEqual(new Set(['not-defined']));
    expect(statuses('SD3.A')).toEqual(new Set(['to-explore']));
    // One person, counted once in 2016 although registered twice; at work 6 months after 31 Jan.
    const inflow = rs.cells.find(
      (c: { indicator: string; period: string; breakdown: object }) =>
        c.indicator === 'inflow-target-group' &&
        c.period === '2016' &&
        !Object.keys(c.breakdown).length,
    );
    expect(inflow.value).toBe(1);
  });

  it('explains a result with its definition, SQL and counts: protected for the public, exact for the steward', () => {
    const r = idw('explain', 'SD1.B', '--db', db, '--as-of', '2018-12-31', '--lang', 'en');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('outflow-to-work (cohort-outflow)');
    expect(r.stdout).toMatch(/WITH q AS/);
    // One person: the public sees the suppression symbol, never the count.
    expect(r.stdout).toMatch(/2016 6m at-work: x \[ok\]/);
    expect(r.stdout).not.toMatch(/2016 6m at-work: 1 |\(1\/1\)/);
    const steward = idw(
      'explain',
      'SD1.B',
      '--db',
      db,
      '--as-of',
      '2018-12-31',
      '--role',
      'steward',
    );
    expect(steward.status, steward.stderr).toBe(0);
    expect(steward.stdout).toMatch(/2016 6m at-work: 1 \[ok\] \(1\/1\)/);
  });

  it('protects for the public by default and needs an authorisation for residence status', () => {
    const pub = idw('compute', '--db', db, '--json', '--as-of', '2018-12-31', '--result', 'SD1.A');
    expect(pub.status, pub.stderr).toBe(0);
    const rs = JSON.parse(pub.stdout);
    expect(rs.audience).toBe('public');
    const one = rs.cells.find(
      (c: { period: string; breakdown: object }) =>
        c.period === '2016' && !Object.keys(c.breakdown).length,
    );
    expect(one).toMatchObject({ disclosure: 'suppressed', value: null, symbol: 'x' });
    const ask = [
      'compute',
      '--db',
      db,
      '--json',
      '--result',
      'SD1.B',
      '--breakdown',
      'residence_status',
    ];
    const refused = idw(...ask, '--role', 'analyst');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('PROTECT_SPECIAL_NEEDS_AUTHORISATION');
    expect(idw(...ask).status).toBe(1); // the public role, never
    const allowed = idw(...ask, '--role', 'analyst', '--authorisation', 'PC-VERBLIJFSSTATUUT');
    expect(allowed.status, allowed.stderr).toBe(0);
    const audit = JSON.parse(idw('audit', '--db', db, '--json').stdout);
    expect(JSON.stringify(audit)).toContain('PC-VERBLIJFSSTATUUT');
    expect(JSON.stringify(audit)).toContain('residence_status');
  });

  it('refuses an unknown result and a bad date with exit code 2', () => {
    expect(idw('explain', 'SD9.Z', '--db', db).status).toBe(2);
    expect(idw('compute', '--db', db, '--as-of', '2018-02-30').status).toBe(2);
  });

  it('a cut-off before the data computes what it can, without an unexpected error', () => {
    const r = idw('compute', '--db', db, '--as-of', '2009-12-31');
    expect(r.stderr).not.toMatch(/Unexpected error|Onverwachte fout/);
    expect(r.status, r.stderr).toBe(0);
  });
});
