import type { Lang } from '../shared/index.js';
import type { Audience } from '../protect/index.js';

/** Which document a model describes. */
export type ReportKind = 'quarterly' | 'overview';

/** How a numeric table cell is stored and shown in a spreadsheet. */
export type NumberKind = 'integer' | 'decimal' | 'percent';

/** One table cell: the formatted text every renderer prints, plus the number for spreadsheets. */
export interface ModelCell {
  /** Text as printed (house style, or a symbol such as `x` / `.`). */
  readonly text: string;
  /** The number behind the text (`null` for labels, symbols and empty cells). */
  readonly value: number | null;
  readonly kind?: NumberKind;
  /** `cellKey` of the result cell shown, so every printed number traces back to one cell. */
  readonly key?: string;
  /** Flag the renderers mark visually: censored estimate, suppressed, open item. */
  readonly flag?: 'censored' | 'suppressed' | 'open';
}

export interface ModelTable {
  readonly id: string;
  readonly caption: string;
  readonly columns: readonly string[];
  /** The first `labelColumns` columns are labels (left-aligned), the others numbers. */
  readonly labelColumns: number;
  /** Per column: numbers (right-aligned)? Default: every column after the label columns. */
  readonly numeric?: readonly boolean[];
  readonly rows: readonly (readonly ModelCell[])[];
}

/** A chart: its Vega-Lite specification (plain JSON, also usable by a web dashboard). */
export interface ModelChart {
  readonly id: string;
  readonly title: string;
  readonly spec: Readonly<Record<string, unknown>>;
  /** Alternative text describing the chart in words. */
  readonly alt: string;
}

export type Block =
  | {
      readonly type: 'heading';
      readonly level: 1 | 2 | 3;
      readonly id: string;
      readonly text: string;
    }
  | {
      readonly type: 'paragraph';
      readonly text: string;
      readonly style?: 'definition' | 'muted' | 'warning';
    }
  | { readonly type: 'table'; readonly table: ModelTable }
  | { readonly type: 'chart'; readonly chart: ModelChart }
  | { readonly type: 'findings'; readonly title: string; readonly items: readonly string[] }
  | { readonly type: 'notes'; readonly title: string; readonly items: readonly string[] };

/** A spreadsheet sheet laid out as one table (header row frozen, no merged cells). */
export interface ModelSheet {
  readonly name: string;
  readonly table: ModelTable;
}

/** One row of the machine-readable `Data` sheet (see DATA_COLUMNS). */
export type DataRow = Readonly<Record<string, string | number | null>>;

/**
 * The format-neutral report: built once by `buildReport`, read by every renderer. Plain data only,
 * so it can be written to JSON and compared.
 */
export interface ReportModel {
  readonly kind: ReportKind;
  readonly lang: Lang;
  readonly audience: Audience;
  readonly asOf: string;
  readonly title: string;
  readonly subtitle: string;
  /** Running header text for paged formats (plan, cut-off date, audience). */
  readonly runningHeader: string;
  readonly plan: { readonly id: string; readonly hash: string; readonly title: string };
  readonly snapshot: string;
  readonly synthetic: boolean;
  /**
   * The first page of the quarterly report: per strategic objective and series two or three
   * sentences (narrate's `boardSummary`), after one sentence said once (e.g. that there are no targets).
   */
  readonly keyMessages?: {
    readonly title: string;
    readonly intro: string;
    readonly items: readonly { readonly heading: string; readonly text: string }[];
    /** With `--previous`: headline figures of periods already reported that changed, and why. */
    readonly changes?: { readonly title: string; readonly items: readonly string[] };
  };
  /** Cover lines: label → value. */
  readonly cover: readonly { readonly label: string; readonly value: string }[];
  readonly blocks: readonly Block[];
  /** Spreadsheet layout: overview sheets (one per strategic objective and the hours series). */
  readonly sheets: readonly ModelSheet[];
  readonly definitions: ModelTable;
  readonly notes: ModelTable;
  /** Header of the `Data` sheet (protect's `DATA_COLUMNS`), carried here so renderers need not load protect. */
  readonly dataColumns: readonly string[];
  readonly data: readonly DataRow[];
}
