import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../store/index.js';
import { isValidNrn } from './nrn.js';
import { keyFingerprint, loadKey, pseudonymSql } from './pseudonym.js';

describe('HMAC-SHA-256 inside DuckDB', () => {
  it('equals node:crypto createHmac for any text and key length', async () => {
    const db = await DuckDbEngine.open(':memory:');
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 16, maxLength: 150 }),
        fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { minLength: 1, maxLength: 8 }),
        async (k, values) => {
          const key = { bytes: Buffer.from(k, 'utf8') };
          // Bind values one by one (no list binding needed): simple and exact.
          const got: string[] = [];
          for (const v of values) {
            const [r] = await db.query<{ h: string }>(
              `SELECT ${pseudonymSql(key, '$1::VARCHAR')} AS h`,
              [v],
            );
            got.push(r!.h);
          }
          expect(got).toEqual(
            values.map((v) => createHmac('sha256', key.bytes).update(v, 'utf8').digest('hex')),
          );
        },
      ),
      { numRuns: 30 },
    );
    await db.close();
  });

  it('needs a key of at least 16 characters, from the environment or a key file', () => {
    expect(() => loadKey(undefined, {})).toThrow(/IMPORT_NO_KEY/);
    expect(() => loadKey(undefined, { IDW_PSEUDONYM_KEY: 'short' })).toThrow(
      /IMPORT_KEY_TOO_SHORT/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'idw-key-'));
    writeFileSync(join(dir, 'k'), 'a-long-enough-secret-key\n');
    const fromFile = loadKey(join(dir, 'k'), { IDW_PSEUDONYM_KEY: 'another-key-0123456789' });
    expect(fromFile.bytes.toString()).toBe('a-long-enough-secret-key');
    expect(keyFingerprint(fromFile)).not.toBe(
      keyFingerprint(loadKey(undefined, { IDW_PSEUDONYM_KEY: 'another-key-0123456789' })),
    );
    rmSync(dir, { recursive: true });
  });
});

describe('Belgian national register number', () => {
  // Independent check: build numbers from a birth date and serial, compute the check digits by the
  // published rule, and compare with the validator; then corrupt one digit.
  it('accepts numbers built by the rule (births before and from 2000) and refuses a changed digit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1920, max: 2024 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 997 }),
        fc.integer({ min: 0, max: 8 }),
        (y, m, d, serial, pos) => {
          const nine = `${String(y % 100).padStart(2, '0')}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
          const base = BigInt((y >= 2000 ? '2' : '') + nine);
          const check = 97n - (base % 97n);
          const nrn = nine + String(check).padStart(2, '0');
          expect(isValidNrn(nrn)).toBe(true);
          expect(
            isValidNrn(
              `${nrn.slice(0, 2)}.${nrn.slice(2, 4)}.${nrn.slice(4, 6)}-${nrn.slice(6, 9)}.${nrn.slice(9)}`,
            ),
          ).toBe(true);
          const digit = (Number(nrn[pos]) + 1) % 10;
          const wrong = nrn.slice(0, pos) + digit + nrn.slice(pos + 1);
          // A changed digit changes the number mod 97 (10^k is never 0 mod 97), so the same rule
          // fails; the other century's rule may fit by chance, which the validator must accept.
          const fits = (prefix: string) =>
            97n - (BigInt(prefix + wrong.slice(0, 9)) % 97n) === BigInt(wrong.slice(9));
          expect(fits('')).toBe(y >= 2000 ? fits('') : false);
          expect(isValidNrn(wrong)).toBe(fits('') || fits('2'));
        },
      ),
    );
    expect(isValidNrn('85073003328')).toBe(true);
    expect(isValidNrn('8507300332')).toBe(false);
    expect(isValidNrn('8507300332A')).toBe(false);
  });
});
