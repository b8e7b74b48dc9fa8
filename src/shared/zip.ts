import { promisify } from 'node:util';
import * as zlib from 'node:zlib';

/** One file inside a zip archive. */
export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

/** Reads every entry of a zip (stored or deflated) through its central directory. */
export function readZip(buf: Buffer): ZipEntry[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip archive');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataStart, dataStart + size);
    out.push({ name, data: method === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
/** Node's native CRC-32 (Node 20.15 and later); the table version below is the fallback. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
/** CRC-32 as used by zip and PNG; `start` continues a CRC over data that came before. */
export function crc32(b: Uint8Array, start = 0): number {
  if (nativeCrc32) return nativeCrc32(b, start);
  let c = (start ^ 0xffffffff) >>> 0;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** DOS date of 1 January 1980, the earliest a zip can hold: every entry gets it. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A zip entry compressed once, ready to be written into one or more archives. */
export interface PackedEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: 0 | 8;
  readonly crc: number;
  /** Uncompressed size in bytes. */
  readonly size: number;
  readonly comp: Buffer;
}

/** Already-compressed media (chart PNGs) are stored as is: deflating them again costs time, saves nothing. */
const isStored = (name: string): boolean => /\.(png|jpe?g)$/i.test(name);

/** Compresses one entry (deflate level 6, or stored for images). */
export function packEntry(e: ZipEntry): PackedEntry {
  const stored = isStored(e.name);
  return {
    name: e.name,
    method: stored ? 0 : 8,
    crc: crc32(e.data),
    size: e.data.length,
    comp: stored ? e.data : zlib.deflateRawSync(e.data, { level: 6 }),
  };
}

const deflateRawAsync = promisify(zlib.deflateRaw);

/**
 * Compresses one large entry from consecutive parts off the main thread (zlib's thread pool). The
 * parts are deflated together, so the bytes equal those of `packEntry` on their concatenation.
 */
export async function packEntryAsync(name: string, parts: readonly Buffer[]): Promise<PackedEntry> {
  const data = Buffer.concat(parts);
  return {
    name,
    method: 8,
    crc: crc32(data),
    size: data.length,
    comp: await deflateRawAsync(data, { level: 6 }),
  };
}

/** Writes packed entries as a zip with fixed dates and no extra fields, so equal content gives equal bytes. */
export function writePacked(entries: readonly PackedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const { comp, method, crc } = e;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6); // UTF-8 names
    head.writeUInt16LE(method, 8);
    head.writeUInt16LE(0, 10);
    head.writeUInt16LE(DOS_DATE, 12);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(comp.length, 18);
    head.writeUInt32LE(e.size, 22);
    head.writeUInt16LE(name.length, 26);
    head.writeUInt16LE(0, 28);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(0x0800, 8);
    cen.writeUInt16LE(method, 10);
    cen.writeUInt16LE(0, 12);
    cen.writeUInt16LE(DOS_DATE, 14);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(comp.length, 20);
    cen.writeUInt32LE(e.size, 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt32LE(offset, 42);
    locals.push(head, name, comp);
    centrals.push(cen, name);
    offset += 30 + name.length + comp.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}

/** Writes entries as a zip with fixed dates and no extra fields, so equal content gives equal bytes. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  return writePacked(entries.map(packEntry));
}
