// Public surface of `generate`: reproducible synthetic data for every contract table.
export {
  generate,
  DEMO_POPULATION,
  type GenerateOptions,
  type GenerateResult,
} from './generate.js';
export { COACHING_HOURS } from './small-tables.js';
export { generateMessages } from './messages.js';
