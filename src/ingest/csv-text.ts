/**
 * Small, pure helpers for the text of a CSV file: the header record, the separator, and the line on
 * which each record starts (quote-aware, so a quoted line break does not start a new record).
 * DuckDB reads the data; these only look at the first kilobytes, or map records back to lines.
 */

/** Splits one CSV record (no line breaks outside quotes) into fields. */
export function splitRecord(line: string, delim: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQ = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (inQ) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') inQ = false;
      else cur += ch;
    } else if (ch === '"') inQ = true;
    else if (ch === delim) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Counts `ch` outside double quotes. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let inQ = false;
  for (const c of line) {
    if (c === '"') inQ = !inQ;
    else if (!inQ && c === ch) n++;
  }
  return n;
}

/** The separator of a header line: the most frequent of `;`, `,` and tab outside quotes. */
export function detectDelimiter(header: string): string {
  const counts = [';', ',', '\t'].map((d) => [d, countOutsideQuotes(header, d)] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

/** Header name as the contract spells it: trimmed, lower case, spaces and dashes as `_`. */
export function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export interface CsvHead {
  readonly delimiter: string;
  readonly header: readonly string[];
  /** Data lines end with one separator more than the header has (a trailing separator). */
  readonly trailingSeparator: boolean;
}

/** Reads the header and the shape of the first data lines from the start of a file (UTF-8 text). */
export function sniffHead(text: string): CsvHead | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return undefined;
  const headerLine = lines[first]!;
  const delimiter = detectDelimiter(headerLine);
  const header = splitRecord(headerLine, delimiter);
  // Whole lines only: the last one may be cut by the sample.
  const data = lines.slice(first + 1, -1).filter((l) => l.trim() !== '' && !l.includes('"'));
  const n = header.length;
  const trailingSeparator =
    data.length > 0 &&
    header[n - 1] !== '' &&
    data.every((l) => l.endsWith(delimiter) && splitRecord(l, delimiter).length === n + 1);
  return { delimiter, header, trailingSeparator };
}

/**
 * The 1-based line on which each record starts, skipping empty lines as DuckDB's reader does.
 * Works on bytes so it is fast on large files; a `"` toggles quoting, so `""` inside quotes
 * toggles twice and stays inside.
 */
export function recordStartLines(bytes: Uint8Array): number[] {
  const starts: number[] = [];
  let line = 1;
  let inQ = false;
  let recStart = 0;
  let recLine = 1;
  const NL = 10;
  const CR = 13;
  const QUOTE = 34;
  const flush = (end: number) => {
    let e = end;
    if (e > recStart && bytes[e - 1] === CR) e--;
    if (e > recStart) starts.push(recLine);
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === QUOTE) inQ = !inQ;
    else if (b === NL) {
      if (!inQ) {
        flush(i);
        recStart = i + 1;
        recLine = line + 1;
      }
      line++;
    }
  }
  flush(bytes.length);
  return starts;
}
