// Public surface of `ingest`: import source files into the store (validated, pseudonymised, nothing lost).
export {
  importFiles,
  importExitCode,
  importFileAccess,
  type ImportOptions,
} from './import-files.js';
export {
  loadKey,
  pseudonymise,
  pseudonymSql,
  keyFingerprint,
  type PseudonymKey,
} from './pseudonym.js';
export { isValidNrn, normaliseNrn } from './nrn.js';
export { importMessages } from './messages.js';
export { listQuarantine, type QuarantineEntry, type QuarantineList } from './quarantine-list.js';
export type { ImportSummary, FileReport, FileOutcome, TableTotals } from './types.js';
