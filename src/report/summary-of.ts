import type { ModelTable, ReportModel } from './model.js';

/** The summary table of a quarterly report, if it has one. */
export function summaryOf(model: ReportModel): ModelTable | undefined {
  for (const b of model.blocks) if (b.type === 'table' && b.table.id === 'summary') return b.table;
  return undefined;
}
