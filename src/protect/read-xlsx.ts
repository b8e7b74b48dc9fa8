import { readZip } from '../shared/index.js';

/** One non-empty cell: its 1-based column and its plain value (text, number or boolean). */
export interface SheetCell {
  readonly col: number;
  readonly value: string | number | boolean;
}
/** One worksheet: its name and its non-empty rows (1-based row numbers), in file order. */
export interface Sheet {
  readonly name: string;
  readonly rows: readonly { readonly r: number; readonly cells: readonly SheetCell[] }[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** XML text with its entities and character references resolved. */
function xmlDecode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}
const ATTR = new Map<string, RegExp>();
function attr(attrs: string, name: string): string | undefined {
  let re = ATTR.get(name);
  if (!re) ATTR.set(name, (re = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  return re.exec(attrs)?.[1];
}

/** The text of a string item (`<si>` or `<is>`): every run's `<t>`, without phonetic runs. */
function itemText(xml: string): string {
  let out = '';
  for (const m of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g))
    out += xmlDecode(m[1]!);
  return out;
}

/** 1-based column number of a cell reference (`C7` → 3). */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

function cellValue(
  type: string | undefined,
  inner: string,
  shared: readonly string[],
): string | number | boolean | undefined {
  if (type === 'inlineStr') return itemText(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '');
  const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  if (v === undefined) return undefined;
  if (type === 's') return shared[Number(v)] ?? '';
  if (type === 'b') return v === '1';
  if (type === 'str' || type === 'e') return xmlDecode(v);
  return Number(v);
}

function readSheet(name: string, xml: string, shared: readonly string[]): Sheet {
  const rows: { r: number; cells: SheetCell[] }[] = [];
  let lastRow = 0;
  for (const row of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = Number(attr(row[1]!, 'r') ?? lastRow + 1);
    lastRow = r;
    const cells: SheetCell[] = [];
    let lastCol = 0;
    for (const c of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attr(c[1]!, 'r');
      const col = ref ? columnOf(ref) : lastCol + 1;
      lastCol = col;
      const value = cellValue(attr(c[1]!, 't'), c[2] ?? '', shared);
      if (value !== undefined) cells.push({ col, value });
    }
    if (cells.length) rows.push({ r, cells });
  }
  return { name, rows };
}

/**
 * Every worksheet of an XLSX file, as Excel stores it: shared and inline strings, numbers,
 * booleans, and the cached result of a formula. Number formats are not applied (a date stays
 * its serial number): the disclosure check reads numbers and texts only. Throws when the file is
 * not a workbook.
 */
export function readWorkbook(bytes: Buffer): Sheet[] {
  const parts = new Map(readZip(bytes).map((e) => [e.name, e.data]));
  const text = (name: string): string | undefined => parts.get(name)?.toString('utf8');
  const book = text('xl/workbook.xml');
  if (!book) throw new Error('no xl/workbook.xml: not an Excel workbook');
  const shared = [...(text('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    (m) => itemText(m[1]!),
  );
  const rels = new Map(
    [...(text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b([^>]*)\/?>/g)].map(
      (m) => [attr(m[1]!, 'Id'), attr(m[1]!, 'Target')],
    ),
  );
  return [...book.matchAll(/<sheet\b([^>]*)\/?>/g)].map((m) => {
    const name = xmlDecode(attr(m[1]!, 'name') ?? '');
    const target = rels.get(attr(m[1]!, 'r:id'));
    if (!target) throw new Error(`sheet '${name}' has no part`);
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const xml = text(path);
    if (xml === undefined) throw new Error(`sheet '${name}': part ${path} missing`);
    return readSheet(name, xml, shared);
  });
}
