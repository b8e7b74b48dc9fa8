import type { ReportModel } from './model.js';
import type { ChartImage } from './render-charts.js';

/**
 * Work that can run on another thread: plain data in (models, rendered charts), files out. The
 * formats here need no chart rendering of their own (the PDF gets the charts as PNG).
 */
export type RenderJob =
  | {
      readonly kind: 'pdf';
      readonly name: string;
      readonly model: ReportModel;
      readonly charts: ReadonlyMap<string, ChartImage>;
    }
  | {
      readonly kind: 'xlsx';
      /** Workbooks whose models share one `data` array get its sheet rows built once. */
      readonly files: readonly { readonly name: string; readonly model: ReportModel }[];
    };

/** One rendered file and the milliseconds its renderer took. */
export interface RenderedFile {
  readonly name: string;
  readonly data: Uint8Array;
  readonly ms: number;
}

/**
 * Runs one job on the current thread. The renderers are loaded when first needed, so a worker that
 * only makes PDFs does not load exceljs.
 */
export async function runJob(job: RenderJob): Promise<RenderedFile[]> {
  if (job.kind === 'pdf') {
    const { renderPdf } = await import('./pdf-renderer.js');
    const t0 = performance.now();
    const data = await renderPdf(job.model, job.charts);
    return [{ name: job.name, data, ms: performance.now() - t0 }];
  }
  const { renderXlsx } = await import('./xlsx-renderer.js');
  const { dataSheetRows } = await import('./xlsx-data-sheet.js');
  const out: RenderedFile[] = [];
  const shared = new Map<unknown, Buffer>();
  for (const f of job.files) {
    const t0 = performance.now();
    let rows = shared.get(f.model.data);
    if (!rows) shared.set(f.model.data, (rows = dataSheetRows(f.model.data, f.model.dataColumns)));
    const data = await renderXlsx(f.model, rows);
    out.push({ name: f.name, data, ms: performance.now() - t0 });
  }
  return out;
}
