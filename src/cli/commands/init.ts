import type { Command } from 'commander';
import { defaultDbPath, resolveLang } from '../context.js';
import { printJson, printLine } from '../output.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('Create (or open) the embedded DuckDB store with every contract table')
    .option('--db <file>', 'store file (default: IDW_DB or ./idw.duckdb)')
    .option('--json', 'print the result as JSON')
    .option('--lang <nl|en>', 'language of messages')
    .action(async (opts: { db?: string; json?: boolean; lang?: string }) => {
      const db = opts.db ?? defaultDbPath();
      // Stages are loaded when the command runs, so that `idw --help` starts fast.
      const { CONTRACT_TABLES } = await import('../../contract/index.js');
      const { openStore } = await import('../../store/index.js');
      const store = await openStore(db);
      await store.close();
      const tables = CONTRACT_TABLES.map((t) => t.name);
      if (opts.json) return printJson({ db, tables });
      const lang = resolveLang(opts.lang);
      printLine(
        lang === 'nl'
          ? `Opslag klaar: ${db} (${tables.length} tabellen)`
          : `Store ready: ${db} (${tables.length} tables)`,
      );
    });
}
