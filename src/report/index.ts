// Public surface of `report`: protected results + findings → one report model → HTML, PDF, DOCX, XLSX, manifest.
export { buildReport, visibleCells, type ReportOptions } from './build-report.js';
export type {
  ReportModel,
  ReportKind,
  Block,
  ModelTable,
  ModelCell,
  ModelChart,
  ModelSheet,
  DataRow,
  NumberKind,
} from './model.js';
export { chartSpec, OKABE_ITO, type ChartInput, type ChartPoint } from './chart-spec.js';
export { renderChart, renderCharts, type ChartImage } from './render-charts.js';
export { renderHtml } from './html-renderer.js';
export { renderPdf } from './pdf-renderer.js';
export { renderDocx } from './docx-renderer.js';
export { renderXlsx, NUMBER_FORMATS } from './xlsx-renderer.js';
export {
  writeReport,
  FORMATS,
  type Format,
  type Manifest,
  type ManifestFile,
  type WriteFile,
  type WriteReportOptions,
} from './write-report.js';
export { parseReportInput, ReportInputSchema, type ReportInput } from './report-input.js';
export { readPreviousReport } from './previous-report.js';
export { reportMessages } from './messages.js';
/** Hand-made protected result set over the whole IDW plan, for tests and benchmarks (not real figures). */
export { fixtureResultSet, fixtureFindings, NODW_HOURS } from './test-fixture.js';
