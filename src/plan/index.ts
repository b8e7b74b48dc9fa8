// Public surface of `plan`: the results framework as data (objectives → results → indicators).
export { loadPlan, parsePlan, validatePlan, type LoadedPlan } from './load-plan.js';
export { planTree, resultsInPlanOrder, type ObjectiveNode, type ResultNode } from './tree.js';
export {
  PlanSchema,
  IndicatorSchema,
  INDICATOR_KINDS,
  RESULT_STATUS,
  type Plan,
  type Objective,
  type Result,
  type Series,
  type Indicator,
  type Condition,
  type Population,
  type Dimension,
  OUTFLOW_VARIANTS,
  DURATION_SEGMENTS,
  type IndicatorKind,
  type Text,
  type Target,
  type Benchmark,
  type Headline,
  grainOf,
} from './schema.js';
export {
  PERSON_LEVEL_TABLES,
  personalByContract,
  isPersonal,
  nonPersonalIndicators,
} from './personal.js';
export { planMessages } from './messages.js';
