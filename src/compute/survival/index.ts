// Public surface of the survival statistics: Kaplan–Meier, its quantiles, and Aalen–Johansen
// cumulative incidence for competing risks. Pure functions on arrays, no I/O.
export { Z95, kmInterval, cifInterval, type KmConfType, type Interval } from './confidence.js';
export {
  kaplanMeier,
  kaplanMeierCounts,
  kmAt,
  type KmFit,
  type KmOptions,
  type KmPoint,
} from './kaplan-meier.js';
export { kmQuantiles, QUANTILE_TOLERANCE, type KmQuantile } from './km-quantiles.js';
export { empiricalQuantiles } from './empirical-quantiles.js';
export {
  aalenJohansen,
  aalenJohansenCounts,
  cifAt,
  type AjFit,
  type AjOptions,
  type CifCurve,
  type CifPoint,
} from './aalen-johansen.js';
export { multiStateAJ, type MsOptions, type MsPaths, type MsPoint } from './multi-state.js';
export { survivalMessages } from './messages.js';
export type { NumericInput } from './risk-table.js';
