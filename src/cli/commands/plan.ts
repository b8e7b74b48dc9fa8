import type { Command } from 'commander';
import type { ObjectiveNode } from '../../plan/index.js';
import { defaultPlanPath, resolveLang } from '../context.js';
import { printJson, printLine } from '../output.js';

const STATUS_LABEL = {
  nl: {
    defined: 'gedefinieerd',
    manual: 'manueel',
    undefined: 'niet gedefinieerd',
    'to-explore': 'te exploreren',
  },
  en: { defined: 'defined', manual: 'manual', undefined: 'undefined', 'to-explore': 'to explore' },
} as const;

export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description('Show the plan: objectives, measurable results and the status of their indicators')
    .option('--plan <file>', 'plan file (default: IDW_PLAN or the bundled IDW plan)')
    .option('--json', 'print the plan tree as JSON')
    .option('--lang <nl|en>', 'language of the titles')
    .action(async (opts: { plan?: string; json?: boolean; lang?: string }) => {
      // Stages are loaded when the command runs, so that `idw --help` starts fast.
      const { loadPlan, planTree } = await import('../../plan/index.js');
      const { plan } = await loadPlan(opts.plan ?? defaultPlanPath());
      const tree = planTree(plan);
      if (opts.json) {
        printJson({
          plan: plan.plan,
          objectives: tree,
          series: plan.series.map((s) => ({
            id: s.id,
            origin: s.origin,
            short: s.short,
            text: s.text,
            indicators: s.indicators,
          })),
          counts: {
            strategic: tree.length,
            tactical: tree.reduce((n, s) => n + s.tactical.length, 0),
            results: plan.results.length,
          },
        });
        return;
      }
      const lang = resolveLang(opts.lang);
      printLine(`${plan.plan.title[lang]} (${plan.plan.organisation})`);
      const result = (r: ObjectiveNode['results'][number], indent: string) =>
        printLine(
          `${indent}${r.id.padEnd(9)} ${r.short[lang].padEnd(46)} ${STATUS_LABEL[lang][r.status]}`,
        );
      for (const s of tree) {
        printLine();
        printLine(`${s.id}  ${s.short[lang]}`);
        for (const r of s.results) result(r, '    ');
        for (const t of s.tactical) {
          printLine(`  ${t.id}  ${t.short[lang]}`);
          for (const r of t.results) result(r, '      ');
        }
      }
      if (plan.series.length) {
        printLine();
        printLine(lang === 'nl' ? 'Bijkomende reeksen' : 'Additional series');
        for (const s of plan.series)
          printLine(
            `    ${s.id.padEnd(9)} ${s.short[lang].padEnd(46)} ${s.origin === 'question' ? (lang === 'nl' ? 'uit parlementaire vraag' : 'from parliamentary question') : ''}`,
          );
      }
    });
}
