import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { AuditHead } from '../../protect/index.js';
import { IdwError, formatProblem, usageError } from '../../shared/index.js';
import { existingStore } from '../check-args.js';
import { defaultDbPath, resolveLang } from '../context.js';
import { printJson, printLine } from '../output.js';

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('List the audit log of uses of special data and verify its hash chain')
    .option('--db <file>', 'store file (default: IDW_DB or ./idw.duckdb)')
    .option('--verify', 'fail (exit 1) when the hash chain is broken')
    .option(
      '--against <manifest...>',
      'report manifest.json files whose audit head must still be in the log (detects a cut-off tail)',
    )
    .option('--audit-key-file <file>', "file with the audit log's key (default: IDW_AUDIT_KEY)")
    .option('--json', 'print the entries and the verification as JSON')
    .option('--lang <nl|en>', 'language of messages')
    .action(async (opts: Opts) => {
      const db = existingStore(opts.db ?? defaultDbPath());
      // Stages are loaded when a command runs, so that `idw --help` starts fast.
      const { loadAuditKey, readAudit, verifyAudit } = await import('../../protect/index.js');
      const { openStore } = await import('../../store/index.js');
      const key = loadAuditKey(opts.auditKeyFile, process.env);
      const against = await Promise.all((opts.against ?? []).map(readHead));
      const store = await openStore(db, { readOnly: true });
      const records = await readAudit(store).finally(() => store.close());
      const problems = verifyAudit(records, key, against);
      const head = records.at(-1)?.hash ?? null;
      const lang = resolveLang(opts.lang);
      if (opts.json) printJson({ entries: records, intact: problems.length === 0, head, problems });
      else {
        for (const r of records)
          printLine(
            [
              String(r.seq).padStart(4),
              r.loggedAt,
              r.actor,
              r.role,
              r.action,
              r.results.join(',') || '-',
              r.breakdowns.map((b) => b.join('×')).join(',') || '-',
              r.authorisation ?? '-',
              r.output ?? '-',
            ].join('  '),
          );
        for (const p of problems) printLine(formatProblem(p, lang));
        printLine(
          lang === 'nl'
            ? `${records.length} regels; keten ${problems.length ? 'GEBROKEN' : 'intact'}; laatste hash ${head ?? '-'}`
            : `${records.length} entries; chain ${problems.length ? 'BROKEN' : 'intact'}; head hash ${head ?? '-'}`,
        );
      }
      if (opts.verify && problems.length) throw new IdwError(problems);
    });
}

interface Opts {
  db?: string;
  verify?: boolean;
  against?: string[];
  auditKeyFile?: string;
  json?: boolean;
  lang?: string;
}

/** The `audit` part of a report's manifest. */
const ManifestAudit = z.object({
  audit: z.object({ entries: z.number().int().min(0), head: z.string().nullable() }),
});

/** The audit head recorded in a report's `manifest.json`. */
async function readHead(file: string): Promise<AuditHead> {
  const bad = () =>
    usageError('CLI_BAD_MANIFEST', {
      nl: `${file} is geen manifest.json van een rapport met de kop van het auditlogboek.`,
      en: `${file} is not a report's manifest.json holding the audit log's head.`,
    });
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw bad();
  }
  const m = ManifestAudit.safeParse(json);
  if (!m.success) throw bad();
  return m.data.audit;
}
