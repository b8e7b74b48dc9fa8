import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces.js';
import { isNumericColumn } from './html-renderer.js';
import { t } from './labels.js';
import type { Block, ModelTable, ReportModel } from './model.js';
import type { ChartImage } from './render-charts.js';

let fontsLoaded = false;
/** Loads the Roboto fonts shipped with pdfmake into its virtual file system (no system fonts: same output everywhere). */
function loadFonts(): void {
  if (fontsLoaded) return;
  const require = createRequire(import.meta.url);
  const container = require('pdfmake/build/fonts/Roboto.js') as {
    vfs: Record<string, { data: string }>;
    fonts: Record<string, Record<string, string>>;
  };
  for (const [name, f] of Object.entries(container.vfs))
    (
      pdfmake as unknown as { virtualfs: { writeFileSync(n: string, b: Buffer): void } }
    ).virtualfs.writeFileSync(name, Buffer.from(f.data, 'base64'));
  pdfmake.setFonts(container.fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  fontsLoaded = true;
}

const ACCENT = '#0072B2';

/** Column widths: fixed for the wide summary, else labels share the room and numbers take what they need. */
function widthsOf(tb: ModelTable, numeric: readonly boolean[]): (number | string)[] {
  if (tb.id === 'summary') return [34, '*', 44, 40, 62, 58, 62];
  return numeric.map((n) => (n ? 'auto' : '*'));
}

function table(tb: ModelTable): Content[] {
  const numeric = tb.columns.map((_, i) => isNumericColumn(tb, i));
  const head: TableCell[] = tb.columns.map((c, i) => ({
    text: c,
    bold: true,
    fillColor: '#EEF1F4',
    alignment: numeric[i] ? 'right' : 'left',
  }));
  const body: TableCell[][] = [
    head,
    ...tb.rows.map((r) =>
      r.map((c, i) => ({
        text: c.text,
        alignment: numeric[i] ? ('right' as const) : ('left' as const),
        color: c.flag === 'suppressed' || c.flag === 'censored' ? '#555555' : undefined,
      })),
    ),
  ];
  return [
    { text: tb.caption, bold: true, margin: [0, 6, 0, 2], fontSize: 9 },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: widthsOf(tb, numeric),
        body,
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
      margin: [0, 0, 0, 8],
    },
  ];
}

function block(b: Block, charts: ReadonlyMap<string, ChartImage>): Content[] {
  switch (b.type) {
    case 'heading':
      return [
        {
          text: b.text,
          style: `h${b.level}`,
          tocItem: true,
          tocMargin: [(b.level - 1) * 12, 0, 0, 0],
          // Strategic objectives follow each other without a blank half page; a heading is kept with
          // what follows it (pageBreakBefore below).
          margin: b.level === 1 ? [0, 14, 0, 8] : undefined,
          headlineLevel: b.level,
        },
      ];
    case 'paragraph':
      return [{ text: b.text, style: b.style ?? 'body' }];
    case 'table':
      return table(b.table);
    case 'chart': {
      const img = charts.get(b.chart.id);
      // PNG (rendered by resvg from the same SVG): pdfkit's SVG text would need font files on disk.
      return img ? [{ image: b.chart.id, width: 440, margin: [0, 4, 0, 8] }] : [];
    }
    case 'findings':
    case 'notes':
      return [
        {
          text: b.title,
          bold: true,
          margin: [0, 4, 0, 2],
          color: b.type === 'findings' ? ACCENT : '#555555',
        },
        {
          ul: [...b.items],
          margin: [0, 0, 0, 6],
          color: b.type === 'notes' ? '#555555' : undefined,
        },
      ];
  }
}

/** PDF without a browser: cover, table of contents, page numbers, running header; fixed dates. */
export async function renderPdf(
  model: ReportModel,
  charts: ReadonlyMap<string, ChartImage>,
): Promise<Buffer> {
  loadFonts();
  const lang = model.lang;
  const stamp = new Date(`${model.asOf}T00:00:00Z`);
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [45, 55, 45, 50],
    info: {
      title: `${model.title} — ${model.subtitle}`,
      author: 'IDW Monitor',
      subject: model.runningHeader,
      creator: 'IDW Monitor',
      producer: 'IDW Monitor',
      creationDate: stamp,
      modDate: stamp,
    },
    // On every page, the first too: it carries the synthetic mark.
    header: () => ({
      text: model.runningHeader,
      fontSize: 8,
      color: model.synthetic ? '#A04000' : '#555555',
      margin: [45, 25, 45, 0],
    }),
    footer: (page: number, pages: number) => ({
      text: `${page} / ${pages}`,
      alignment: 'right',
      fontSize: 8,
      margin: [45, 15, 45, 0],
    }),
    images: Object.fromEntries(
      [...charts].map(([id, img]) => [
        id,
        `data:image/png;base64,${Buffer.from(img.png).toString('base64')}`,
      ]),
    ),
    content: [
      { text: model.title, style: 'title' },
      { text: model.subtitle, fontSize: 14, margin: [0, 0, 0, 8], color: '#444444' },
      {
        table: {
          widths: ['auto', '*'],
          body: model.cover.map((c) => [{ text: c.label, bold: true }, c.value]),
        },
        layout: 'noBorders',
      },
      ...(model.synthetic
        ? [
            {
              text: t('synthetic', lang),
              bold: true,
              color: '#A04000',
              margin: [0, 16, 0, 0],
            } as Content,
          ]
        : []),
      ...(model.keyMessages
        ? [
            { text: model.keyMessages.title, style: 'h2', margin: [0, 14, 0, 2] } as Content,
            { text: model.keyMessages.intro, style: 'muted' } as Content,
            ...model.keyMessages.items.map((i): Content => ({
              text: [{ text: `${i.heading}. `, bold: true }, i.text],
              style: 'body',
              fontSize: 9,
            })),
            ...(model.keyMessages.changes
              ? [
                  { text: model.keyMessages.changes.title, bold: true, fontSize: 9 } as Content,
                  { ul: [...model.keyMessages.changes.items], fontSize: 9 } as Content,
                ]
              : []),
          ]
        : []),
      { toc: { title: { text: t('contents', lang), style: 'h1' } }, pageBreak: 'before' },
      ...model.blocks.flatMap((b) => block(b, charts)),
      { text: t('notes', lang), style: 'h1', pageBreak: 'before' },
      ...table(model.notes),
    ],
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
    styles: {
      // The first page holds the cover and the sentences for the board: little room above the title.
      title: { fontSize: 22, bold: true, color: ACCENT, margin: [0, 0, 0, 4] },
      h1: { fontSize: 16, bold: true, color: ACCENT, margin: [0, 0, 0, 8] },
      h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 4] },
      h3: { fontSize: 11, bold: true, margin: [0, 10, 0, 3] },
      body: { margin: [0, 0, 0, 4] },
      definition: { italics: true, color: '#444444', margin: [0, 0, 0, 4] },
      warning: { bold: true, color: '#A04000', margin: [0, 2, 0, 6] },
      muted: { color: '#555555', fontSize: 8, margin: [0, 0, 0, 4] },
    },
    // Keep a heading with what follows it.
    pageBreakBefore: (node, queries) =>
      node.headlineLevel !== undefined && queries.getFollowingNodesOnPage().length === 0,
  };
  const pdf = pdfmake.createPdf(doc);
  return Buffer.from(await pdf.getBuffer());
}
