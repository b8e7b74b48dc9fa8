import type { Command } from 'commander';
import { resolve } from 'node:path';
import { usageError } from '../../shared/index.js';
import { dateOption, wholeNumber } from '../check-args.js';
import { defaultDbPath, resolveLang } from '../context.js';
import { printJson, printLine, progressBar } from '../output.js';

interface Opts {
  persons?: string;
  seed?: string;
  from?: string;
  to?: string;
  db?: string;
  out?: string;
  format: string;
  style: string;
  encoding?: string;
  json?: boolean;
  lang?: string;
}

function oneOf<T extends string>(flag: string, v: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw usageError('GENERATE_BAD_OPTION', {
    nl: `--${flag} moet een van ${allowed.join(', ')} zijn, niet '${v}'.`,
    en: `--${flag} must be one of ${allowed.join(', ')}, not '${v}'.`,
  });
}

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description(
      'Fill the store with reproducible SYNTHETIC data (all contract tables), or write it as source files',
    )
    .option(
      '--persons <n>',
      'number of persons (default: the demo population; 1,000,000 = full Flemish scale)',
    )
    .option('--seed <s>', 'seed of the pseudo-random numbers (default: the demo seed)')
    .option('--from <date>', 'first day of the data period (default: the demo period)')
    .option('--to <date>', 'last day of the data period (default: the demo period)')
    .option(
      '--db <file>',
      'store file (default: IDW_DB or ./idw.duckdb; with --out a temporary in-memory store)',
    )
    .option(
      '--out <dir>',
      'write one source file per table into this folder instead of (only) a store',
    )
    .option('--format <f>', 'csv | parquet | xlsx (with --out)', 'csv')
    .option(
      '--style <s>',
      'belgian (; , dd/mm/yyyy) | standard (, . ISO) (with --out, csv/xlsx)',
      'belgian',
    )
    .option(
      '--encoding <e>',
      'utf8 | windows-1252 (csv; default windows-1252 for belgian, utf8 for standard)',
    )
    .option('--json', 'print the result as JSON')
    .option('--lang <nl|en>', 'language of messages')
    .action(async (opts: Opts) => {
      const lang = resolveLang(opts.lang);
      const format = oneOf('format', opts.format, ['csv', 'parquet', 'xlsx'] as const);
      const style = oneOf('style', opts.style, ['belgian', 'standard'] as const);
      const encoding = opts.encoding
        ? oneOf('encoding', opts.encoding, ['utf8', 'windows-1252'] as const)
        : undefined;
      // Stages are loaded when the command runs, so that `idw --help` starts fast.
      const { DEMO_POPULATION, generate } = await import('../../generate/index.js');
      const { openStore, writeSourceFiles } = await import('../../store/index.js');
      const persons = wholeNumber('--persons', opts.persons ?? String(DEMO_POPULATION.persons), 1);
      const seed = wholeNumber('--seed', opts.seed ?? String(DEMO_POPULATION.seed));
      const from = dateOption('--from', opts.from) ?? DEMO_POPULATION.from;
      const to = dateOption('--to', opts.to) ?? DEMO_POPULATION.to;
      const db = opts.db ?? (opts.out ? ':memory:' : defaultDbPath());
      // `--out`: the store may write the source files there, and nowhere else.
      const store = await openStore(
        db,
        opts.out ? { fileAccess: { directories: [resolve(opts.out)] } } : {},
      );
      const bar = progressBar(!opts.json && process.stderr.isTTY === true);
      try {
        const started = Date.now();
        const res = await generate(store, {
          persons,
          seed,
          from,
          to,
          onProgress: bar.update,
        });
        const files = opts.out
          ? await writeSourceFiles(store, opts.out, { format, style, encoding })
          : [];
        bar.stop();
        const seconds = (Date.now() - started) / 1000;
        if (opts.json) return printJson({ db, synthetic: true, ...res, seconds, files });
        printLine(
          lang === 'nl'
            ? `SYNTHETISCHE gegevens aangemaakt in ${db} (${seconds.toFixed(1)} s) — geen echte personen.`
            : `SYNTHETIC data generated in ${db} (${seconds.toFixed(1)} s) — no real people.`,
        );
        printLine(`${lang === 'nl' ? 'Inhoudshash' : 'Content hash'}: ${res.hash}`);
        for (const [t, n] of Object.entries(res.counts))
          printLine(`  ${t.padEnd(26)} ${String(n).padStart(12)}`);
        if (files.length)
          printLine(
            lang === 'nl'
              ? `${files.length} bestanden geschreven in ${opts.out} (${format})`
              : `${files.length} files written to ${opts.out} (${format})`,
          );
      } finally {
        bar.stop();
        await store.close();
      }
    });
}
