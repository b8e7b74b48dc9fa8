// Public surface of `compute`: plan + store → result cells with provenance.
export {
  ResultCellSchema,
  ProvenanceSchema,
  CELL_STATUS,
  ESTIMATORS,
  ESTIMATOR_LABEL,
  type Estimator,
  type ResultCell,
  type CellStatus,
  type Provenance,
  type ResultSet,
  cellKey,
  tableKey,
  breakdownSig,
} from './result-cell.js';
export { compute, latestDate, buildQueryPlan, type ComputeOptions } from './compute.js';
export { explain, type Explanation } from './explain.js';
export { specialDimensions, resolveDimensions, type ResolvedDimension } from './model.js';
export type { QueryPlan, SqlStatement } from './ir.js';
export { periodSeries, type Period } from './periods.js';
export { dialectFor, type Dialect, type Grain } from './sql/index.js';
export { computeMessages } from './messages.js';
export { resultCellJsonSchema } from './json-schema.js';
