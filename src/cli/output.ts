import { SingleBar } from 'cli-progress';
import { IdwError, formatProblem, printableLines } from '../shared/index.js';
import type { Lang } from './context.js';

/** Writes a value as pretty JSON on stdout (for `--json`). */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Writes a line on stdout; control characters (e.g. from a file name) are shown escaped, never sent. */
export function printLine(line = ''): void {
  process.stdout.write(printableLines(line) + '\n');
}

/** Progress callback passed into long-running stages: `(done, total, label)`. */
export type ProgressFn = (done: number, total: number, label?: string) => void;

/**
 * A progress bar on stderr when it is a terminal; silent otherwise (pipes, CI, `--json`).
 * Returns the callback and a `stop` to call at the end.
 */
export function progressBar(enabled: boolean = process.stderr.isTTY === true): {
  update: ProgressFn;
  stop: () => void;
} {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar({
    format: ' {label} [{bar}] {percentage}% | {value}/{total}',
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  let started = false;
  return {
    update: (done, total, label = '') => {
      if (!started) {
        bar.start(total, done, { label });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { label });
      }
    },
    stop: () => started && bar.stop(),
  };
}

/** Prints an error for people (no stack unless `debug`) and returns the exit code. */
export function reportError(e: unknown, lang: Lang, debug: boolean): number {
  if (e instanceof IdwError) {
    for (const p of e.problems) process.stderr.write(formatProblem(p, lang) + '\n');
    if (debug && e.stack) process.stderr.write(e.stack + '\n');
    return e.exitCode;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  process.stderr.write(
    (lang === 'nl' ? 'Onverwachte fout: ' : 'Unexpected error: ') + err.message + '\n',
  );
  if (debug && err.stack) process.stderr.write(err.stack + '\n');
  return 1;
}
