import { existsSync, statSync } from 'node:fs';
import { parseIsoDate, printable, usageError } from '../shared/index.js';
import { cliMessages } from './messages.js';

/**
 * Checks of command-line values, run before a command touches anything: a wrong value must never
 * leave a wiped demo, an empty new store or a half-written folder behind.
 */

/**
 * The path of a store that must already exist (every command but init, generate and demo). A typo in
 * `--db` would otherwise create an empty store and a report of zeros that looks complete.
 */
export function existingStore(path: string): string {
  if (path === ':memory:') return path;
  if (!existsSync(path))
    throw usageError('CLI_NO_STORE', cliMessages.CLI_NO_STORE(printable(path)));
  if (statSync(path).isDirectory())
    throw usageError('CLI_STORE_NOT_FILE', cliMessages.CLI_STORE_NOT_FILE(printable(path)));
  return path;
}

/** A date option (`--as-of`): a real calendar date written `YYYY-MM-DD`; undefined stays undefined. */
export function dateOption(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!parseIsoDate(value))
    throw usageError('CLI_BAD_DATE', cliMessages.CLI_BAD_DATE(option, printable(value)));
  return value;
}

/** A whole-number option such as `--persons 1000` (`1_000`, `1.000` and `1,000` are read as 1000). */
export function wholeNumber(option: string, value: string, min = 0): number {
  const digits = value.replace(/[_.,]/g, '');
  const n = Number(digits);
  if (!/^\d{1,15}$/.test(digits) || n < min)
    throw usageError('CLI_BAD_NUMBER', cliMessages.CLI_BAD_NUMBER(option, printable(value), min));
  return n;
}
