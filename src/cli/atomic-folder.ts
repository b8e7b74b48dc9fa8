import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { printable, usageError } from '../shared/index.js';
import { cliMessages } from './messages.js';

/**
 * Output folders appear whole or not at all. Files are written into a temporary folder beside the
 * target (same file system, so the final rename is atomic) and the folder is renamed to the target
 * only when every file is written and checked. A crash, a kill -9 or a failed disclosure check
 * leaves at most a hidden `.name.tmp-<pid>-…` folder beside it, never a target that looks complete.
 */

const tmpPrefix = (target: string) => `.${basename(target)}.tmp-`;

/**
 * Refuses a target that exists and is not a folder written by us before (a `manifest.json` in it):
 * replacing it would delete someone's files. Run it before any work starts.
 */
export function checkOutFolder(target: string): void {
  if (!existsSync(target)) return;
  const shown = printable(target);
  if (!statSync(target).isDirectory())
    throw usageError('CLI_OUT_NOT_FOLDER', cliMessages.CLI_OUT_NOT_FOLDER(shown));
  const entries = readdirSync(target);
  if (entries.length && !entries.includes('manifest.json'))
    throw usageError('CLI_OUT_NOT_EMPTY', cliMessages.CLI_OUT_NOT_EMPTY(shown));
}

/** Whether a process with this id still runs (then its temporary folder is still in use). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary folders left beside `target` by runs that were killed. */
async function removeLeftovers(target: string): Promise<void> {
  const parent = dirname(resolve(target));
  const prefix = tmpPrefix(target);
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && !alive(pid))
      await rm(join(parent, name), { recursive: true, force: true });
  }
}

/**
 * Runs `fill(dir)` on a fresh temporary folder beside `target`, then puts that folder in the
 * target's place. When `fill` throws, the temporary folder is removed and the target is untouched.
 */
export async function writeFolderAtomically<T>(
  target: string,
  fill: (dir: string) => Promise<T>,
): Promise<T> {
  checkOutFolder(target);
  const parent = dirname(resolve(target));
  await mkdir(parent, { recursive: true });
  await removeLeftovers(target);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const tmp = join(parent, `${tmpPrefix(target)}${stamp}`);
  await mkdir(tmp);
  let result: T;
  try {
    result = await fill(tmp);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  // A previous report at the target is moved aside first: rename cannot replace a non-empty folder.
  const old = join(parent, `${tmpPrefix(target)}${stamp}-old`);
  const hadOld = existsSync(target);
  if (hadOld) await rename(target, old);
  await rename(tmp, target);
  if (hadOld) await rm(old, { recursive: true, force: true });
  return result;
}
