/**
 * The whole cycle in one place — start reading here.
 *
 *   plan (YAML) + store → compute → protect → narrate → report → files + manifest
 *
 * Every effect (store, clock, file writes) is passed in, so each step is plain data in, plain data out.
 * The `idw` commands (`compute`, `report`, `demo`) are thin wrappers around these functions.
 */
import { compute, latestDate, specialDimensions, type ComputeOptions } from './compute/index.js';
import { narrate, type Finding } from './narrate/index.js';
import { nonPersonalIndicators, type Plan } from './plan/index.js';
import {
  assertReleaseDate,
  authorise,
  authoriseAndAudit,
  protect,
  type Access,
  type Audience,
  type ProtectedResultSet,
} from './protect/index.js';
import { writeReport, type Format, type Manifest, type WriteFile } from './report/index.js';
import type { Lang } from './shared/index.js';
import type { Engine } from './store/index.js';

/** Who asks: role, authorisation and identity, with the access rules and the clock. */
export interface AccessContext {
  readonly access: Access;
  /** Role from `config/access.yaml` (`public`, `analyst`, `steward`). */
  readonly role: string;
  /** Authorisation id for breakdowns by special data (e.g. `PC-VERBLIJFSSTATUUT`). */
  readonly authorisation?: string;
  /** Who runs it (user name), written to the audit log. */
  readonly actor: string;
  readonly now: () => Date;
}

export interface ProtectedRun {
  readonly protected: ProtectedResultSet;
  /** Special dimensions left out because the role or authorisation does not allow them. */
  readonly omitted: readonly string[];
}

/**
 * Compute → authorise → protect. Breakdowns by special data stay in only when the role may see them
 * (an analyst with an authorisation, or the steward); each such use is written to the audit log
 * before any number leaves this function. Explicitly requested special breakdowns that are not
 * allowed fail with a clear message instead of being dropped.
 */
export async function computeProtected(
  engine: Engine,
  plan: Plan,
  options: ComputeOptions & { readonly explicit?: readonly string[] },
  who: AccessContext,
  action: string,
  output?: string,
): Promise<ProtectedRun> {
  const special = specialDimensions(plan);
  const today = who.now().toISOString().slice(0, 10);
  const results = options.results?.length
    ? [...options.results]
    : [...plan.results.map((r) => r.id), ...plan.series.map((s) => s.id)];
  if (options.explicit?.length)
    // Throws (and logs nothing) when a requested special breakdown is not allowed.
    authorise(
      { results, dimensions: options.explicit, specialDimensions: special, asOf: today },
      who.access,
      who.role,
      who.authorisation,
    );
  const rs = await compute(engine, plan, options);
  // Public outputs only on declared release dates (config/access.yaml, publicReleases).
  assertReleaseDate(rs.asOf, who.access.roles[who.role]!.audience, who.access);
  const used = [...new Set(rs.cells.flatMap((c) => Object.keys(c.breakdown)))].filter((d) =>
    special.includes(d),
  );
  let allowed: readonly string[] = [];
  try {
    const decision = await authoriseAndAudit(
      engine,
      { results, dimensions: used, specialDimensions: special, asOf: today },
      who.access,
      who.role,
      who.authorisation,
      { actor: who.actor, action, now: who.now, ...(output ? { output } : {}) },
    );
    allowed = decision.special;
  } catch (e) {
    if (options.explicit?.some((d) => special.includes(d))) throw e;
    // Standard breakdowns by special data the role may not see: leave them out, say so.
  }
  const omitted = used.filter((d) => !allowed.includes(d));
  const role = who.access.roles[who.role]!;
  const audience: Audience = role.audience;
  return {
    protected: protect(
      // Every cell takes part in choosing the pattern; omitted breakdowns are left out of the output.
      rs,
      {
        omitDimensions: omitted,
        audience,
        thresholds: who.access.thresholds[audience],
        specialDimensions: special,
        nonPersonal: nonPersonalIndicators(plan.indicators),
      },
    ),
    omitted,
  };
}

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
  const asOf = opts.asOf ?? (await latestDate(engine));
  if (!asOf) throw new Error('the store holds no data');
  const { protected: prs, omitted } = await computeProtected(
    engine,
    plan,
    { asOf, grains: ['year', 'quarter'], ...(opts.progress ? { progress: opts.progress } : {}) },
    who,
    'report',
    opts.output,
  );
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
      extraFiles: [
        { name: 'results.json', data: JSON.stringify({ ...prs, findings }, null, 1) + '\n' },
      ],
      onFile: (name, ms) => (files[name] = Math.round(ms)),
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
