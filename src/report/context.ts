import type { Finding, TargetVerdict } from '../narrate/index.js';
import type { Indicator, Plan } from '../plan/index.js';
import type { Audience, ProtectedCell } from '../protect/index.js';
import type { Lang } from '../shared/index.js';
import type { DimensionWords } from './dimension-words.js';
import type { ReportKind } from './model.js';

/** Everything a section builder reads; built once per report. */
export interface BuildContext {
  readonly plan: Plan;
  readonly lang: Lang;
  readonly audience: Audience;
  readonly kind: ReportKind;
  readonly asOf: string;
  /** The cells come from synthetic data: every chart's source line says so. */
  readonly synthetic: boolean;
  readonly indicators: ReadonlyMap<string, Indicator>;
  readonly cellsByResult: ReadonlyMap<string, readonly ProtectedCell[]>;
  readonly findingsByResult: ReadonlyMap<string, readonly Finding[]>;
  /** The one verdict per target (`judgeTargets`), by result. */
  readonly verdicts: ReadonlyMap<string, readonly TargetVerdict[]>;
  /** Labels and order of breakdown dimensions and their codes. */
  readonly words: DimensionWords;
}

export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}
