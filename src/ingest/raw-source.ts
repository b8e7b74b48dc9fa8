import type { Bilingual, Problem } from '../shared/index.js';

/**
 * A source file read into the temporary table `_raw` (every column VARCHAR, named c0, c1 …, one row
 * per record in file order, so `rowid + 1` is the record number). Readers for CSV, XLSX and Parquet
 * all produce this, and validation works on it alone.
 */
export interface RawSource {
  /** Normalised header name of each `_raw` column c0, c1 …; '' for a column without a name. */
  readonly columns: readonly string[];
  /**
   * Lines that never reached `_raw`, quarantined as a whole: a wrong number of fields (CSV,
   * `IMPORT_ROW_SHAPE`), or another `code` with its message (a line too long to read).
   */
  readonly shapeErrors: readonly {
    line: number;
    kind: string;
    code?: string;
    message?: Bilingual;
  }[];
  /** File-level notes (skipped title rows, ignored columns …). */
  readonly notes: readonly Problem[];
  /** Line in the file of the given record numbers (1-based, header included). */
  lineOf(records: readonly number[]): Promise<Map<number, number>>;
}

export const RAW = '_raw';
