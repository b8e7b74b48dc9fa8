import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Format, reportMessages as ReportMessages } from '../../report/index.js';
import { IdwError, usageError } from '../../shared/index.js';
import { checkOutFolder, writeFolderAtomically } from '../atomic-folder.js';
import { dateOption, existingStore } from '../check-args.js';
import {
  defaultAccessPath,
  defaultDbPath,
  defaultPlanPath,
  resolveLang,
  type Lang,
} from '../context.js';
import type { reportToFolder } from '../run-report.js';
import { printJson, printLine } from '../output.js';

const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };

interface Opts {
  asOf?: string;
  role?: string;
  authorisation?: string;
  access?: string;
  auditKeyFile?: string;
  audience: string;
  lang?: string;
  format?: string;
  db?: string;
  out?: string;
  plan?: string;
  results?: string;
  previous?: string;
  json?: boolean;
}

function parseFormats(
  s: string,
  FORMATS: readonly Format[],
  reportMessages: typeof ReportMessages,
): Format[] {
  const list = s
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  for (const f of list)
    if (!(FORMATS as readonly string[]).includes(f))
      throw usageError(
        'REPORT_BAD_FORMAT',
        reportMessages.REPORT_BAD_FORMAT(f, FORMATS.join(', ')),
      );
  return list as Format[];
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'Write the quarterly report, the per-objective overview and a manifest (HTML, PDF, DOCX, XLSX)',
    )
    .option('--as-of <date>', 'cut-off date YYYY-MM-DD (default: the latest date in the data)')
    .option('--audience <public|board>', 'who the report is for', 'board')
    .option('--lang <nl|en>', 'language of the report (default: IDW_LANG or nl)')
    .option('--format <list>', 'comma-separated formats (default: html,pdf,docx,xlsx)')
    .option(
      '--db <file>',
      'store file, to check the data snapshot (default: IDW_DB or ./idw.duckdb)',
    )
    .option('--out <dir>', 'output folder (default: ./report-<as-of>-<audience>-<lang>)')
    .option('--plan <file>', 'plan file (default: IDW_PLAN or the bundled IDW plan)')
    .option(
      '--role <role>',
      'role from config/access.yaml (default: public, or analyst for the board)',
    )
    .option(
      '--authorisation <id>',
      'authorisation for breakdowns by special data (e.g. PC-VERBLIJFSSTATUUT)',
    )
    .option('--access <file>', 'access file (default: IDW_ACCESS or config/access.yaml)')
    .option('--audit-key-file <file>', "file with the audit log's key (default: IDW_AUDIT_KEY)")
    .option(
      '--results <file>',
      'render saved protected results and findings (JSON) instead of computing from the store',
    )
    .option(
      '--previous <dir>',
      'folder of an earlier report: list the headline figures of periods already reported that changed, and why',
    )
    .option('--json', 'print the manifest as JSON')
    .action(async (opts: Opts) => {
      // Stages are loaded when the command runs, so that `idw --help` starts fast.
      const { FORMATS, parseReportInput, readPreviousReport, reportMessages, writeReport } =
        await import('../../report/index.js');
      // Every value is checked before the store is opened or a file is written.
      const asOf = dateOption('--as-of', opts.asOf);
      if (opts.audience !== 'public' && opts.audience !== 'board')
        throw usageError('REPORT_BAD_AUDIENCE', reportMessages.REPORT_BAD_AUDIENCE(opts.audience));
      const audience = opts.audience;
      const formats = parseFormats(opts.format ?? FORMATS.join(','), FORMATS, reportMessages);
      const lang = resolveLang(opts.lang);
      const out = opts.out ?? `report-${asOf ?? 'latest'}-${audience}-${lang}`;
      checkOutFolder(out);
      if (opts.results && !asOf)
        throw usageError('REPORT_BAD_DATE', reportMessages.REPORT_BAD_DATE(''));
      // Saved results need no store, but a --db that was given must exist.
      const db = opts.results
        ? opts.db
          ? existingStore(opts.db)
          : defaultDbPath()
        : existingStore(opts.db ?? defaultDbPath());
      const { loadPlan } = await import('../../plan/index.js');
      const { openStore, getMeta, snapshotId } = await import('../../store/index.js');
      const { plan } = await loadPlan(opts.plan ?? defaultPlanPath());
      const previous = opts.previous ? await readPreviousReport(opts.previous) : undefined;
      if (!opts.results) {
        const { reportToFolder } = await import('../run-report.js');
        const store = await openStore(db);
        try {
          const run = await reportToFolder(store, plan, {
            ...(asOf ? { asOf } : {}),
            audience,
            ...(opts.role ? { role: opts.role } : {}),
            ...(opts.authorisation ? { authorisation: opts.authorisation } : {}),
            ...(opts.access ? { access: opts.access } : {}),
            ...(opts.auditKeyFile ? { auditKeyFile: opts.auditKeyFile } : {}),
            lang,
            formats,
            out,
            version,
            quiet: opts.json === true,
            ...(previous ? { previous } : {}),
          });
          return printRun(out, run, lang, opts.json === true);
        } finally {
          await store.close();
        }
      }
      const { checkDisclosure, fromJson, loadAccess, readOutput } =
        await import('../../protect/index.js');
      const access = await loadAccess(opts.access ?? defaultAccessPath());
      const input = parseReportInput(await readFile(opts.results, 'utf8'), opts.results);
      let synthetic = input.resultSet.synthetic;
      if (existsSync(db)) {
        // The store is the truth for the snapshot and the synthetic flag: refuse stale results.
        const store = await openStore(db, { readOnly: true });
        try {
          const snap = await snapshotId(store);
          synthetic = synthetic || (await getMeta(store, 'synthetic')) === 'true';
          if (snap !== input.resultSet.snapshot)
            throw IdwError.single(
              'REPORT_BAD_INPUT',
              reportMessages.REPORT_BAD_INPUT(
                `snapshot ${input.resultSet.snapshot} ≠ store ${snap}`,
              ),
              { file: opts.results },
            );
        } finally {
          await store.close();
        }
      }
      const manifest = await writeFolderAtomically(out, async (dir) => {
        const m = await writeReport(
          plan,
          { ...input.resultSet, synthetic },
          input.findings,
          { lang, audience, asOf: asOf!, formats, version, ...(previous ? { previous } : {}) },
          (name, data) => writeFile(join(dir, name), data),
        );
        // Saved results are checked like any other output: the cells as given (whatever audience
        // the file claims) together with every published file, at the thresholds of the audience.
        const published = m.files
          .map((f) => f.name)
          .filter((n) => n.endsWith('.json') || n.endsWith('.xlsx'));
        const outputs = [
          fromJson(opts.results!, input.resultSet),
          ...(await Promise.all(published.map((n) => readOutput(join(dir, n))))),
        ];
        const report = checkDisclosure(outputs, access.thresholds[audience]);
        if (report.problems.length) throw new IdwError(report.problems);
        return m;
      });
      if (opts.json) return printJson({ out, ...manifest });
      printLine(lang === 'nl' ? `Rapport geschreven in ${out}:` : `Report written to ${out}:`);
      for (const f of manifest.files)
        printLine(`  ${f.name.padEnd(24)} ${String(f.bytes).padStart(9)} B`);
      printLine('  manifest.json');
    });
}

/** Prints where the report is, what it holds and the disclosure check (or the manifest as JSON). */
export function printRun(
  out: string,
  run: Awaited<ReturnType<typeof reportToFolder>>,
  lang: Lang,
  json: boolean,
): void {
  if (json)
    return printJson({
      out,
      asOf: run.asOf,
      cells: run.cells,
      findings: run.findings.length,
      omitted: run.omitted,
      disclosure: {
        ok: run.disclosure.ok,
        cells: run.disclosure.cells,
        suppressed: run.disclosure.suppressed,
      },
      timings: run.timings,
      manifest: run.manifest,
    });
  const nl = lang === 'nl';
  printLine(
    nl
      ? `Rapport met peildatum ${run.asOf} geschreven in ${out}${run.manifest.synthetic ? ' (SYNTHETISCHE GEGEVENS)' : ''}:`
      : `Report with cut-off ${run.asOf} written to ${out}${run.manifest.synthetic ? ' (SYNTHETIC DATA)' : ''}:`,
  );
  for (const f of run.manifest.files)
    printLine(`  ${f.name.padEnd(24)} ${String(f.bytes).padStart(9)} B`);
  printLine('  manifest.json');
  printLine(
    nl
      ? `${run.cells} cellen, ${run.findings.length} vaststellingen; controle op onthulling geslaagd (${run.disclosure.suppressed} cellen onderdrukt).`
      : `${run.cells} cells, ${run.findings.length} findings; disclosure check OK (${run.disclosure.suppressed} cells suppressed).`,
  );
  if (run.omitted.length)
    printLine(
      nl
        ? `Opsplitsingen naar bijzondere gegevens weggelaten (geen machtiging): ${run.omitted.join(', ')}.`
        : `Breakdowns by special data left out (no authorisation): ${run.omitted.join(', ')}.`,
    );
}
