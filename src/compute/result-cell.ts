import { z } from 'zod';

/** Status of a computed cell. */
export const CELL_STATUS = ['ok', 'censored', 'not-defined', 'to-explore', 'no-data'] as const;
export type CellStatus = (typeof CELL_STATUS)[number];

/**
 * How a cell's value was obtained: `crude` (counted, every member observed), `kaplan-meier`,
 * `aalen-johansen` (cumulative incidence of a first job, other exits competing),
 * `multistate-aalen-johansen` (state-occupation probability: at work on the horizon day),
 * `landmark-aalen-johansen` (at work on the horizon day and k months later). docs/statistics.md.
 */
export const ESTIMATORS = [
  'crude',
  'kaplan-meier',
  'aalen-johansen',
  'multistate-aalen-johansen',
  'landmark-aalen-johansen',
] as const;
export type Estimator = (typeof ESTIMATORS)[number];

/** The name of each estimator for readers, Dutch and English (legends, notes, `idw explain`). */
export const ESTIMATOR_LABEL: Record<Estimator, { readonly nl: string; readonly en: string }> = {
  crude: { nl: 'ruw cijfer (geteld, geen schatting)', en: 'crude figure (counted, no estimate)' },
  'kaplan-meier': { nl: 'Kaplan–Meier', en: 'Kaplan–Meier' },
  'aalen-johansen': {
    nl: 'Aalen–Johansen (cumulatieve incidentie van een eerste job)',
    en: 'Aalen–Johansen (cumulative incidence of a first job)',
  },
  'multistate-aalen-johansen': {
    nl: 'Aalen–Johansen in een model met toestanden (aan het werk of niet, heen en terug)',
    en: 'multi-state Aalen–Johansen (at work or not, both ways)',
  },
  'landmark-aalen-johansen': {
    nl: 'Aalen–Johansen aan het werk op de horizon, maal aan het werk k maanden later (vanaf de horizon)',
    en: 'Aalen–Johansen at work on the horizon, times at work k months later (landmark)',
  },
};

/**
 * One number of the plan's results: the plain data that flows from compute to protect, narrate and
 * render. Documented for programs by `docs/result-cell.schema.json`.
 */
export const ResultCellSchema = z
  .object({
    /** Measurable result (`SD1.B`) or series id (`NODW-IBOT`). */
    result: z.string(),
    /** Indicator id from the plan file. */
    indicator: z.string(),
    /** What the value measures where an indicator yields several: `value` (default), `median`, `p25`, `hours`, … */
    measure: z.string().default('value'),
    /** `2016`, `2016-Q3` or `2016-07`; for cohort kinds the cohort's inflow period. */
    period: z.string(),
    /** Cohort (inflow period) for cohort-based kinds. */
    cohort: z.string().optional(),
    /** Horizon in months for cohort-outflow and flow. */
    horizon: z.number().int().optional(),
    /** Variant: `at-work`, `found-work`, `durable`; `km` or `finished-only` for durations. */
    variant: z.string().optional(),
    /** Breakdown: dimension → code; `{}` is the total. */
    breakdown: z.record(z.string(), z.string()),
    value: z.number().nullable(),
    numerator: z.number().nullable().optional(),
    denominator: z.number().nullable().optional(),
    /** Number of units (persons, rows) behind the value. */
    n: z.number().nullable().optional(),
    ci_low: z.number().nullable().optional(),
    ci_high: z.number().nullable().optional(),
    /** How the value was obtained (cohort outflow and durations); see `ESTIMATORS`. */
    estimator: z.enum(ESTIMATORS).optional(),
    /** Censored cells: members still followed at the horizon (the estimate rests on them). */
    at_risk: z.number().int().nonnegative().nullable().optional(),
    /**
     * Durations: members whose milestone lies before the previous one (a data fault), counted and
     * left out of the quantiles; see docs/statistics.md.
     */
    negative: z.number().int().nonnegative().optional(),
    unit: z.string(),
    status: z.enum(CELL_STATUS),
    /** Last day observed when the cut-off date falls inside the period (the period is incomplete). */
    through: z.string().optional(),
    /** Where a manual value comes from. */
    source: z.string().optional(),
    /** Id of the provenance record: definition hash + SQL hash + data snapshot. */
    provenance: z.string(),
  })
  .strict();
export type ResultCell = z.infer<typeof ResultCellSchema>;

/** Where a cell comes from: one definition, one query, one snapshot. */
export const ProvenanceSchema = z.object({
  id: z.string(),
  indicator: z.string(),
  definitionHash: z.string(),
  sql: z.string(),
  sqlHash: z.string(),
  snapshot: z.string(),
  asOf: z.string(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** The output of compute: cells plus the provenance records they point to. */
export interface ResultSet {
  readonly plan: { readonly id: string; readonly hash: string };
  readonly asOf: string;
  readonly snapshot: string;
  readonly synthetic: boolean;
  readonly cells: readonly ResultCell[];
  readonly provenance: readonly Provenance[];
}

type TableFields = 'result' | 'indicator' | 'measure' | 'period' | 'cohort' | 'horizon' | 'variant';

/** Key of the table a cell belongs to: everything that identifies it but the breakdown. */
export function tableKey(c: Pick<ResultCell, TableFields>): string {
  return [
    c.result,
    c.indicator,
    c.measure,
    c.period,
    c.cohort ?? '',
    c.horizon ?? '',
    c.variant ?? '',
  ].join('|');
}

/** Signature of a breakdown: sorted `dim=code` pairs joined by commas (`''` for the total). */
export function breakdownSig(b: Readonly<Record<string, string>>): string {
  return Object.keys(b)
    .sort()
    .map((k) => `${k}=${b[k]}`)
    .join(',');
}

/** Stable identity of a cell: the same number gets the same key in every output. */
export function cellKey(c: Pick<ResultCell, TableFields | 'breakdown'>): string {
  return `${tableKey(c)}|${breakdownSig(c.breakdown)}`;
}
