import type { Command } from 'commander';
import { IdwError, formatProblem } from '../../shared/index.js';
import { existingStore } from '../check-args.js';
import { defaultDbPath, resolveLang } from '../context.js';
import { printJson, printLine } from '../output.js';

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('List the audit log of uses of special data and verify its hash chain')
    .option('--db <file>', 'store file (default: IDW_DB or ./idw.duckdb)')
    .option('--verify', 'fail (exit 1) when the hash chain is broken')
    .option('--json', 'print the entries and the verification as JSON')
    .option('--lang <nl|en>', 'language of messages')
    .action(async (opts: { db?: string; verify?: boolean; json?: boolean; lang?: string }) => {
      const db = existingStore(opts.db ?? defaultDbPath());
      // Stages are loaded when a command runs, so that `idw --help` starts fast.
      const { readAudit, verifyAudit } = await import('../../protect/index.js');
      const { openStore } = await import('../../store/index.js');
      const store = await openStore(db);
      const records = await readAudit(store).finally(() => store.close());
      const problems = verifyAudit(records);
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
