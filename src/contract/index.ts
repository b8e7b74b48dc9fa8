// Public surface of `contract`: the source-data tables every store holds and every import checks.
export { CONTRACT_TABLES, getTable, DATE_ORDER, DATE_MIN, DATE_MAX } from './tables.js';
export type { Table, Field, Sensitivity } from './field.js';
export * as codes from './codes.js';
export { CODE_LABELS, COMMON_CODE_LABELS, codeListOf, type CodeLabel } from './code-labels.js';
export { toDataPackage } from './frictionless.js';
export { toMarkdown } from './docs-markdown.js';
