import type { Command } from 'commander';
import { printable } from '../../shared/index.js';
import { existingStore, wholeNumber } from '../check-args.js';
import { defaultDbPath, resolveLang } from '../context.js';
import { printJson, printLine } from '../output.js';

export function registerQuarantine(program: Command): void {
  program
    .command('quarantine')
    .description(
      'List the rows imports set aside: file, line, column, value (pseudonymised when identifying) and reason',
    )
    .option('--import <id>', 'only the rows of this import (the id in the import summary)')
    .option('--limit <n>', 'at most this many rows (default 1000; 0: all)', '1000')
    .option('--db <file>', 'store file (default: IDW_DB or ./idw.duckdb)')
    .option('--json', 'print the rows as JSON')
    .option('--lang <nl|en>', 'language of the reasons')
    .action(
      async (opts: {
        import?: string;
        limit: string;
        db?: string;
        json?: boolean;
        lang?: string;
      }) => {
        const limit = wholeNumber('--limit', opts.limit);
        const db = existingStore(opts.db ?? defaultDbPath());
        // Stages are loaded when the command runs, so that `idw --help` starts fast.
        const { listQuarantine } = await import('../../ingest/index.js');
        const { openStore } = await import('../../store/index.js');
        const store = await openStore(db, { readOnly: true });
        const list = await listQuarantine(store, {
          ...(opts.import ? { importId: opts.import } : {}),
          limit,
        }).finally(() => store.close());
        if (opts.json) return printJson(list);
        const lang = resolveLang(opts.lang);
        const nl = lang === 'nl';
        for (const e of list.entries)
          printLine(
            `${e.importId}  ${e.file}:${e.line ?? '-'}  ${e.table}.${e.column ?? '-'}  ${e.value === null ? '-' : `'${printable(e.value)}'`}  ${e.code}: ${e.message[lang]}`,
          );
        const more = list.total - list.entries.length;
        printLine(
          nl
            ? `${list.total} rij(en) in quarantaine${more > 0 ? `; ${more} niet getoond (--limit 0 toont alles)` : ''}.`
            : `${list.total} row(s) quarantined${more > 0 ? `; ${more} not shown (--limit 0 shows all)` : ''}.`,
        );
      },
    );
}
