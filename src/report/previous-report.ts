import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PreviousReportSchema, type PreviousReport } from '../narrate/index.js';
import { IdwError } from '../shared/index.js';
import { reportMessages } from './messages.js';

/** Reads `results.json` of an earlier report folder (`idw report --previous <dir>`). */
export async function readPreviousReport(dir: string): Promise<PreviousReport> {
  const file = join(dir, 'results.json');
  const fail = (detail: string) =>
    IdwError.single(
      'REPORT_PREVIOUS_UNREADABLE',
      reportMessages.REPORT_PREVIOUS_UNREADABLE(dir, detail),
      { file },
      2,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw fail(e instanceof Error ? e.message : String(e));
  }
  const r = PreviousReportSchema.safeParse(raw);
  if (!r.success)
    throw fail(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return r.data;
}
