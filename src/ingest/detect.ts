import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { CONTRACT_TABLES, type Table } from '../contract/index.js';

export type SourceFormat = 'csv' | 'xlsx' | 'parquet';

const EXT: Record<string, SourceFormat> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.tsv': 'csv',
  '.xlsx': 'xlsx',
  '.parquet': 'parquet',
};

export function formatOf(path: string): SourceFormat | undefined {
  return EXT[extname(path).toLowerCase()];
}

/** Files named on the command line; a folder stands for its importable files (sorted, not recursive). */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const st = statSync(p, { throwIfNoEntry: false });
    if (st?.isDirectory())
      out.push(
        ...readdirSync(p)
          .filter((f) => formatOf(f) && !f.startsWith('.') && !f.startsWith('~$'))
          .sort()
          .map((f) => join(p, f)),
      );
    else out.push(p);
  }
  return out;
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The table a file name names: the longest contract table name (English, or the Dutch title) found
 * in it, so `registrations_2016.csv` and `Inschrijvingen 2016.xlsx` both mean `registrations`.
 */
export function tableFromName(path: string): Table | undefined {
  const name = squash(basename(path, extname(path)));
  const hits = CONTRACT_TABLES.flatMap((t) =>
    [t.name, t.title_nl]
      .map(squash)
      .filter((n) => name.includes(n))
      .map((n) => ({ t, len: n.length })),
  );
  hits.sort((a, b) => b.len - a.len);
  return hits[0]?.t;
}

/**
 * The table whose columns a header best matches: every required column present and the most
 * columns in common; undefined when no table or two tables fit equally well.
 */
export function tableFromHeader(header: readonly string[]): Table | undefined {
  const cols = new Set(header);
  const scored = CONTRACT_TABLES.filter((t) =>
    t.fields.every((f) => !f.constraints.required || cols.has(f.name)),
  )
    .map((t) => ({
      t,
      score: t.fields.filter((f) => cols.has(f.name)).length - (cols.size - t.fields.length) / 100,
    }))
    .sort((a, b) => b.score - a.score);
  if (!scored.length) return undefined;
  if (scored.length > 1 && scored[0]!.score === scored[1]!.score) return undefined;
  return scored[0]!.t;
}

/** Every column name of the contract, to find a header row in a spreadsheet. */
export const KNOWN_COLUMNS: ReadonlySet<string> = new Set(
  CONTRACT_TABLES.flatMap((t) => t.fields.map((f) => f.name)),
);

/** Position of a table in load order: referenced tables (persons) before referring ones. */
export function tableOrder(name: string | undefined): number {
  const i = CONTRACT_TABLES.findIndex((t) => t.name === name);
  return i < 0 ? CONTRACT_TABLES.length : i;
}
