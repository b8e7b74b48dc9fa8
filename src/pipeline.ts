/**
 * The whole cycle in one place — start reading here.
 *
 *   plan (YAML) + store → compute → protect → narrate → report → files + manifest
 *
 * Every effect (store, clock, file writes) is passed in, so each step is plain data in, plain data out.
 * The `idw` commands (`compute`, `report`, `demo`) are thin wrappers around these functions.
 */
import { computeProtected, resolveAsOf, type AccessContext } from './boundary.js';
import { narrate, type Finding, type PreviousReport } from './narrate/index.js';
import type { Plan } from './plan/index.js';
import { auditHead, readAudit } from './protect/index.js';
import { writeReport, type Format, type Manifest, type WriteFile } from './report/index.js';
import type { Lang } from './shared/index.js';
import type { Engine } from './store/index.js';

// Who asks, and the one access boundary every command passes (authorise, audit, protect).
export {
  checkRequester,
  computeProtected,
  explainProtected,
  type AccessContext,
  type ProtectedRun,
} from './boundary.js';

export interface ReportRunOptions {
  /** Cut-off date; default the latest date in the data. */
  readonly asOf?: string;
  readonly lang: Lang;
  readonly formats: readonly Format[];
  /** Software version for the manifest. */
  readonly version: string;
  /** Where the files go (recorded in the audit log when special data are used). */
  readonly output: string;
  readonly progress?: (done: number, total: number, label: string) => void;
  /** An earlier report's results (`--previous`): what changed since is listed on the first page. */
  readonly previous?: PreviousReport;
}

export interface ReportRun {
  readonly manifest: Manifest;
  readonly asOf: string;
  readonly cells: number;
  readonly findings: readonly Finding[];
  readonly omitted: readonly string[];
  /** Milliseconds per step (wall clock). */
  readonly timings: Readonly<Record<'compute' | 'narrate' | 'render', number>> & {
    /** CPU milliseconds of the render step over all threads (more than `render` when they overlap). */
    readonly renderCpu: number;
    /** Milliseconds per written file: its renderer, on whichever thread made it, plus writing it. */
    readonly files: Readonly<Record<string, number>>;
    /** Milliseconds of the disclosure check of the published files (set by `idw report`/`demo`). */
    readonly disclosure?: number;
  };
}

/**
 * The board's quarterly report and the per-objective overview: compute (years and quarters) →
 * protect → narrate → render every format, plus `results.json` (the protected cells and findings,
 * for programs and for `idw check-disclosure`) and `manifest.json`.
 */
export async function runReport(
  engine: Engine,
  plan: Plan,
  who: AccessContext,
  opts: ReportRunOptions,
  writeFile: WriteFile,
): Promise<ReportRun> {
  const t0 = performance.now();
  const asOf = await resolveAsOf(engine, opts.asOf);
  const { protected: prs, omitted } = await computeProtected(
    engine,
    plan,
    { asOf, grains: ['year', 'quarter'], ...(opts.progress ? { progress: opts.progress } : {}) },
    who,
    'report',
    opts.output,
  );
  // The audit chain's head after this run's entries: kept in the manifest, so a log cut short or
  // rewritten later no longer matches it (`idw audit --verify --against manifest.json`).
  const audit = auditHead(await readAudit(engine));
  const t1 = performance.now();
  const findings = narrate(prs.cells, plan);
  const t2 = performance.now();
  const cpu0 = process.cpuUsage();
  const files: Record<string, number> = {};
  const manifest = await writeReport(
    plan,
    prs,
    findings,
    {
      lang: opts.lang,
      audience: prs.audience,
      asOf,
      formats: opts.formats,
      version: opts.version,
      audit,
      extraFiles: [
        { name: 'results.json', data: JSON.stringify({ ...prs, findings }, null, 1) + '\n' },
      ],
      onFile: (name, ms) => (files[name] = Math.round(ms)),
      ...(opts.previous ? { previous: opts.previous } : {}),
    },
    writeFile,
  );
  const t3 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  return {
    manifest,
    asOf,
    cells: prs.cells.length,
    findings,
    omitted,
    timings: {
      compute: t1 - t0,
      narrate: t2 - t1,
      render: t3 - t2,
      renderCpu: (cpu.user + cpu.system) / 1000,
      files,
    },
  };
}
