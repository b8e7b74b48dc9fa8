import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { checkRequester, runReport, type ReportRun } from '../pipeline.js';
import type { PreviousReport } from '../narrate/index.js';
import type { Plan } from '../plan/index.js';
import {
  checkDisclosure,
  loadAccess,
  loadAuditKey,
  readOutput,
  resolveRole,
  type DisclosureReport,
} from '../protect/index.js';
import type { Format } from '../report/index.js';
import { IdwError, type Lang } from '../shared/index.js';
import type { Engine } from '../store/index.js';
import { writeFolderAtomically } from './atomic-folder.js';
import { defaultAccessPath } from './context.js';
import { progressBar } from './output.js';

export interface ReportCommandOptions {
  readonly asOf?: string;
  readonly audience: 'public' | 'board';
  readonly role?: string;
  readonly authorisation?: string;
  readonly access?: string;
  /** File with the audit log's key (default: IDW_AUDIT_KEY; the demonstration key on synthetic data). */
  readonly auditKeyFile?: string;
  readonly lang: Lang;
  readonly formats: readonly Format[];
  readonly out: string;
  readonly version: string;
  readonly quiet: boolean;
  /** An earlier report's results (`--previous <dir>`, read by the command). */
  readonly previous?: PreviousReport;
}

/**
 * Runs the report pipeline into a folder, then checks every published file together with
 * `check-disclosure` (as an attacker holding all of them would). A leak fails the command. The
 * folder appears at `o.out` only when all of this succeeded (see `atomic-folder.ts`).
 */
export async function reportToFolder(
  engine: Engine,
  plan: Plan,
  o: ReportCommandOptions,
): Promise<ReportRun & { disclosure: DisclosureReport }> {
  const access = await loadAccess(o.access ?? defaultAccessPath());
  const role = resolveRole(access, o.role ?? (o.audience === 'public' ? 'public' : 'analyst'));
  checkRequester({ access, role, ...(o.authorisation ? { authorisation: o.authorisation } : {}) });
  const auditKey = loadAuditKey(o.auditKeyFile, process.env);
  const roleAudience = access.roles[role]?.audience;
  if (roleAudience && roleAudience !== o.audience)
    throw IdwError.single(
      'CLI_ROLE_AUDIENCE',
      {
        nl: `De rol '${role}' maakt uitvoer voor publiek '${roleAudience}', niet voor '${o.audience}'.`,
        en: `The role '${role}' produces outputs for audience '${roleAudience}', not '${o.audience}'.`,
      },
      {},
      2,
    );
  return writeFolderAtomically(o.out, async (dir) => {
    const bar = progressBar(!o.quiet && process.stderr.isTTY === true);
    const run = await runReport(
      engine,
      plan,
      {
        access,
        role,
        ...(o.authorisation ? { authorisation: o.authorisation } : {}),
        actor: userInfo().username,
        now: () => new Date(),
        auditKey,
      },
      {
        ...(o.asOf ? { asOf: o.asOf } : {}),
        lang: o.lang,
        formats: o.formats,
        version: o.version,
        output: o.out,
        progress: bar.update,
        ...(o.previous ? { previous: o.previous } : {}),
      },
      (name, data) => writeFile(join(dir, name), data),
    );
    bar.stop();
    const published = run.manifest.files
      .map((f) => f.name)
      .filter((n) => n.endsWith('.json') || n.endsWith('.xlsx'));
    const t0 = performance.now();
    const outputs = await Promise.all(published.map((n) => readOutput(join(dir, n))));
    const disclosure = checkDisclosure(outputs, access.thresholds[o.audience]);
    // Problems name the files where they will be (the target), not the temporary folder.
    if (disclosure.problems.length)
      throw new IdwError(
        disclosure.problems.map((p) => ({
          ...p,
          location: {
            ...p.location,
            ...(p.location.file ? { file: p.location.file.replace(dir, o.out) } : {}),
          },
        })),
      );
    return { ...run, timings: { ...run.timings, disclosure: performance.now() - t0 }, disclosure };
  });
}
