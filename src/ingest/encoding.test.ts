import { isUtf8 } from 'node:buffer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { checkEncoding } from './encoding-check.js';
import { importFileAccess, importFiles } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'idw-enc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = { bytes: Buffer.from('encoding-test-key-0123456') };
const P =
  'person_id;national_register_number;birth_year;sex;education_level;nationality;first_nationality;migration_background;origin_group';
const person = (id: string) => `${id};;1985;M;low;SY;SY;true;middle_east`;
let n = 0;

async function importBytes(bytes: Buffer, encoding?: string) {
  const path = join(dir, `persons-${n++}.csv`);
  writeFileSync(path, bytes);
  const db = await openStore(':memory:', { fileAccess: importFileAccess([path]) });
  try {
    const s = await importFiles(db, { paths: [path], key, ...(encoding ? { encoding } : {}) });
    const rows = Number((await db.query('SELECT count(*) AS n FROM persons'))[0]!.n);
    return { s, rows };
  } finally {
    await db.close();
  }
}

describe('a file that is not valid UTF-8', () => {
  it('is read as Windows-1252 when nothing in it is UTF-8', async () => {
    const { s, rows } = await importBytes(
      iconv.encode([P, person('Café'), person('Zoë'), ''].join('\n'), 'windows-1252'),
    );
    expect(s.files[0]!.encoding).toBe('windows-1252');
    expect(rows).toBe(2);
  });

  it('is refused with the first bad byte (line and column) when it mixes UTF-8 and other bytes', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${P}\n${person('Café')}\n`, 'utf8'),
      Buffer.from('Caf'),
      Buffer.from([0xe9]),
      Buffer.from(';;1985;M;low;SY;SY;true;middle_east\n'),
    ]);
    const { s, rows } = await importBytes(bytes);
    expect(rows).toBe(0);
    expect(s.files[0]!.outcome).toBe('rejected');
    expect(s.files[0]!.problems[0]).toMatchObject({
      code: 'IMPORT_MIXED_ENCODING',
      location: { line: 3, column: 4 },
    });
  });

  it('is refused when it holds a byte Windows-1252 does not define', async () => {
    const bytes = Buffer.from(`${P}\nA\x81B;;1985;M;low;SY;SY;true;middle_east\n`, 'latin1');
    const { s } = await importBytes(bytes);
    expect(s.files[0]!.problems[0]).toMatchObject({
      code: 'IMPORT_MIXED_ENCODING',
      location: { line: 2, column: 2 },
    });
  });

  it('is read as told with --encoding, for whoever knows better', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${P}\n${person('Café')}\n`, 'utf8'),
      Buffer.from('Caf\xe9;;1985;M;low;SY;SY;true;middle_east\n', 'latin1'),
    ]);
    const { rows } = await importBytes(bytes, 'windows-1252');
    expect(rows).toBe(2);
  });
});

describe('checkEncoding', () => {
  /** Byte offset of a line/column place, to compare with Node's own UTF-8 check. */
  const offsetOf = (b: Buffer, line: number, column: number) => {
    let at = 0;
    for (let l = 1; l < line; l++) at = b.indexOf(10, at) + 1;
    return at + column - 1;
  };

  it("agrees with Node's UTF-8 check: no bad byte exactly when the bytes are UTF-8, and all before the first bad byte is valid (property)", async () => {
    let i = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.string().map((s) => Buffer.from(s, 'utf8')),
            fc.uint8Array({ minLength: 1, maxLength: 4 }).map((a) => Buffer.from(a)),
            fc.constant(Buffer.from('\n')),
          ),
          { maxLength: 20 },
        ),
        async (parts) => {
          const b = Buffer.concat(parts);
          const path = join(dir, `bytes-${i++}`);
          writeFileSync(path, b);
          const c = await checkEncoding(path);
          expect(c.firstBad === undefined).toBe(isUtf8(b));
          if (c.firstBad) {
            const at = offsetOf(b, c.firstBad.line, c.firstBad.column);
            expect(isUtf8(b.subarray(0, at))).toBe(true);
            expect(isUtf8(b.subarray(0, at + 4))).toBe(false);
          }
        },
      ),
      { seed: 21, numRuns: 400 },
    );
  });
});
