import { openSync, writeSync, closeSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { importFileAccess, importFiles } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'idw-long-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = { bytes: Buffer.from('long-line-test-key-0123456') };
const P =
  'person_id;national_register_number;birth_year;sex;education_level;nationality;first_nationality;migration_background;origin_group';
const person = (id: string) => `${id};;1985;M;low;SY;SY;true;middle_east`;
let n = 0;

async function importText(text: string | Buffer, opts: { maxLineBytes?: number } = {}) {
  const path = join(dir, `persons-${n++}.csv`);
  writeFileSync(path, text);
  const db = await openStore(':memory:', { fileAccess: importFileAccess([path]) });
  try {
    const s = await importFiles(db, { paths: [path], key, ...opts });
    const q = await db.query<{ line: number; code: string }>(
      'SELECT line, code FROM quarantine ORDER BY line',
    );
    const loaded = Number((await db.query('SELECT count(*) AS n FROM persons'))[0]!.n);
    return { s, q, loaded };
  } finally {
    await db.close();
  }
}

describe('a line too long to read is quarantined, never dropped', () => {
  it('with a small --max-line-bytes: the long line is quarantined with its line number', async () => {
    const long = `L1;;1985;M;low;SY;SY;true;${'x'.repeat(5000)}`;
    const { s, q, loaded } = await importText([P, person('A'), long, person('B'), ''].join('\n'), {
      maxLineBytes: 2048,
    });
    expect(s.totals).toEqual({ read: 3, loaded: 2, quarantined: 1 });
    expect(q).toEqual([{ line: 3, code: 'IMPORT_LINE_TOO_LONG' }]);
    expect(loaded).toBe(2);
  });

  it('the same in Windows-1252 with CRLF line ends', async () => {
    const long = `L1;;1985;M;low;SY;SY;true;${'é'.repeat(3000)}`;
    const text = [P, person('Zoë'), long, person('B'), ''].join('\r\n');
    const { s, q } = await importText(iconv.encode(text, 'windows-1252'), { maxLineBytes: 2048 });
    expect(s.files[0]!.encoding).toBe('windows-1252');
    expect(s.totals).toEqual({ read: 3, loaded: 2, quarantined: 1 });
    expect(q).toEqual([{ line: 3, code: 'IMPORT_LINE_TOO_LONG' }]);
  });

  it('a header line that is too long refuses the file with a located message', async () => {
    const { s } = await importText(`${P};${'y'.repeat(3000)}\n${person('A')}\n`, {
      maxLineBytes: 2048,
    });
    expect(s.files[0]!.outcome).toBe('rejected');
    expect(s.files[0]!.problems[0]).toMatchObject({
      code: 'IMPORT_LINE_TOO_LONG',
      location: { line: 1 },
    });
  });

  it('read = loaded + quarantined for any mix of line lengths around the limit (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 1200 }), { minLength: 1, maxLength: 12 }),
        async (pads) => {
          const lines = pads.map((p, i) => `${person(`Q${i}`)}${p > 900 ? 'z'.repeat(p * 2) : ''}`);
          const { s, q } = await importText([P, ...lines, ''].join('\n'), { maxLineBytes: 1024 });
          expect(s.totals.read).toBe(pads.length);
          expect(s.totals.loaded + s.totals.quarantined).toBe(s.totals.read);
          const longLines = lines.flatMap((l, i) => (Buffer.byteLength(l) > 1024 ? [i + 2] : []));
          expect(q.filter((r) => r.code === 'IMPORT_LINE_TOO_LONG').map((r) => r.line)).toEqual(
            longLines,
          );
        },
      ),
      { seed: 7, numRuns: 15 },
    );
  });

  it('with the default limit, a line just above DuckDB reader limit (10 MB) is quarantined too', async () => {
    const path = join(dir, 'persons-big.csv');
    const fd = openSync(path, 'w');
    writeSync(fd, `${P}\n${person('A')}\nBIG;;1985;M;low;SY;SY;true;`);
    const chunk = Buffer.alloc(1 << 20, 'x');
    for (let i = 0; i < 10; i++) writeSync(fd, chunk);
    writeSync(fd, `\n${person('B')}\n`);
    closeSync(fd);
    const db = await openStore(':memory:', { fileAccess: importFileAccess([path]) });
    const s = await importFiles(db, { paths: [path], key });
    const q = await db.query<{ line: number; code: string }>('SELECT line, code FROM quarantine');
    await db.close();
    expect(s.totals).toEqual({ read: 3, loaded: 2, quarantined: 1 });
    expect(q).toEqual([{ line: 3, code: 'IMPORT_LINE_TOO_LONG' }]);
  });

  it('refuses a limit below 1024 bytes as wrong use', async () => {
    await expect(importText(`${P}\n${person('A')}\n`, { maxLineBytes: 10 })).rejects.toThrow(
      /IMPORT_BAD_LIMIT/,
    );
  });
});
