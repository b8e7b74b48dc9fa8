import type { ResultCell } from '../compute/index.js';
import type { Thresholds } from './access.js';

/**
 * Publication rule for estimates of cohorts still being followed (docs/privacy.md): an estimate
 * resting on fewer than `statisticN` members still followed at the horizon (`at_risk`) is not
 * shown, whatever the cohort's size: its value, interval and at-risk count would describe those
 * few persons.
 */
export function fewAtRisk(
  c: Partial<Pick<ResultCell, 'status' | 'at_risk'>>,
  th: Thresholds,
): boolean {
  return (
    c.status === 'censored' &&
    c.at_risk !== undefined &&
    c.at_risk !== null &&
    c.at_risk < th.statisticN
  );
}
