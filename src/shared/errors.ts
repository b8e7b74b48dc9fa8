import { printable } from './printable.js';

/**
 * Errors and problems. Every user-facing problem has a stable code, a location and a message in
 * Dutch and English. Entry points (CLI, server) catch `IdwError` once and turn it into an exit code.
 */

/** Where a problem was found: a file with line/column, a table row, or a path inside a document. */
export interface Location {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number | string;
  readonly path?: string;
}

/** A message in both languages of the product: Dutch first. */
export interface Bilingual {
  readonly nl: string;
  readonly en: string;
}

/** One validation problem. Validators collect these and report all at once. */
export interface Problem extends Bilingual {
  readonly code: string;
  readonly location: Location;
}

/** Exit codes used by every command. */
export const ExitCode = { ok: 0, failed: 1, usage: 2 } as const;

export class IdwError extends Error {
  readonly code: string;
  readonly problems: readonly Problem[];
  readonly exitCode: number;

  constructor(problems: readonly Problem[], exitCode: number = ExitCode.failed) {
    const first = problems[0];
    super(first ? `${first.code}: ${first.en}` : 'unknown error');
    this.name = 'IdwError';
    this.code = first?.code ?? 'IDW_UNKNOWN';
    this.problems = problems;
    this.exitCode = exitCode;
  }

  static single(
    code: string,
    msg: Bilingual,
    location: Location = {},
    exitCode?: number,
  ): IdwError {
    return new IdwError([{ code, location, ...msg }], exitCode);
  }
}

/** A wrong use of a command (bad flag, missing argument): exit code 2. */
export function usageError(code: string, msg: Bilingual): IdwError {
  return IdwError.single(code, msg, {}, ExitCode.usage);
}

/** `file:line:column` or `path` for a location, as printed in error lists. */
export function formatLocation(loc: Location): string {
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.line !== undefined) parts.push(String(loc.line));
  if (loc.column !== undefined) parts.push(String(loc.column));
  let s = parts.join(':');
  if (loc.path) s = s ? `${s} (${loc.path})` : loc.path;
  return s || '-';
}

/** One line per problem, in the chosen language; control characters from file names or values are escaped. */
export function formatProblem(p: Problem, lang: 'nl' | 'en' = 'nl'): string {
  return printable(`${formatLocation(p.location)}: ${p.code}: ${p[lang]}`);
}
