import type { ResultCell, ResultSet } from '../compute/index.js';

/** Who an output is for. `steward` outputs are never published. */
export type Audience = 'public' | 'board' | 'steward';

/** Why a value is not shown. */
export type DisclosureReason =
  | 'primary-count' // a count, numerator or denominator below the threshold
  | 'primary-denominator' // a rate whose denominator is below the rate threshold
  | 'secondary' // could otherwise be recomputed from other published cells
  | 'not-observable'; // censored / no data: nothing to show

/**
 * A result cell after disclosure control. When `disclosure` is `suppressed`, every number
 * (value, numerator, denominator, n, ci_low, ci_high) is null.
 */
export interface ProtectedCell extends ResultCell {
  readonly disclosure: 'shown' | 'suppressed';
  readonly reason?: DisclosureReason;
  /** Symbol printed instead of the value: `x` confidential, `.` not observable (see docs/privacy.md). */
  readonly symbol?: string;
  /** `false` when the indicator counts no person (plan + data contract): no count threshold. */
  readonly personal?: boolean;
}

export interface ProtectedResultSet extends Omit<ResultSet, 'cells'> {
  readonly audience: Audience;
  readonly cells: readonly ProtectedCell[];
  /** How the set was protected: thresholds and counts (optional; written by `protect`). */
  readonly protection?: ProtectionSummary;
}

/** What `protect` did to a result set. */
export interface ProtectionSummary {
  readonly thresholds: {
    readonly count: number;
    readonly rateDenominator: number;
    readonly statisticN: number;
    readonly suppressZero: boolean;
  };
  /** Cells left out (special breakdowns for the public). */
  readonly dropped: number;
  readonly primary: number;
  readonly secondary: number;
  /** Cells that could not be protected (always empty unless something is wrong). */
  readonly unresolved: readonly string[];
  /** Cells and persons suppressed in this output, by reason. */
  readonly loss?: ProtectionLoss;
}

/** Cells and persons suppressed, by reason (persons: counts, denominators or n of the cells). */
export interface ProtectionLoss {
  readonly primary: { readonly cells: number; readonly persons: number };
  readonly secondary: { readonly cells: number; readonly persons: number };
}
