import {
  crc32,
  packEntry,
  packEntryAsync,
  readZip,
  writePacked,
  writeZip,
  type PackedEntry,
  type ZipEntry,
} from '../shared/index.js';

export { crc32, packEntry, packEntryAsync, readZip, writePacked, writeZip };
export type { PackedEntry, ZipEntry };

/**
 * The docx library numbers bookmarks (`_Toc41`) and drawings from process-wide counters, so a second
 * document in the same process gets other numbers: renumber them in order of appearance.
 */
function renumberWordIds(xml: string): string {
  const toc = new Map<string, number>();
  const tocId = (n: string) => {
    if (!toc.has(n)) toc.set(n, toc.size + 1);
    return toc.get(n)!;
  };
  let drawing = 0;
  return (
    xml
      .replace(/_Toc(\d+)/g, (_, n: string) => `_Toc${tocId(n)}`)
      .replace(
        /(<w:bookmark(?:Start|End)[^>]*w:id=")(\d+)"/g,
        (_, pre: string, n: string) => `${pre}${tocId(n)}"`,
      )
      .replace(/(<wp:docPr[^>]*\bid=")(\d+)"/g, (_, pre: string) => `${pre}${++drawing}"`)
      // The table of contents comes filled in from the headings, but its page references are written
      // "dirty", which makes Word ask to update the fields on opening: write them clean (blank page
      // numbers; updating the table in Word fills them in).
      .replace(/(<w:fldChar w:fldCharType="begin") w:dirty="true"\/>/g, '$1/>')
  );
}

/**
 * Office parts made equal across runs: creation/modification times in `docProps/core.xml` set to
 * the cut-off date, docx bookmark and drawing ids renumbered.
 */
export function normaliseOfficeEntries(entries: readonly ZipEntry[], isoDate: string): ZipEntry[] {
  const stamp = `${isoDate}T00:00:00Z`;
  return entries.map((e) =>
    e.name === 'word/document.xml'
      ? { name: e.name, data: Buffer.from(renumberWordIds(e.data.toString('utf8')), 'utf8') }
      : e.name === 'docProps/core.xml'
        ? {
            name: e.name,
            data: Buffer.from(
              e.data
                .toString('utf8')
                .replace(
                  /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
                  `$1${stamp}$2`,
                ),
              'utf8',
            ),
          }
        : e,
  );
}

/**
 * Rewrites an Office file (docx, xlsx) so two runs give the same bytes: zip dates fixed, and
 * creation/modification times in `docProps/core.xml` set to the cut-off date.
 */
export function normaliseOfficeZip(buf: Buffer | Uint8Array, isoDate: string): Buffer {
  return writeZip(normaliseOfficeEntries(readZip(Buffer.from(buf)), isoDate));
}
