import { promisify } from 'node:util';
import * as zlib from 'node:zlib';

/** One file inside a zip archive. */
export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

/** What a zip may unpack to in all, unless told otherwise: 512 MiB. */
export const DEFAULT_MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;

/** A zip that cannot be read safely: `broken` (damaged, truncated) or `too-large` when unpacked. */
export class ZipError extends Error {
  constructor(
    readonly kind: 'broken' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

/** One entry as the central directory describes it, before anything is unpacked. */
interface EntryInfo {
  readonly name: string;
  readonly method: number;
  readonly size: number;
  readonly raw: Buffer;
}

/**
 * The central directory: names, methods and declared sizes, every offset checked against the
 * buffer (a truncated or damaged archive is a `broken` ZipError, never an out-of-range read).
 */
function listZip(buf: Buffer): EntryInfo[] {
  const broken = (why: string) => new ZipError('broken', `not a readable zip archive: ${why}`);
  let eocd = buf.length - 22;
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  while (eocd >= stop && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < stop || buf.length < 22) throw broken('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: EntryInfo[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50)
      throw broken('central directory');
    const method = buf.readUInt16LE(p + 10);
    const compSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen > buf.length || local + 30 > buf.length) throw broken('entry header');
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (dataStart + compSize > buf.length) throw broken(`entry ${name} is cut off`);
    if (method !== 0 && method !== 8) throw broken(`entry ${name}: compression ${method}`);
    out.push({ name, method, size, raw: buf.subarray(dataStart, dataStart + compSize) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Unpacks one entry, never to more than its declared size (a lying size is a `broken` archive). */
function unpack(e: EntryInfo): Buffer {
  if (e.method === 0) {
    if (e.raw.length !== e.size) throw new ZipError('broken', `entry ${e.name}: size differs`);
    return Buffer.from(e.raw);
  }
  let data: Buffer;
  try {
    data = zlib.inflateRawSync(e.raw, { maxOutputLength: Math.max(1, e.size) });
  } catch {
    throw new ZipError('broken', `entry ${e.name} does not unpack to its declared size`);
  }
  if (data.length !== e.size) throw new ZipError('broken', `entry ${e.name}: size differs`);
  return data;
}

/**
 * Reads every entry of a zip (stored or deflated) through its central directory. A zip bomb is
 * refused before it costs memory: the declared sizes together may not exceed `maxBytes`, and no
 * entry is ever inflated beyond its declared size.
 */
export function readZip(buf: Buffer, maxBytes = DEFAULT_MAX_UNZIPPED_BYTES): ZipEntry[] {
  const entries = listZip(buf);
  checkDeclared(entries, maxBytes);
  return entries.map((e) => ({ name: e.name, data: unpack(e) }));
}

/**
 * Checks that a zip unpacks whole to at most `maxBytes` without keeping what it unpacks (one
 * entry in memory at a time): for archives another library will read afterwards.
 */
export function checkZip(buf: Buffer, maxBytes = DEFAULT_MAX_UNZIPPED_BYTES): void {
  const entries = listZip(buf);
  checkDeclared(entries, maxBytes);
  for (const e of entries) unpack(e);
}

function checkDeclared(entries: readonly EntryInfo[], maxBytes: number): void {
  const total = entries.reduce((n, e) => n + e.size, 0);
  if (total > maxBytes)
    throw new ZipError('too-large', `unpacks to ${total} bytes, more than ${maxBytes}`);
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
