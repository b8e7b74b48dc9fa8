import { createReadStream } from 'node:fs';

/** Where a byte sits in a file: line (1-based, LF counted) and column (1-based byte in that line). */
export interface BytePlace {
  readonly line: number;
  readonly column: number;
}

/** What a file that is not valid UTF-8 holds, to decide whether Windows-1252 is a safe reading. */
export interface EncodingCheck {
  /** The first byte that is not part of a valid UTF-8 character. */
  readonly firstBad?: BytePlace;
  /** The first valid multi-byte UTF-8 character (e.g. `é` as C3 A9), if any. */
  readonly firstMultibyte?: BytePlace;
  /** The first byte that Windows-1252 leaves undefined (81, 8D, 8F, 90, 9D), if any. */
  readonly firstUndefined?: BytePlace;
}

const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Reads the file once and finds its first invalid UTF-8 byte, its first valid multi-byte UTF-8
 * character and its first byte undefined in Windows-1252. A file is read as Windows-1252 only when
 * it has no valid multi-byte character and no undefined byte: a file with both valid UTF-8
 * characters and invalid bytes is two encodings mixed (or damaged), and any single reading of it
 * would turn some names into nonsense ("CafÃ©") without a trace.
 */
export async function checkEncoding(path: string): Promise<EncodingCheck> {
  let line = 1;
  let col = 0;
  let need = 0; // continuation bytes still expected
  let lo = 0x80;
  let hi = 0xbf;
  let start: BytePlace | undefined;
  let firstBad: BytePlace | undefined;
  let firstMultibyte: BytePlace | undefined;
  let firstUndefined: BytePlace | undefined;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const b = chunk as Buffer;
    for (let i = 0; i < b.length; i++) {
      const x = b[i]!;
      col++;
      if (need > 0) {
        if (x >= lo && x <= hi) {
          lo = 0x80;
          hi = 0xbf;
          if (--need === 0) firstMultibyte ??= start;
          continue;
        }
        // The sequence broke off: its lead byte was the bad one; this byte starts afresh.
        firstBad ??= start;
        need = 0;
        lo = 0x80;
        hi = 0xbf;
      }
      if (x === 10) {
        line++;
        col = 0;
        continue;
      }
      if (x < 0x80) continue;
      if (UNDEFINED_1252.has(x)) firstUndefined ??= { line, column: col };
      start = { line, column: col };
      if (x >= 0xc2 && x <= 0xdf) need = 1;
      else if (x >= 0xe0 && x <= 0xef) {
        need = 2;
        if (x === 0xe0) lo = 0xa0;
        if (x === 0xed) hi = 0x9f;
      } else if (x >= 0xf0 && x <= 0xf4) {
        need = 3;
        if (x === 0xf0) lo = 0x90;
        if (x === 0xf4) hi = 0x8f;
      } else firstBad ??= start;
    }
    if (firstBad && (firstMultibyte || firstUndefined)) break;
  }
  if (need > 0) firstBad ??= start;
  return {
    ...(firstBad ? { firstBad } : {}),
    ...(firstMultibyte ? { firstMultibyte } : {}),
    ...(firstUndefined ? { firstUndefined } : {}),
  };
}
