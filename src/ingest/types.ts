import type { Problem } from '../shared/index.js';

/** What became of one file. */
export type FileOutcome =
  | 'loaded' // every row loaded
  | 'partial' // some rows loaded, some quarantined
  | 'rejected' // nothing loaded: file-level error or every row quarantined
  | 'empty' // header only (or nothing after the blank lines)
  | 'duplicate' // same content imported before: skipped
  | 'rolled_back'; // --strict and some row failed: nothing of this import kept

/** The report of one file. Counts are rows (records), not problems: a row with two errors counts once. */
export interface FileReport {
  readonly file: string;
  readonly table: string | null;
  readonly format: string;
  readonly encoding: string | null;
  readonly contentHash: string;
  outcome: FileOutcome;
  readonly rowsRead: number;
  readonly rowsLoaded: number;
  readonly rowsQuarantined: number;
  /** Empty lines (or lines of only separators) skipped: not rows. */
  readonly blankLines: number;
  /** Rows removed from the store first because their period is being replaced. */
  readonly rowsReplaced: number;
  /** Quarantined rows per error code. */
  readonly byCode: Readonly<Record<string, number>>;
  /** File-level problems and notes (unknown columns, skipped title rows, why a file was refused). */
  readonly problems: readonly Problem[];
}

export interface TableTotals {
  read: number;
  loaded: number;
  quarantined: number;
}

/** The summary of one `idw import`: per file, per table and per error code. */
export interface ImportSummary {
  readonly importId: string;
  readonly strict: boolean;
  /** False when --strict rolled everything back. */
  readonly committed: boolean;
  readonly files: readonly FileReport[];
  readonly tables: Readonly<Record<string, TableTotals>>;
  readonly byCode: Readonly<Record<string, number>>;
  readonly totals: TableTotals;
}
