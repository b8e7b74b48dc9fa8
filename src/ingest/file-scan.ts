import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';

/** What one pass over a file's bytes tells: its content hash, size and whether it is valid UTF-8. */
export interface FileScan {
  readonly contentHash: string;
  readonly bytes: number;
  readonly utf8: boolean;
}

/** Streams the file once: SHA-256 of the content and a UTF-8 check (split at line ends). */
export async function scanFile(path: string): Promise<FileScan> {
  const hash = createHash('sha256');
  let bytes = 0;
  let utf8 = true;
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 })) {
    const b = chunk as Buffer;
    hash.update(b);
    bytes += b.length;
    if (!utf8) continue;
    const buf = carry.length ? Buffer.concat([carry, b]) : b;
    const cut = buf.lastIndexOf(10) + 1;
    if (cut > 0 && !isUtf8(buf.subarray(0, cut))) utf8 = false;
    carry = Buffer.from(buf.subarray(cut));
  }
  if (utf8 && carry.length && !isUtf8(carry)) utf8 = false;
  return { contentHash: hash.digest('hex'), bytes, utf8 };
}

/** Rewrites a Windows-1252 file as UTF-8 (for DuckDB's reader, which reads UTF-8). */
export async function transcodeToUtf8(from: string, to: string, encoding: string): Promise<void> {
  await pipeline(
    createReadStream(from),
    iconv.decodeStream(encoding),
    iconv.encodeStream('utf8'),
    createWriteStream(to),
  );
}
