/**
 * Excel sheet names that Excel (and exceljs) accept. The rules: at most 31 characters, none of
 * `[]:*?/\`, no apostrophe at the start or the end, not `History`, unique ignoring case. A title that
 * breaks one of them used to crash the writer half-way, leaving a partial report folder.
 */

/** Longest sheet name Excel accepts. */
export const SHEET_NAME_MAX = 31;

/** Characters Excel refuses anywhere in a sheet name (control characters are dropped separately). */
const FORBIDDEN = /[[\]:*?/\\]/g;
const isControl = (ch: string): boolean => ch.charCodeAt(0) < 32;

/** One name made safe on its own: forbidden characters out, no edge apostrophes, cut between words. */
export function safeSheetName(raw: string, max = SHEET_NAME_MAX): string {
  let s = [...raw]
    .map((ch) => (isControl(ch) ? ' ' : ch))
    .join('')
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  s = trimEdges(s);
  if (s.length > max) {
    // Cut at the last space that leaves room for the ellipsis, so no word is cut in two.
    const room = s.slice(0, max);
    const space = room.lastIndexOf(' ', max - 1);
    s = space > 0 ? `${trimEdges(room.slice(0, space))}…` : `${room.slice(0, max - 1)}…`;
  }
  return s || 'Blad';
}

/** Apostrophes (Excel quotes sheet names in formulas with them) and spaces off both ends. */
const trimEdges = (s: string): string => s.replace(/^['\s]+|['\s]+$/g, '');

/**
 * Every name of a workbook made safe and unique (ignoring case, as Excel compares them), in order.
 * A clash gets ` (2)`, ` (3)` … with the base shortened, again between words, to make room.
 */
export function uniqueSheetNames(raws: readonly string[]): string[] {
  const taken = new Set<string>(['history']);
  return raws.map((raw) => {
    let name = safeSheetName(raw);
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = `${safeSheetName(raw, SHEET_NAME_MAX - suffix.length)}${suffix}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}
