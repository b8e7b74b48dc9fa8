import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { dateOption, existingStore } from '../check-args.js';
import { defaultAccessPath, defaultDbPath, defaultPlanPath, resolveLang } from '../context.js';
import { printJson, printLine } from '../output.js';

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('Show how a result is computed: the definition in words, the SQL and the counts')
    .argument('<result>', 'measurable result or series id, e.g. SD1.B')
    .option('--as-of <date>', 'cut-off date YYYY-MM-DD (default: the latest date in the data)')
    .option('--db <file>', 'store file (default: IDW_DB or ./idw.duckdb)')
    .option('--plan <file>', 'plan file (default: IDW_PLAN or the bundled IDW plan)')
    .option('--role <role>', 'public (default), analyst or steward (config/access.yaml)')
    .option('--authorisation <id>', 'authorisation for breakdowns by special data')
    .option('--access <file>', 'access file (default: IDW_ACCESS or config/access.yaml)')
    .option('--audit-key-file <file>', "file with the audit log's key (default: IDW_AUDIT_KEY)")
    .option('--json', 'print the explanation as JSON')
    .option('--lang <nl|en>', 'language of the text')
    .action(
      async (
        result: string,
        opts: {
          asOf?: string;
          db?: string;
          plan?: string;
          json?: boolean;
          lang?: string;
          role?: string;
          authorisation?: string;
          access?: string;
          auditKeyFile?: string;
        },
      ) => {
        const asOf = dateOption('--as-of', opts.asOf);
        const db = existingStore(opts.db ?? defaultDbPath());
        // Stages are loaded when the command runs, so that `idw --help` starts fast.
        const { loadPlan } = await import('../../plan/index.js');
        const { ESTIMATOR_LABEL } = await import('../../compute/index.js');
        const { loadAccess, loadAuditKey, resolveRole } = await import('../../protect/index.js');
        const { checkRequester, explainProtected } = await import('../../pipeline.js');
        const { openStore } = await import('../../store/index.js');
        const { plan } = await loadPlan(opts.plan ?? defaultPlanPath());
        const access = await loadAccess(opts.access ?? defaultAccessPath());
        const role = resolveRole(access, opts.role);
        const auth = opts.authorisation ? { authorisation: opts.authorisation } : {};
        checkRequester({ access, role, ...auth });
        const auditKey = loadAuditKey(opts.auditKeyFile, process.env);
        // Read-write: explain is audited like compute (the numbers it shows are protected ones).
        const store = await openStore(db);
        try {
          const x = await explainProtected(
            store,
            plan,
            result,
            { asOf },
            { access, role, ...auth, actor: userInfo().username, now: () => new Date(), auditKey },
          );
          if (opts.json) return printJson(x);
          const lang = resolveLang(opts.lang);
          const nl = lang === 'nl';
          printLine(`${x.result}: ${x.text[lang]}`);
          printLine(
            `${nl ? 'Peildatum' : 'Cut-off'} ${x.asOf} · ${nl ? 'momentopname' : 'snapshot'} ${x.snapshot}`,
          );
          if (x.reason) printLine(`${nl ? 'Status' : 'Status'}: ${x.status} — ${x.reason[lang]}`);
          for (const ind of x.indicators) {
            printLine();
            printLine(`== ${ind.id} (${ind.kind}): ${ind.title[lang]}`);
            printLine(ind.definition[lang]);
            if (ind.population)
              printLine(
                `${nl ? 'Populatie' : 'Population'} ${ind.population.name}: ${ind.population.definition[lang]}`,
              );
            for (const c of ind.totals)
              printLine(
                `  ${c.period}${c.horizon ? ` ${c.horizon}m` : ''}${c.variant ? ` ${c.variant}` : ''}${c.measure !== 'value' ? ` ${c.measure}` : ''}: ${c.value ?? (c as { symbol?: string }).symbol ?? '-'} [${c.status}]` +
                  (c.denominator !== undefined && c.denominator !== null
                    ? ` (${c.numerator}/${c.denominator})`
                    : c.n !== undefined && c.n !== null
                      ? ` (n=${c.n})`
                      : '') +
                  (c.estimator ? ` · ${ESTIMATOR_LABEL[c.estimator][lang]}` : '') +
                  (c.at_risk !== undefined && c.at_risk !== null
                    ? ` · ${nl ? 'nog gevolgd' : 'still followed'} ${c.at_risk}`
                    : '') +
                  (c.negative
                    ? ` · ${nl ? 'negatieve duur (gegevensfout)' : 'negative duration (data fault)'} ${c.negative}`
                    : ''),
              );
            for (const p of ind.provenance) {
              printLine(
                `-- ${nl ? 'definitie' : 'definition'} ${p.definitionHash} · SQL ${p.sqlHash} · ${nl ? 'herkomst' : 'provenance'} ${p.id}`,
              );
              printLine(p.sql);
            }
          }
          printLine();
          printLine(nl ? 'Rijen per brontabel:' : 'Rows per source table:');
          for (const [t, n] of Object.entries(x.tableRows)) printLine(`  ${t.padEnd(26)} ${n}`);
        } finally {
          await store.close();
        }
      },
    );
}
