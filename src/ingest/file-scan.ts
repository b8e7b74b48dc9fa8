import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';

/** What one pass over a file's bytes tells: its content hash, size and whether it is valid UTF-8. */
export interface FileScan {
  readonly contentHash: string;
  readonly bytes: number;
  readonly utf8: boolean;
  /** Line ends are mixed (CRLF and LF, or a lone CR): DuckDB's reader refuses such files. */
  readonly mixedNewlines: boolean;
  /** Bytes in the longest line (CR and LF both end a line here); see `rewriteAsUtf8Lf`. */
  readonly longestLine: number;
  /** Which of these bytes occur anywhere: tab, vertical tab or form feed, space, double quote. */
  readonly has: {
    readonly tab: boolean;
    readonly vtFf: boolean;
    readonly space: boolean;
    readonly quote: boolean;
  };
}

/** Streams the file once: SHA-256 of the content and a UTF-8 check (split at line ends). */
export async function scanFile(path: string): Promise<FileScan> {
  const hash = createHash('sha256');
  let bytes = 0;
  let utf8 = true;
  let carry: Buffer = Buffer.alloc(0);
  let prev = '';
  let crlf = false;
  let lf = false;
  let cr = false;
  const has = { tab: false, vtFf: false, space: false, quote: false };
  let longestLine = 0;
  let lineLen = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 })) {
    const b = chunk as Buffer;
    hash.update(b);
    bytes += b.length;
    // memchr-speed look-ups that tell the fast path (fast-csv.ts) whether it may be used.
    has.tab ||= b.indexOf(9) >= 0;
    has.vtFf ||= b.indexOf(11) >= 0 || b.indexOf(12) >= 0;
    has.space ||= b.indexOf(32) >= 0;
    has.quote ||= b.indexOf(34) >= 0;
    // Line lengths, so that a line too long for the reader is quarantined, never dropped.
    for (let at = 0; at < b.length;) {
      const lf = b.indexOf(10, at);
      const cr = b.indexOf(13, at);
      const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (end < 0) {
        lineLen += b.length - at;
        break;
      }
      longestLine = Math.max(longestLine, lineLen + end - at);
      lineLen = 0;
      at = end + 1;
    }
    // Line ends: CR and LF never occur inside a UTF-8 or Windows-1252 multi-byte character.
    if (prev !== '\r' && b.indexOf(13) < 0) {
      // No CR in this chunk (the common case): only LF line ends.
      lf ||= b.indexOf(10) >= 0;
      prev = b.length ? String.fromCharCode(b[b.length - 1]!) : prev;
    } else {
      const t = prev + b.toString('latin1');
      crlf ||= t.includes('\r\n');
      lf ||= /(^|[^\r])\n/.test(t);
      cr ||= /\r(?!\n)[\s\S]/.test(t);
      prev = t.slice(-1);
    }
    if (!utf8) continue;
    // Check up to the last whole character; the few bytes of a character split between chunks
    // wait for the next chunk (carrying whole lines instead grows without bound on a long line).
    const buf = carry.length ? Buffer.concat([carry, b]) : b;
    const cut = lastCharStart(buf);
    if (cut > 0 && !isUtf8(buf.subarray(0, cut))) utf8 = false;
    carry = Buffer.from(buf.subarray(cut));
  }
  longestLine = Math.max(longestLine, lineLen);
  if (utf8 && carry.length && !isUtf8(carry)) utf8 = false;
  if (prev === '\r') cr = true;
  const mixedNewlines = (crlf && lf) || (cr && (crlf || lf));
  return { contentHash: hash.digest('hex'), bytes, utf8, mixedNewlines, longestLine, has };
}

/** Where the last (possibly incomplete) UTF-8 character of `b` starts; `b.length` if none is cut. */
function lastCharStart(b: Buffer): number {
  for (let i = b.length - 1; i >= 0 && i >= b.length - 4; i--) {
    const x = b[i]!;
    if (x < 0x80) return b.length;
    if (x >= 0xc0) {
      const need = x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : 2;
      return b.length - i >= need ? b.length : i;
    }
  }
  return b.length;
}

/**
 * Rewrites a file as UTF-8 with LF line ends (for DuckDB's reader, which reads UTF-8 and one kind
 * of line end). Line numbers stay the same. A line longer than `maxLineBytes` (in UTF-8) is written
 * as an empty line and its number returned, so that the caller quarantines it: DuckDB's reader
 * would otherwise refuse it, or drop it without a trace when it is very long.
 */
export async function rewriteAsUtf8Lf(
  from: string,
  to: string,
  encoding: string,
  maxLineBytes = Infinity,
): Promise<number[]> {
  const long: number[] = [];
  if (encoding === 'utf-8')
    await pipeline(
      createReadStream(from),
      newlinesToLf(),
      dropLongLines(maxLineBytes, long),
      createWriteStream(to),
    );
  else
    await pipeline(
      createReadStream(from),
      iconv.decodeStream(encoding),
      iconv.encodeStream('utf8'),
      newlinesToLf(),
      dropLongLines(maxLineBytes, long),
      createWriteStream(to),
    );
  return long;
}

/** Replaces every line longer than `max` bytes by an empty line and records its number in `long`. */
function dropLongLines(max: number, long: number[]): Transform {
  let line = 1;
  let held: Buffer[] = [];
  let heldBytes = 0;
  let dropping = false;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const out: Buffer[] = [];
      for (let at = 0; at < chunk.length;) {
        const lf = chunk.indexOf(10, at);
        const end = lf < 0 ? chunk.length : lf;
        if (!dropping) {
          held.push(chunk.subarray(at, end));
          heldBytes += end - at;
          if (heldBytes > max) {
            dropping = true;
            held = [];
            heldBytes = 0;
            long.push(line);
          }
        }
        if (lf < 0) break;
        if (!dropping) out.push(...held);
        out.push(Buffer.from('\n'));
        held = [];
        heldBytes = 0;
        dropping = false;
        line++;
        at = lf + 1;
      }
      done(null, out.length ? Buffer.concat(out) : null);
    },
    flush(done) {
      done(null, !dropping && heldBytes ? Buffer.concat(held) : null);
    },
  });
}

function newlinesToLf(): Transform {
  let held = '';
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      let t = held + chunk.toString('latin1');
      held = t.endsWith('\r') ? '\r' : '';
      if (held) t = t.slice(0, -1);
      done(null, Buffer.from(t.replace(/\r\n?/g, '\n'), 'latin1'));
    },
    flush(done) {
      done(null, held ? Buffer.from('\n') : null);
    },
  });
}
