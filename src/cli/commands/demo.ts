import type { Command } from 'commander';
import { rm, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { dateOption, wholeNumber } from '../check-args.js';
import { defaultPlanPath, resolveLang } from '../context.js';
import { printLine, progressBar } from '../output.js';
import { printRun } from './report.js';

const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };

interface Opts {
  out: string;
  persons?: string;
  seed?: string;
  asOf: string;
  lang?: string;
  json?: boolean;
}

/** The demo's cut-off: the end of the action plan, the period parliament asked about. */
export const DEMO_AS_OF = '2018-03-31';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'The main job on synthetic data: a fresh demo store, the plan computed, the board report written',
    )
    .option('--out <dir>', 'folder for the demo store and the report', 'out/demo')
    .option('--persons <n>', 'synthetic population size (default: the demo population)')
    .option('--seed <n>', 'random seed (default: the demo seed)')
    .option('--as-of <date>', 'cut-off date of the report (default: end of the plan)', DEMO_AS_OF)
    .option('--lang <nl|en>', 'language of the report (default: IDW_LANG or nl)')
    .option('--json', 'print what was made as JSON')
    .action(async (opts: Opts) => {
      const lang = resolveLang(opts.lang);
      const nl = lang === 'nl';
      const say = (s: string) => !opts.json && printLine(s);
      // Every value is checked before the old demo store and its audit log are removed.
      // Stages are loaded when the command runs, so that `idw --help` starts fast.
      const { DEMO_POPULATION, generate } = await import('../../generate/index.js');
      const { loadPlan } = await import('../../plan/index.js');
      const { FORMATS } = await import('../../report/index.js');
      const { openStore } = await import('../../store/index.js');
      const { reportToFolder } = await import('../run-report.js');
      const persons = wholeNumber('--persons', opts.persons ?? String(DEMO_POPULATION.persons), 1);
      const seed = wholeNumber('--seed', opts.seed ?? String(DEMO_POPULATION.seed));
      const asOf = dateOption('--as-of', opts.asOf) ?? DEMO_AS_OF;
      const db = join(opts.out, 'idw-demo.duckdb');
      const { plan } = await loadPlan(defaultPlanPath());
      await mkdir(opts.out, { recursive: true });
      await rm(db, { force: true });
      await rm(`${db}.wal`, { force: true });
      const store = await openStore(db, { bulkLoad: { insertionOrder: false } });
      try {
        say(
          nl
            ? `1/2 Synthetische gegevens maken in ${db} …`
            : `1/2 Generating synthetic data in ${db} …`,
        );
        const bar = progressBar(!opts.json && process.stderr.isTTY === true);
        const gen = await generate(store, {
          ...DEMO_POPULATION,
          persons,
          seed,
          onProgress: bar.update,
        });
        bar.stop();
        const rows = Object.values(gen.counts).reduce((a, b) => a + b, 0);
        say(nl ? `    ${rows} rijen, inhoud ${gen.hash}` : `    ${rows} rows, content ${gen.hash}`);
        say(
          nl
            ? `2/2 Plan berekenen, beschermen, beschrijven en rapport schrijven (peildatum ${asOf}) …`
            : `2/2 Computing, protecting, narrating and writing the report (cut-off ${asOf}) …`,
        );
        const out = join(opts.out, 'report');
        // The board's report, by an analyst holding the privacy commission's authorisation: it shows
        // the outflow by residence status that parliament asked for, and the use is audited.
        const run = await reportToFolder(store, plan, {
          asOf,
          audience: 'board',
          role: 'analyst',
          authorisation: 'PC-VERBLIJFSSTATUUT',
          lang,
          formats: FORMATS,
          out,
          version,
          quiet: opts.json === true,
        });
        printRun(out, run, lang, opts.json === true);
        say('');
        say(
          nl
            ? `Open ${join(out, 'quarterly-report.html')} in een browser. Dit zijn SYNTHETISCHE gegevens (docs/synthetic-data.md).`
            : `Open ${join(out, 'quarterly-report.html')} in a browser. These are SYNTHETIC data (docs/synthetic-data.md).`,
        );
      } finally {
        await store.close();
      }
    });
}
