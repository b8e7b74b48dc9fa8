import type { Finding } from '../narrate/index.js';
import type { Plan } from '../plan/index.js';
import type { Audience, ProtectedResultSet } from '../protect/index.js';
import { IdwError, sha256, stableStringify, type Lang } from '../shared/index.js';
import { reportMessages } from './messages.js';
import { buildReport } from './build-report.js';
import { renderDocx } from './docx-renderer.js';
import { renderHtml } from './html-renderer.js';
import { renderPdf } from './pdf-renderer.js';
import { renderCharts } from './render-charts.js';
import { renderXlsx } from './xlsx-renderer.js';

export const FORMATS = ['html', 'pdf', 'docx', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

/** Options of `writeReport`. */
export interface WriteReportOptions {
  readonly lang: Lang;
  readonly audience: Audience;
  /** Cut-off date `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Formats to write (default all four); the overview is written in docx and xlsx only. */
  readonly formats?: readonly Format[];
  /** Software version recorded in the manifest. */
  readonly version: string;
  /** Further files to write and list in the manifest (e.g. the protected results as JSON). */
  readonly extraFiles?: readonly { readonly name: string; readonly data: string | Uint8Array }[];
  /** Called after each file with its name and the milliseconds it took. */
  readonly onFile?: (name: string, ms: number) => void;
}

/** Writes one output file (the effect is passed in, so the core never touches the disk). */
export type WriteFile = (name: string, data: Uint8Array | string) => Promise<void>;

export interface ManifestFile {
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
}
/** What was produced from what: enough to reproduce and to check every file. */
export interface Manifest {
  readonly plan: { readonly id: string; readonly hash: string };
  readonly snapshot: string;
  readonly synthetic: boolean;
  readonly software: { readonly name: string; readonly version: string };
  readonly asOf: string;
  readonly audience: Audience;
  readonly lang: Lang;
  readonly files: readonly ManifestFile[];
}

/**
 * Builds the quarterly report and the per-objective overview once, renders every requested format,
 * and writes them plus `manifest.json`. Same input → byte-identical files.
 */
export async function writeReport(
  plan: Plan,
  prs: ProtectedResultSet,
  findings: readonly Finding[],
  opts: WriteReportOptions,
  writeFile: WriteFile,
): Promise<Manifest> {
  if (prs.audience !== opts.audience)
    throw IdwError.single(
      'REPORT_AUDIENCE_MISMATCH',
      reportMessages.REPORT_AUDIENCE_MISMATCH(opts.audience, prs.audience),
    );
  const formats = new Set(opts.formats ?? FORMATS);
  const base = { lang: opts.lang, audience: opts.audience, asOf: opts.asOf };
  const quarterly = buildReport(plan, prs, findings, { ...base, kind: 'quarterly' });
  const overview = buildReport(plan, prs, findings, { ...base, kind: 'overview' });
  const files: ManifestFile[] = [];
  const emit = async (name: string, make: () => Promise<Uint8Array | string>) => {
    const t0 = performance.now();
    const data = await make();
    await writeFile(name, data);
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    files.push({ name, bytes, sha256: sha256(data) });
    opts.onFile?.(name, performance.now() - t0);
  };
  for (const f of opts.extraFiles ?? []) await emit(f.name, async () => f.data);
  const needCharts = formats.has('html') || formats.has('pdf') || formats.has('docx');
  const charts = needCharts ? await renderCharts(quarterly) : new Map();
  if (formats.has('html'))
    await emit('quarterly-report.html', async () => renderHtml(quarterly, charts));
  if (formats.has('pdf')) await emit('quarterly-report.pdf', () => renderPdf(quarterly, charts));
  if (formats.has('docx')) await emit('quarterly-report.docx', () => renderDocx(quarterly, charts));
  if (formats.has('xlsx')) await emit('quarterly-report.xlsx', () => renderXlsx(quarterly));
  if (formats.has('docx')) await emit('overview.docx', () => renderDocx(overview, charts));
  if (formats.has('xlsx')) await emit('overview.xlsx', () => renderXlsx(overview));
  const manifest: Manifest = {
    plan: prs.plan,
    snapshot: prs.snapshot,
    synthetic: prs.synthetic,
    software: { name: 'idw-monitor', version: opts.version },
    asOf: opts.asOf,
    audience: opts.audience,
    lang: opts.lang,
    files,
  };
  await writeFile(
    'manifest.json',
    JSON.stringify(JSON.parse(stableStringify(manifest)), null, 2) + '\n',
  );
  return manifest;
}
