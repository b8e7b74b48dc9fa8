import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZipError, checkZip, readZip, writeZip } from './zip.js';

/** Offset of the first central-directory entry of a zip written by `writeZip`. */
const centralStart = (zip: Buffer) => zip.readUInt32LE(zip.length - 22 + 16);

describe('reading a zip safely', () => {
  it('round-trips what writeZip wrote', () => {
    const entries = [
      { name: 'a.xml', data: Buffer.from('<a/>'.repeat(100)) },
      { name: 'b.png', data: Buffer.from([1, 2, 3]) },
    ];
    expect(readZip(writeZip(entries))).toEqual(entries);
  });

  it('refuses a zip bomb from its central directory, before unpacking anything', () => {
    const zip = writeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1000) }]);
    // The declared size says 1.9 GB, as the bomb in the issue did.
    zip.writeUInt32LE(1_900_000_000, centralStart(zip) + 24);
    const before = process.memoryUsage().rss;
    expect(() => checkZip(zip)).toThrow(ZipError);
    expect(() => readZip(zip)).toThrow(/more than/);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('never inflates an entry beyond its declared size (a size that lies)', () => {
    const zip = writeZip([{ name: 'sheet.xml', data: Buffer.alloc(32 * 1024 * 1024) }]);
    zip.writeUInt32LE(1000, centralStart(zip) + 24);
    const t0 = performance.now();
    expect(() => checkZip(zip)).toThrow(/declared size/);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('honours a smaller limit', () => {
    const zip = writeZip([{ name: 'x', data: Buffer.alloc(5000) }]);
    expect(() => checkZip(zip, 4096)).toThrow(/more than 4096/);
    expect(() => checkZip(zip, 5000)).not.toThrow();
  });

  it('a truncated or damaged zip is a ZipError, never a crash (property)', () => {
    const zip = writeZip([
      { name: 'a.xml', data: Buffer.from('<row>1</row>'.repeat(50)) },
      { name: 'b.xml', data: Buffer.from('hello') },
    ]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: zip.length }),
        fc.array(fc.tuple(fc.nat(zip.length - 1), fc.nat(255)), { maxLength: 4 }),
        (cut, flips) => {
          const b = Buffer.from(zip.subarray(0, cut));
          for (const [at, v] of flips) if (at < b.length) b[at] = v;
          try {
            readZip(b);
          } catch (e) {
            expect(e).toBeInstanceOf(ZipError);
          }
        },
      ),
      { seed: 5, numRuns: 1000 },
    );
  });
});
