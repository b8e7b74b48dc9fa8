import type { ProtectedCell } from '../protect/index.js';
import { defaultDecimals, isRateUnit, roundHalfAway } from '../shared/index.js';
import type { Direction } from './claims.js';
import type { NoteReason } from './phrases.js';
import type { Rules } from './rules.js';

/**
 * A cell whose value may be stated and compared: computed, observable, shown, not null, and of a
 * complete period (a year or quarter cut short by the cut-off date carries `through`).
 */
export type UsableCell = ProtectedCell & { readonly value: number };

export function isUsable(c: ProtectedCell): c is UsableCell {
  return (
    c.status === 'ok' &&
    c.disclosure === 'shown' &&
    c.through === undefined &&
    typeof c.value === 'number' &&
    Number.isFinite(c.value)
  );
}

/** Why a cell may not be stated or compared (`null` when it is usable). */
export function noteReason(c: ProtectedCell): NoteReason | null {
  if (isUsable(c)) return null;
  if (c.status !== 'ok') return c.status;
  if (c.disclosure === 'suppressed') return 'suppressed';
  return c.through !== undefined ? 'incomplete' : 'no-data';
}

/** Direction of `from → to`: "stable" below the rules' threshold (points for rates, relative otherwise). */
export function directionOf(
  from: number,
  to: number,
  unit: string,
  stable: Rules['stable'],
): Direction {
  const d = to - from;
  if (isRateUnit(unit)) {
    if (Math.abs(d) < stable.points) return 'stable';
  } else if (from !== 0) {
    if (Math.abs(d) / Math.abs(from) < stable.relative) return 'stable';
  } else if (d === 0) return 'stable';
  return d > 0 ? 'increase' : 'decrease';
}

/** Relative change, only for non-rates with a positive base. */
export function relativeChange(from: number, to: number, unit: string): number | null {
  return !isRateUnit(unit) && from > 0 ? (to - from) / from : null;
}

/** The number as shown with `decimals` (percent scale for rates). */
export function shown(v: number, unit: string, decimals: number): number {
  return roundHalfAway(isRateUnit(unit) ? v * 100 : v, decimals);
}

const sign = (x: number): number => (x > 0 ? 1 : x < 0 ? -1 : 0);

/** True when, at `decimals`, every ordered pair keeps its order and every nonzero size stays nonzero. */
export function keepsOrder(
  unit: string,
  decimals: number,
  ordered: readonly (readonly [number, number])[],
  sizes: readonly number[],
): boolean {
  return (
    ordered.every(
      ([a, b]) => sign(shown(b, unit, decimals) - shown(a, unit, decimals)) === sign(b - a),
    ) && sizes.every((s) => s === 0 || shown(Math.abs(s), unit, decimals) !== 0)
  );
}

/**
 * The fewest decimals (from the tables' default, at most 4 more) at which rounding keeps every stated
 * comparison: rounded values never show "no change" or the opposite of what the sentence says.
 */
export function decimalsFor(
  unit: string,
  ordered: readonly (readonly [number, number])[],
  sizes: readonly number[],
): number {
  const base = defaultDecimals(unit);
  for (let d = base; d < base + 4; d++) if (keepsOrder(unit, d, ordered, sizes)) return d;
  return base + 4;
}
