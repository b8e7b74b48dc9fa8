import type { Command } from 'commander';
import { userInfo } from 'node:os';
import type { Grain, ResultCell } from '../../compute/index.js';
import { usageError } from '../../shared/index.js';
import { dateOption, existingStore } from '../check-args.js';
import { defaultAccessPath, defaultDbPath, defaultPlanPath, resolveLang } from '../context.js';
import { printJson, printLine, progressBar } from '../output.js';

interface Opts {
  asOf?: string;
  result?: string[];
  db?: string;
  plan?: string;
  grain?: string[];
  json?: boolean;
  lang?: string;
  breakdown?: string[];
  role?: string;
  authorisation?: string;
  access?: string;
  auditKeyFile?: string;
}

const GRAINS = ['year', 'quarter', 'month'];

export function registerCompute(program: Command): void {
  program
    .command('compute')
    .description('Compute every measurable result of the plan on the store (cells with provenance)')
    .option('--as-of <date>', 'cut-off date YYYY-MM-DD (default: the latest date in the data)')
    .option('--result <id...>', 'only these results or series (e.g. SD1.B NODW-IBOT)')
    .option('--grain <grain...>', 'period grains: year, quarter, month (default: year)')
    .option('--db <file>', 'store file (default: IDW_DB or ./idw.duckdb)')
    .option('--plan <file>', 'plan file (default: IDW_PLAN or the bundled IDW plan)')
    .option('--breakdown <dim...>', 'breakdown dimensions instead of the standard ones (one set)')
    .option('--role <role>', 'public (default), analyst or steward (config/access.yaml)')
    .option('--authorisation <id>', 'authorisation for breakdowns by special data')
    .option('--access <file>', 'access file (default: IDW_ACCESS or config/access.yaml)')
    .option('--audit-key-file <file>', "file with the audit log's key (default: IDW_AUDIT_KEY)")
    .option('--json', 'print the protected result set as JSON (docs/result-cell.schema.json)')
    .option('--lang <nl|en>', 'language of messages')
    .action(async (opts: Opts) => {
      const asOf = dateOption('--as-of', opts.asOf);
      const db = existingStore(opts.db ?? defaultDbPath());
      const grains = (opts.grain ?? ['year']) as Grain[];
      for (const g of grains)
        if (!GRAINS.includes(g))
          throw usageError('CLI_BAD_GRAIN', {
            nl: `Onbekende periode '${g}'; kies year, quarter of month.`,
            en: `Unknown grain '${g}'; choose year, quarter or month.`,
          });
      // Stages are loaded when the command runs, so that `idw --help` starts fast.
      const { loadPlan } = await import('../../plan/index.js');
      const { loadAccess, loadAuditKey, resolveRole } = await import('../../protect/index.js');
      const { checkRequester, computeProtected } = await import('../../pipeline.js');
      const { openStore } = await import('../../store/index.js');
      const { plan } = await loadPlan(opts.plan ?? defaultPlanPath());
      const access = await loadAccess(opts.access ?? defaultAccessPath());
      const role = resolveRole(access, opts.role);
      // Who asks is checked before the store is opened: an unknown role or authorisation is wrong use.
      checkRequester({
        access,
        role,
        ...(opts.authorisation ? { authorisation: opts.authorisation } : {}),
      });
      const auditKey = loadAuditKey(opts.auditKeyFile, process.env);
      // Read-write: a use of special data is written to the audit log before any number is shown.
      const store = await openStore(db);
      const bar = progressBar(!opts.json && process.stderr.isTTY === true);
      try {
        const { protected: rs, omitted } = await computeProtected(
          store,
          plan,
          {
            asOf,
            results: opts.result,
            grains,
            progress: bar.update,
            ...(opts.breakdown ? { breakdowns: [opts.breakdown], explicit: opts.breakdown } : {}),
          },
          {
            access,
            role,
            ...(opts.authorisation ? { authorisation: opts.authorisation } : {}),
            actor: userInfo().username,
            now: () => new Date(),
            auditKey,
          },
          'compute',
        );
        bar.stop();
        if (opts.json) return printJson(rs);
        const lang = resolveLang(opts.lang);
        printLine(
          lang === 'nl'
            ? `Peildatum ${rs.asOf} · momentopname ${rs.snapshot}${rs.synthetic ? ' · SYNTHETISCHE GEGEVENS' : ''}`
            : `Cut-off ${rs.asOf} · snapshot ${rs.snapshot}${rs.synthetic ? ' · SYNTHETIC DATA' : ''}`,
        );
        printTotals(rs.cells);
        if (omitted.length)
          printLine(
            lang === 'nl'
              ? `Opsplitsingen naar bijzondere gegevens weggelaten (rol ${role}, geen machtiging): ${omitted.join(', ')}.`
              : `Breakdowns by special data left out (role ${role}, no authorisation): ${omitted.join(', ')}.`,
          );
        printLine(
          lang === 'nl'
            ? `${rs.cells.length} cellen; gebruik --json voor alle opsplitsingen.`
            : `${rs.cells.length} cells; use --json for every breakdown.`,
        );
      } finally {
        bar.stop();
        await store.close();
      }
    });
}

/** One line per result × indicator × measure × horizon × variant: the totals per period. */
function printTotals(cells: readonly ResultCell[]): void {
  const rows = new Map<string, string[]>();
  for (const c of cells) {
    if (Object.keys(c.breakdown).length) continue;
    const key = [
      c.result,
      c.indicator,
      c.measure === 'value' ? '' : c.measure,
      c.horizon ? `${c.horizon}m` : '',
      c.variant ?? '',
    ]
      .filter(Boolean)
      .join(' ');
    const v =
      c.value === null
        ? ((c as { symbol?: string }).symbol ?? c.status)
        : c.unit === 'share'
          ? `${(c.value * 100).toFixed(1)}%${c.status === 'censored' ? '*' : ''}`
          : String(Math.round(c.value * 100) / 100);
    rows.set(key, [...(rows.get(key) ?? []), `${c.period}: ${v}`]);
  }
  for (const [k, vs] of rows) printLine(`${k}\n    ${vs.join('  ')}`);
}
