import type { ProtectedCell } from '../protect/index.js';

/** A shown cell for tests, with the defaults of a total in the `value` measure. */
export function cell(
  p: Partial<ProtectedCell> & Pick<ProtectedCell, 'period' | 'value'>,
): ProtectedCell {
  return {
    result: 'NODW-IBOT',
    indicator: 'coaching-hours',
    measure: 'value',
    breakdown: {},
    unit: 'hours',
    status: 'ok',
    provenance: 'test',
    disclosure: 'shown',
    ...p,
  };
}

/** The seed's NODW/IBO-T table 2014–2017 (answer to written question 473 of 10 April 2018). */
export const SEED_HOURS = {
  nodw: [7656, 5873, 4926, 3809],
  ibo_t: [2177, 2717, 2347, 4182],
  total: [9833, 8590, 7273, 7991],
} as const;

/** The seed's table as cells: totals and the two parts per year. */
export function seedCells(): ProtectedCell[] {
  return [2014, 2015, 2016, 2017].flatMap((year, i) => [
    cell({ period: String(year), value: SEED_HOURS.total[i]! }),
    cell({ period: String(year), value: SEED_HOURS.nodw[i]!, breakdown: { kind: 'nodw' } }),
    cell({ period: String(year), value: SEED_HOURS.ibo_t[i]!, breakdown: { kind: 'ibo_t' } }),
  ]);
}
