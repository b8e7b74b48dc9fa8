import type { Command } from 'commander';
import type { ImportSummary, importMessages as ImportMessages } from '../../ingest/index.js';
import { ExitCode, IdwError, formatProblem, printable, usageError } from '../../shared/index.js';
import { existingStore, wholeNumber } from '../check-args.js';
import { defaultDbPath, resolveLang, type Lang } from '../context.js';
import { printJson, printLine, progressBar } from '../output.js';

interface ImportFlags {
  table?: string;
  db?: string;
  strict?: boolean;
  replacePeriod?: string;
  encoding?: string;
  sheet?: string;
  keyFile?: string;
  maxLineBytes?: string;
  maxUnpackedBytes?: string;
  json?: boolean;
  lang?: string;
}

function parsePeriod(
  p: string,
  importMessages: typeof ImportMessages,
): { from: string; to: string } {
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(p);
  if (!m || m[1]! > m[2]!)
    throw usageError('IMPORT_BAD_PERIOD', importMessages.IMPORT_BAD_PERIOD(p));
  return { from: m[1]!, to: m[2]! };
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      'Import source files (CSV, XLSX, Parquet) into the store: validated, pseudonymised, nothing lost',
    )
    .argument('<paths...>', 'files or folders to import')
    .option('--table <name>', 'contract table of every file (default: from file name or header)')
    .option('--db <file>', 'store file (default: IDW_DB or ./idw.duckdb)')
    .option('--strict', 'load nothing when any row fails')
    .option(
      '--replace-period <from..to>',
      'replace the rows of this period (YYYY-MM-DD..YYYY-MM-DD)',
    )
    .option('--encoding <enc>', 'CSV encoding: utf-8 or windows-1252 (default: detected)')
    .option('--sheet <name>', 'XLSX sheet (default: the first)')
    .option(
      '--key-file <file>',
      'file holding the pseudonymisation key (default: IDW_PSEUDONYM_KEY)',
    )
    .option(
      '--max-line-bytes <n>',
      'CSV lines longer than this are quarantined, not read (default 10000000)',
    )
    .option(
      '--max-unpacked-bytes <n>',
      'XLSX and Parquet files that unpack to more than this are refused (default 536870912)',
    )
    .option('--json', 'print the summary as JSON')
    .option('--lang <nl|en>', 'language of messages')
    .action(async (paths: string[], opts: ImportFlags) => {
      const maxLineBytes =
        opts.maxLineBytes === undefined
          ? undefined
          : wholeNumber('--max-line-bytes', opts.maxLineBytes, 1024);
      const maxUnpackedBytes =
        opts.maxUnpackedBytes === undefined
          ? undefined
          : wholeNumber('--max-unpacked-bytes', opts.maxUnpackedBytes, 1024);
      const lang = resolveLang(opts.lang);
      const db = existingStore(opts.db ?? defaultDbPath());
      // Stages are loaded when the command runs, so that `idw --help` starts fast.
      const { importExitCode, importFileAccess, importFiles, importMessages, loadKey } =
        await import('../../ingest/index.js');
      const { openStore } = await import('../../store/index.js');
      const key = loadKey(opts.keyFile, process.env);
      const replacePeriod = opts.replacePeriod
        ? parsePeriod(opts.replacePeriod, importMessages)
        : undefined;
      const store = await openStore(db, {
        fileAccess: importFileAccess(paths),
        bulkLoad: { dictionaryCompression: false },
      });
      const bar = progressBar(!opts.json && process.stderr.isTTY === true);
      let summary: ImportSummary;
      try {
        summary = await importFiles(store, {
          paths,
          key,
          ...(opts.table ? { table: opts.table } : {}),
          ...(opts.strict ? { strict: true } : {}),
          ...(replacePeriod ? { replacePeriod } : {}),
          ...(opts.encoding ? { encoding: opts.encoding } : {}),
          ...(opts.sheet ? { sheet: opts.sheet } : {}),
          ...(maxLineBytes ? { maxLineBytes } : {}),
          ...(maxUnpackedBytes ? { maxUnpackedBytes } : {}),
          onProgress: (done, total, label) => {
            bar.update(done, total, label);
            // Plain progress lines for logs and tests (no terminal needed).
            if (process.env.IDW_PROGRESS === 'lines')
              process.stderr.write(`import ${done}/${total} ${label}\n`);
          },
        });
      } finally {
        bar.stop();
        await store.close();
      }
      const code = importExitCode(summary);
      if (opts.json) printJson({ ...summary, exitCode: code });
      else printSummary(summary, lang);
      // main() turns a thrown IdwError into the exit code; the summary is already printed.
      if (code !== ExitCode.ok)
        throw IdwError.single(
          'IMPORT_NOTHING_LOADED',
          importMessages.IMPORT_NOTHING_LOADED(summary.strict),
          {},
          code,
        );
    });
}

const OUTCOME = {
  nl: {
    loaded: 'geladen',
    partial: 'DEELS geladen',
    rejected: 'GEWEIGERD',
    empty: 'leeg',
    duplicate: 'al ingelezen, overgeslagen',
    rolled_back: 'teruggedraaid (--strict)',
  },
  en: {
    loaded: 'loaded',
    partial: 'PARTLY loaded',
    rejected: 'REJECTED',
    empty: 'empty',
    duplicate: 'already imported, skipped',
    rolled_back: 'rolled back (--strict)',
  },
} as const;

function printSummary(s: ImportSummary, lang: Lang): void {
  const nl = lang === 'nl';
  for (const f of s.files) {
    printLine(
      `${printable(f.file)} → ${f.table ?? '?'}: ${OUTCOME[lang][f.outcome]} (${nl ? 'gelezen' : 'read'} ${f.rowsRead}, ${nl ? 'geladen' : 'loaded'} ${f.rowsLoaded}, ${nl ? 'in quarantaine' : 'quarantined'} ${f.rowsQuarantined})`,
    );
    for (const p of f.problems) printLine(`  ${formatProblem(p, lang)}`);
  }
  printLine();
  for (const [t, n] of Object.entries(s.tables))
    printLine(
      `${t.padEnd(26)} ${String(n.read).padStart(10)} ${String(n.loaded).padStart(10)} ${String(n.quarantined).padStart(10)}`,
    );
  const q = Object.entries(s.byCode).filter(([, n]) => n > 0);
  if (s.totals.quarantined > 0) {
    printLine();
    printLine(
      nl
        ? `!! ${s.totals.quarantined} rij(en) in QUARANTAINE, niet geladen (zie tabel quarantine, import ${s.importId}):`
        : `!! ${s.totals.quarantined} row(s) QUARANTINED, not loaded (see table quarantine, import ${s.importId}):`,
    );
    for (const [c, n] of q) printLine(`   ${c.padEnd(28)} ${n}`);
  }
  if (!s.committed)
    printLine(
      nl
        ? '--strict: niets geladen; de opslag is ongewijzigd.'
        : '--strict: nothing loaded; the store is unchanged.',
    );
  printLine(
    nl
      ? `Totaal: ${s.totals.read} gelezen = ${s.totals.loaded} geladen + ${s.totals.quarantined} in quarantaine.`
      : `Total: ${s.totals.read} read = ${s.totals.loaded} loaded + ${s.totals.quarantined} quarantined.`,
  );
}
