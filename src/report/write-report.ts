import type { Finding, PreviousReport } from '../narrate/index.js';
import type { Plan } from '../plan/index.js';
import type { Audience, ProtectedResultSet, ProtectionLoss } from '../protect/index.js';
import { IdwError, sha256, stableStringify, type Lang } from '../shared/index.js';
import { reportMessages } from './messages.js';
import { buildReport } from './build-report.js';
import { renderDocx } from './docx-renderer.js';
import { renderHtml } from './html-renderer.js';
import { renderCharts, type ChartImage } from './render-charts.js';
import { inThread, startWorker } from './render-pool.js';

export const FORMATS = ['html', 'pdf', 'docx', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

/** The files in the order they are written and listed in the manifest. */
const OUTPUT_ORDER = [
  'quarterly-report.html',
  'quarterly-report.pdf',
  'quarterly-report.docx',
  'quarterly-report.xlsx',
  'overview.docx',
  'overview.xlsx',
] as const;

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
  /** The audit log's head when the report was made (recorded in the manifest). */
  readonly audit?: { readonly entries: number; readonly head: string | null };
  /** Further files to write and list in the manifest (e.g. the protected results as JSON). */
  readonly extraFiles?: readonly { readonly name: string; readonly data: string | Uint8Array }[];
  /**
   * Called after each file with its name and the milliseconds its renderer took (on whichever thread
   * made it) plus writing it.
   */
  readonly onFile?: (name: string, ms: number) => void;
  /**
   * Render the PDF on a worker thread while this thread renders the charts, HTML, Word documents
   * and workbooks (default true). The files are byte-identical either way.
   */
  readonly parallel?: boolean;
  /** An earlier report's `results.json`: the first page lists the headline figures changed since. */
  readonly previous?: PreviousReport;
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
  /** The audit log's head (entries, newest hash) when the report was made. */
  readonly audit?: { readonly entries: number; readonly head: string | null };
  /** What disclosure control cost this output: cells and persons suppressed, by reason. */
  readonly loss?: ProtectionLoss;
}

/**
 * Builds the quarterly report and the per-objective overview once, renders every requested format
 * (the PDF on a worker thread, see `parallel`), and writes them plus
 * `manifest.json`. Same input → byte-identical files.
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
  const files: ManifestFile[] = [];
  const emit = async (f: { name: string; data: Uint8Array | string; ms: number }) => {
    const t0 = performance.now();
    await writeFile(f.name, f.data);
    const bytes = typeof f.data === 'string' ? Buffer.byteLength(f.data) : f.data.length;
    files.push({ name: f.name, bytes, sha256: sha256(f.data) });
    opts.onFile?.(f.name, f.ms + performance.now() - t0);
  };
  // The PDF, the slowest format, renders on a worker thread started now, so that it has loaded
  // its modules by the time the charts it needs are ready.
  const renderer = opts.parallel !== false && formats.has('pdf') ? startWorker() : inThread;
  try {
    for (const f of opts.extraFiles ?? []) await emit({ ...f, ms: 0 });
    const base = { lang: opts.lang, audience: opts.audience, asOf: opts.asOf };
    const quarterly = buildReport(plan, prs, findings, {
      ...base,
      kind: 'quarterly',
      ...(opts.previous ? { previous: opts.previous } : {}),
    });
    // Both models' Data rows come from the same visible cells: share them, so the workbooks build
    // them once.
    const overview = {
      ...buildReport(plan, prs, findings, { ...base, kind: 'overview' }),
      data: quarterly.data,
    };
    const needCharts = formats.has('html') || formats.has('pdf') || formats.has('docx');
    const charts = needCharts ? await renderCharts(quarterly) : new Map<string, ChartImage>();
    // The PDF does not print the Data rows: leave them out of the message to the worker.
    const pdf = formats.has('pdf')
      ? renderer.run({
          kind: 'pdf',
          name: 'quarterly-report.pdf',
          model: { ...quarterly, data: [] },
          charts,
        })
      : undefined;
    pdf?.catch(() => {}); // awaited below; this keeps a failure before then from going unhandled
    const here = async (name: string, make: () => Promise<Uint8Array | string>) => {
      const t0 = performance.now();
      return { name, data: await make(), ms: performance.now() - t0 };
    };
    const html = formats.has('html')
      ? await here('quarterly-report.html', async () => renderHtml(quarterly, charts))
      : undefined;
    const docx = formats.has('docx')
      ? await here('quarterly-report.docx', () => renderDocx(quarterly, charts))
      : undefined;
    const overviewDocx = formats.has('docx')
      ? await here('overview.docx', () => renderDocx(overview, charts))
      : undefined;
    const xlsxFiles = formats.has('xlsx')
      ? await inThread.run({
          kind: 'xlsx',
          files: [
            { name: 'quarterly-report.xlsx', model: quarterly },
            { name: 'overview.xlsx', model: overview },
          ],
        })
      : undefined;
    const pdfFiles = await pdf;
    // Files in a fixed order, whichever thread finished first: the manifest is the same every run.
    const byName = new Map(
      [html, ...(pdfFiles ?? []), docx, ...(xlsxFiles ?? []), overviewDocx].flatMap((f) =>
        f ? [[f.name, f] as const] : [],
      ),
    );
    for (const name of OUTPUT_ORDER) {
      const f = byName.get(name);
      if (f) await emit(f);
    }
  } finally {
    await renderer.close();
  }
  const manifest: Manifest = {
    plan: prs.plan,
    snapshot: prs.snapshot,
    synthetic: prs.synthetic,
    software: { name: 'idw-monitor', version: opts.version },
    asOf: opts.asOf,
    audience: opts.audience,
    lang: opts.lang,
    files,
    ...(opts.audit ? { audit: opts.audit } : {}),
    ...(prs.protection?.loss ? { loss: prs.protection.loss } : {}),
  };
  await writeFile(
    'manifest.json',
    JSON.stringify(JSON.parse(stableStringify(manifest)), null, 2) + '\n',
  );
  return manifest;
}
