/**
 * Text that came from outside (file names, cell values) is echoed to terminals and logs. A control
 * character in it could move the cursor, rewrite earlier lines or hide text (ANSI escapes, bidi
 * overrides), so every echo goes through `printable`, which shows such characters as `\xNN` or
 * `\u{NNNN}` instead of sending them.
 */

// Text-direction and line-separator characters that reorder or hide text on a terminal.
const FORMAT = new Set([
  0x061c, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067,
  0x2068, 0x2069,
]);

/** C0 controls, DEL, C1 controls and the format characters above. */
function isControl(n: number): boolean {
  return n < 0x20 || (n >= 0x7f && n <= 0x9f) || FORMAT.has(n);
}

function escapeAll(s: string, keepNewline: boolean): string {
  let out = '';
  for (const c of s) {
    const n = c.codePointAt(0)!;
    if (!isControl(n) || (keepNewline && n === 0x0a)) out += c;
    else out += n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u{${n.toString(16)}}`;
  }
  return out;
}

/** `s` with every control or text-direction character escaped (`\x1b`, `\u{202e}`); newlines too. */
export function printable(s: string): string {
  return escapeAll(s, false);
}

/** Like `printable`, but keeps line breaks: for multi-line text the program itself composed. */
export function printableLines(s: string): string {
  return escapeAll(s, true);
}
