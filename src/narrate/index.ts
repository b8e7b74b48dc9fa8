// Public surface of `narrate`: findings in Dutch and English generated from protected cells, with checked arithmetic.
export type * from './types.js';
export { narrate, type NarrateOptions } from './narrate.js';
export { checkFinding, type CheckOptions } from './check-finding.js';
export { RulesSchema, parseRules, defaultRules, FINDING_TYPES, type Rules } from './rules.js';
export { ClaimSchema, type Claim, type Direction } from './claims.js';
export { phrasesNl } from './phrases-nl.js';
export { phrasesEn } from './phrases-en.js';
export type { Phrases } from './phrases.js';
export { narrateMessages } from './messages.js';
export {
  judgeTarget,
  judgeTargets,
  type TargetStatus,
  type TargetVerdict,
} from './judge-targets.js';
export {
  resolveSelector,
  matches,
  isComplete,
  isEstimate,
  type CellSelector,
} from './select-cell.js';
export { boardSummary, type BoardParagraph } from './board-summary.js';
export { pickHeadline, yearEarlier, type HeadlineCells } from './headline.js';
export {
  changesSince,
  PreviousReportSchema,
  type PreviousReport,
  type CurrentReport,
  type HeadlineChange,
} from './changes-since.js';
