// Public surface of `protect`: authorisation, disclosure control and audit between compute and every renderer.
export type * from './types.js';
export {
  AccessSchema,
  ThresholdsSchema,
  DEFAULT_THRESHOLDS,
  parseAccess,
  loadAccess,
  type Access,
  type Authorisation,
  type Thresholds,
} from './access.js';
export { authoriseAndAudit, type AuditContext } from './guard.js';
export { authorise, resolveRole, type AccessRequest, type AccessDecision } from './authorise.js';
export {
  appendAudit,
  readAudit,
  verifyAudit,
  assertAuditIntact,
  auditHash,
  auditHead,
  GENESIS_HASH,
  type AuditEntry,
  type AuditHead,
  type AuditRecord,
} from './audit-log.js';
export { DEMO_AUDIT_KEY, loadAuditKey, type AuditKey } from './audit-key.js';
export { protect, type ProtectOptions } from './protect.js';
export { isPublicReleaseDate, assertReleaseDate } from './release-date.js';
export { releaseKey, isProvisional } from './release-key.js';
export { primaryReason } from './primary.js';
export { SYMBOL, symbolLegend } from './symbols.js';
export {
  DATA_COLUMNS,
  toDataRows,
  fromDataRows,
  formatBreakdown,
  parseBreakdown,
  type DataRow,
  type DataRowCell,
} from './data-rows.js';
export { readOutput, fromJson, type PublishedOutput } from './read-output.js';
export { checkDisclosure, type DisclosureReport } from './check-disclosure.js';
export { IDENTIFYING_COLUMNS, SPECIAL_COLUMNS, scanJson } from './personal-data.js';
export { protectMessages } from './messages.js';
