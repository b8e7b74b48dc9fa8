import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LeaderType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { isNumericColumn } from './html-renderer.js';
import { t } from './labels.js';
import type { Block, ModelTable, ReportModel } from './model.js';
import type { ChartImage } from './render-charts.js';
import { normaliseOfficeZip } from './zip-normalise.js';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
const RULE = { style: BorderStyle.SINGLE, size: 4, color: 'BFBFBF' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** Text width of an A4 page with default margins, in twentieths of a point. */
const TEXT_WIDTH = 9000;

/** Column widths: fixed for the wide summary, else label columns get 2.5 times a number column. */
function columnWidths(tb: ModelTable): number[] {
  const weights =
    tb.id === 'summary'
      ? [0.9, 2.6, 0.9, 0.9, 1.2, 1.2, 1.3]
      : tb.columns.map((_, i) => (isNumericColumn(tb, i) ? 1 : 2.5));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
}

function table(tb: ModelTable): FileChild[] {
  const widths = columnWidths(tb);
  const cell = (text: string, numeric: boolean, header: boolean, i: number) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      children: [
        new Paragraph({
          alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: header, size: 18 })],
        }),
      ],
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF1F4' } : undefined,
      borders: { top: NONE, left: NONE, right: NONE, bottom: RULE },
      margins: { left: 80, right: 80, top: 30, bottom: 30 },
    });
  return [
    new Paragraph({
      style: 'Caption',
      keepNext: true,
      children: [new TextRun({ text: tb.caption, bold: true })],
    }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [
        new TableRow({
          tableHeader: true,
          children: tb.columns.map((c, i) => cell(c, isNumericColumn(tb, i), true, i)),
        }),
        ...tb.rows.map(
          (r) =>
            new TableRow({
              cantSplit: true,
              children: r.map((c, i) => cell(c.text, isNumericColumn(tb, i), false, i)),
            }),
        ),
      ],
    }),
    new Paragraph({ text: '' }),
  ];
}

function block(b: Block, charts: ReadonlyMap<string, ChartImage>): FileChild[] {
  switch (b.type) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[b.level - 1], text: b.text })];
    case 'paragraph':
      return [
        new Paragraph({
          children: [
            new TextRun({
              text: b.text,
              italics: b.style === 'definition',
              bold: b.style === 'warning',
              color: b.style === 'warning' ? 'A04000' : b.style === 'muted' ? '555555' : undefined,
            }),
          ],
        }),
      ];
    case 'table':
      return table(b.table);
    case 'chart': {
      const img = charts.get(b.chart.id);
      if (!img) return [];
      const width = 600;
      return [
        new Paragraph({
          children: [
            new ImageRun({
              type: 'png',
              data: img.png,
              transformation: { width, height: Math.round((img.height / img.width) * width) },
              altText: { name: b.chart.id, title: b.chart.title, description: b.chart.alt },
            }),
          ],
        }),
      ];
    }
    case 'findings':
    case 'notes':
      return [
        new Paragraph({ children: [new TextRun({ text: b.title, bold: true })] }),
        ...b.items.map((i) => new Paragraph({ text: i, bullet: { level: 0 } })),
      ];
  }
}

/** Word document with real headings, tables and a table of contents; editable and pasteable. */
export async function renderDocx(
  model: ReportModel,
  charts: ReadonlyMap<string, ChartImage>,
): Promise<Buffer> {
  const lang = model.lang;
  const cover: FileChild[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: model.title }),
    new Paragraph({ children: [new TextRun({ text: model.subtitle, size: 28 })] }),
    ...model.cover.map(
      (c) =>
        new Paragraph({
          children: [new TextRun({ text: `${c.label}: `, bold: true }), new TextRun(c.value)],
        }),
    ),
    ...(model.synthetic
      ? [
          new Paragraph({
            children: [new TextRun({ text: t('synthetic', lang), bold: true, color: 'A04000' })],
          }),
        ]
      : []),
    ...(model.keyMessages
      ? [
          new Paragraph({ heading: HeadingLevel.HEADING_2, text: model.keyMessages.title }),
          new Paragraph({
            children: [new TextRun({ text: model.keyMessages.intro, size: 18, color: '555555' })],
          }),
          ...model.keyMessages.items.map(
            (i) =>
              new Paragraph({
                spacing: { after: 80 },
                children: [
                  new TextRun({ text: `${i.heading}. `, bold: true, size: 19 }),
                  new TextRun({ text: i.text, size: 19 }),
                ],
              }),
          ),
          ...(model.keyMessages.changes
            ? [
                new Paragraph({
                  children: [
                    new TextRun({ text: model.keyMessages.changes.title, bold: true, size: 19 }),
                  ],
                }),
                ...model.keyMessages.changes.items.map(
                  (i) =>
                    new Paragraph({
                      bullet: { level: 0 },
                      children: [new TextRun({ text: i, size: 19 })],
                    }),
                ),
              ]
            : []),
        ]
      : []),
    new Paragraph({
      pageBreakBefore: true,
      children: [new TextRun({ text: t('contents', lang), bold: true, size: 32, color: '2E74B5' })],
    }),
    new TableOfContents(t('contents', lang), {
      hyperlink: true,
      headingStyleRange: '1-3',
      beginDirty: false,
      tabLeader: LeaderType.NONE,
    }),
  ];
  const doc = new Document({
    creator: 'IDW Monitor',
    title: `${model.title} — ${model.subtitle}`,
    description: model.runningHeader,
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                children: [
                  new TextRun({
                    text: model.runningHeader,
                    size: 16,
                    color: model.synthetic ? 'A04000' : '555555',
                  }),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
                    size: 16,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          ...cover,
          ...model.blocks.flatMap((b) => block(b, charts)),
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: t('notes', lang) }),
          ...table(model.notes),
        ],
      },
    ],
  });
  return normaliseOfficeZip(await Packer.toBuffer(doc), model.asOf);
}
