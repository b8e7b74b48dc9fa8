import type { Command } from 'commander';
import type { Audience } from '../../protect/index.js';
import { IdwError, usageError } from '../../shared/index.js';
import { defaultAccessPath, resolveLang } from '../context.js';
import { printJson, printLine } from '../output.js';

export function registerCheckDisclosure(program: Command): void {
  program
    .command('check-disclosure')
    .description(
      'Check published outputs (JSON results, Excel annexes) for disclosure: fails if a suppressed cell can be pinned',
    )
    .argument(
      '<output...>',
      'JSON (ProtectedResultSet) or XLSX (sheet Data) files, checked together',
    )
    .option(
      '--audience <public|board>',
      'thresholds to check against (default: the JSON audience, else public)',
    )
    .option(
      '--access <file>',
      'access file with thresholds (default: IDW_ACCESS or config/access.yaml)',
    )
    .option('--json', 'print the report as JSON')
    .option('--lang <nl|en>', 'language of messages')
    .action(
      async (
        files: string[],
        opts: { audience?: string; access?: string; json?: boolean; lang?: string },
      ) => {
        // Stages are loaded when the command runs, so that `idw --help` starts fast.
        const { checkDisclosure, loadAccess, protectMessages, readOutput } =
          await import('../../protect/index.js');
        if (opts.audience && !['public', 'board'].includes(opts.audience))
          throw usageError(
            'PROTECT_BAD_AUDIENCE',
            protectMessages.PROTECT_BAD_AUDIENCE(opts.audience),
          );
        const access = await loadAccess(opts.access ?? defaultAccessPath());
        const outputs = [];
        for (const f of files) outputs.push(await readOutput(f));
        const jsonAudience = outputs.find((o) => o.audience && o.audience !== 'steward')?.audience;
        const audience = (opts.audience ?? jsonAudience ?? 'public') as Exclude<
          Audience,
          'steward'
        >;
        const report = checkDisclosure(outputs, access.thresholds[audience]);
        const lang = resolveLang(opts.lang);
        if (opts.json) {
          printJson({ audience, ...report });
          if (!report.ok) throw new IdwError(report.problems);
          return;
        }
        if (report.ok) {
          printLine(
            lang === 'nl'
              ? `OK: ${report.cells} cellen, ${report.suppressed} onderdrukt, geen enkele vast te pinnen (${audience}).`
              : `OK: ${report.cells} cells, ${report.suppressed} suppressed, none can be pinned (${audience}).`,
          );
          return;
        }
        throw new IdwError(report.problems);
      },
    );
}
