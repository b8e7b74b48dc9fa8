import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultDbPath as storeDefault, openStore } from '../store/index.js';
import { dateOption, wholeNumber } from './check-args.js';
import { defaultDbPath } from './context.js';
import { main } from './main.js';

const dir = mkdtempSync(join(tmpdir(), 'idw-cli-args-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  process.env.IDW_PSEUDONYM_KEY = 'cli-args-test-key-0123456';
});
afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.IDW_PSEUDONYM_KEY;
});

describe('a missing or mistyped --db', () => {
  const missing = join(dir, 'typo.duckdb');
  it.each([
    ['compute', ['compute', '--db', missing]],
    ['report', ['report', '--db', missing, '--out', join(dir, 'r'), '--format', 'xlsx']],
    ['explain', ['explain', 'SD1.B', '--db', missing]],
    ['import', ['import', join(dir, 'persons.csv'), '--db', missing]],
    ['audit', ['audit', '--db', missing, '--verify']],
  ])('%s: exit 2 with CLI_NO_STORE, no store created, no report folder', async (_, args) => {
    writeFileSync(join(dir, 'persons.csv'), 'person_id;birth_year\nP1;1980\n');
    expect(await main([...args, '--lang', 'en'])).toBe(2);
    expect(err).toContain('CLI_NO_STORE');
    expect(err).toContain('idw init');
    expect(err).not.toMatch(/Unexpected error|Onverwachte fout/);
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(dir, 'r'))).toBe(false);
  });

  it('the message is in Dutch by default', async () => {
    expect(await main(['compute', '--db', missing])).toBe(2);
    expect(err).toContain('bestaat niet');
  });

  it('a folder is not a store', async () => {
    mkdirSync(join(dir, 'folder.duckdb'), { recursive: true });
    expect(await main(['audit', '--db', join(dir, 'folder.duckdb')])).toBe(2);
    expect(err).toContain('CLI_STORE_NOT_FILE');
  });
});

describe('idw demo checks its values before wiping the old demo', () => {
  it.each([
    ['--persons', 'abc'],
    ['--persons', '0'],
    ['--seed', '-1'],
    ['--as-of', '2018-02-30'],
  ])('%s %s: exit 2, the old store and its folder untouched', async (flag, value) => {
    const out = join(dir, `demo${flag}${value.replace(/\W/g, '')}`);
    mkdirSync(out, { recursive: true });
    const db = join(out, 'idw-demo.duckdb');
    const s = await openStore(db);
    await s.exec("INSERT INTO idw_meta VALUES ('marker', 'kept')");
    await s.close();
    const before = statSync(db).mtimeMs;
    expect(await main(['demo', '--out', out, flag, value])).toBe(2);
    expect(err).toMatch(/CLI_BAD_(NUMBER|DATE)/);
    expect(statSync(db).mtimeMs).toBe(before);
    const again = await openStore(db, { readOnly: true });
    const rows = await again.query<{ value: string }>(
      "SELECT value FROM idw_meta WHERE key = 'marker'",
    );
    await again.close();
    expect(rows).toEqual([{ value: 'kept' }]);
    expect(readdirSync(out)).toEqual(['idw-demo.duckdb']);
  });
});

describe('--as-of is a real date YYYY-MM-DD', () => {
  it.each(['2018-02-30', '2018-2-1', '31/03/2018', '2018-13-01', '20180331', 'yesterday'])(
    'compute --as-of %s: exit 2 with CLI_BAD_DATE before the store is opened',
    async (v) => {
      expect(await main(['compute', '--as-of', v, '--db', join(dir, 'nope.duckdb')])).toBe(2);
      expect(err).toContain('CLI_BAD_DATE');
    },
  );

  it('accepts exactly the calendar dates (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(dateOption('--as-of', iso)).toBe(iso);
        },
      ),
      { seed: 14, numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        const real =
          /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
        if (real) expect(dateOption('--as-of', s)).toBe(s);
        else expect(() => dateOption('--as-of', s)).toThrow(/CLI_BAD_DATE/);
      }),
      { seed: 14, numRuns: 500 },
    );
  });

  it('whole numbers: digits only, at least the minimum', () => {
    expect(wholeNumber('--persons', '1.000', 1)).toBe(1000);
    for (const v of ['abc', '', '1e3', '-5', '0x10', ' 7', '9'.repeat(20)])
      expect(() => wholeNumber('--persons', v, 1), v).toThrow(/CLI_BAD_NUMBER/);
    expect(() => wholeNumber('--persons', '0', 1)).toThrow(/CLI_BAD_NUMBER/);
  });
});

describe('wrong use of the command line', () => {
  it('an unknown command with --help is exit 2 with a clear message, not the general help', async () => {
    expect(await main(['serve', '--help'])).toBe(2);
    expect(out).not.toContain('Usage');
    expect(err).toContain('CLI_UNKNOWN_COMMAND');
    expect(err).toContain("Onbekende opdracht 'serve'");
    expect(await main(['help', 'serve'])).toBe(2);
    expect(await main(['serve'])).toBe(2);
  });

  it('an unknown option, a missing argument or value: exit 2 with a code, in Dutch and English', async () => {
    expect(await main(['plan', '--no-such-flag'])).toBe(2);
    expect(err).toContain("CLI_UNKNOWN_OPTION: Onbekende optie '--no-such-flag'");
    err = '';
    expect(await main(['explain', '--lang', 'en'])).toBe(2);
    expect(err).toContain('CLI_MISSING_ARGUMENT: A required argument is missing');
    err = '';
    expect(await main(['compute', '--db'])).toBe(2);
    expect(err).toContain('CLI_MISSING_VALUE');
  });

  it('--lang takes nl or en only', async () => {
    expect(await main(['plan', '--lang', 'fr'])).toBe(2);
    expect(err).toContain('CLI_BAD_LANG');
  });

  it('escapes control characters of a file name when echoing it (an attacker cannot drive the terminal)', async () => {
    const db = join(dir, 'esc.duckdb');
    expect(await main(['init', '--db', db])).toBe(0);
    const hostile = join(dir, 'x\u001b[2J\u001b]0;owned\u0007\u202e.csv');
    expect(await main(['import', hostile, '--db', db])).not.toBe(0);
    const all = out + err;
    expect(all).toContain('\\x1b[2J');
    expect(all).toContain('\\u{202e}');
    // eslint-disable-next-line no-control-regex -- no raw control character may reach the terminal
    expect(all).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
    out = '';
    err = '';
    expect(await main(['compute', '--db', join(dir, 'bad\u001b[31m.duckdb')])).toBe(2);
    expect(err).toContain('\\x1b[31m');
    expect(err).not.toContain('\u001b');
  });
});

describe('the default store path', () => {
  it("is the store's own rule (kept in the CLI so that --help does not load DuckDB)", () => {
    for (const env of [{}, { IDW_DB: '/data/idw.duckdb' }, { IDW_DB: '' }])
      expect(defaultDbPath(env)).toBe(storeDefault(env));
  });
});
