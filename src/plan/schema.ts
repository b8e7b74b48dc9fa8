import { z } from 'zod';

/** Ids: strategic `SD1`, tactical `TD1.1`, results `SD1.B` / `TD4.4.A`, series and indicators free. */
export const STRATEGIC_ID = /^SD\d+$/;
export const TACTICAL_ID = /^TD\d+\.\d+$/;
export const RESULT_ID = /^(SD\d+|TD\d+\.\d+)\.[A-Z]$/;

export const Text = z.object({ nl: z.string().min(1), en: z.string().min(1) }).strict();
export type Text = z.infer<typeof Text>;

/** Indicator kinds the engine knows. */
export const INDICATOR_KINDS = [
  'count',
  'sum',
  'share',
  'cohort-outflow',
  'duration',
  'flow',
  'manual',
] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/**
 * An indicator definition. The kind-specific fields are validated by the indicator schemas of the
 * compute stage's documentation (`docs/indicators.md`); here: id, kind, words.
 */
export const IndicatorSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case id with dashes'),
    kind: z.enum(INDICATOR_KINDS),
    title: Text,
    /** The definition in plain words, shown in every report. */
    definition: Text,
    unit: z.string().default('count'),
  })
  .passthrough();
export type Indicator = z.infer<typeof IndicatorSchema>;

export const TargetSchema = z
  .object({
    value: z.number(),
    period: z.string(),
    direction: z.enum(['at-least', 'at-most', 'increase', 'decrease']),
    source: z.string().optional(),
  })
  .strict();

/** Why a result has (or has no) indicator. */
export const RESULT_STATUS = ['defined', 'manual', 'undefined', 'to-explore'] as const;

export const ObjectiveSchema = z
  .object({
    id: z.string(),
    level: z.enum(['strategic', 'tactical']),
    /** Strategic objective a tactical one belongs to. */
    parent: z.string().optional(),
    text: Text,
    short: Text,
    notes: z.array(z.string()).default([]),
  })
  .strict();
export type Objective = z.infer<typeof ObjectiveSchema>;

export const ResultSchema = z
  .object({
    id: z.string().regex(RESULT_ID, 'result id like SD1.B or TD4.4.A'),
    objective: z.string(),
    text: Text,
    short: Text,
    status: z.enum(RESULT_STATUS),
    /** Indicator ids computing this result (several where the plan packs several things in one). */
    indicators: z.array(z.string()).default([]),
    /** Why there is no indicator (for `undefined` and `to-explore`). */
    reason: Text.optional(),
    targets: z.array(TargetSchema).default([]),
    notes: z.array(z.string()).default([]),
  })
  .strict();
export type Result = z.infer<typeof ResultSchema>;

/** A series outside the plan's table (e.g. asked in a parliamentary question). */
export const SeriesSchema = z
  .object({
    id: z.string(),
    text: Text,
    short: Text,
    origin: z.enum(['plan', 'question']),
    source: z.string(),
    indicators: z.array(z.string()).min(1),
    notes: z.array(z.string()).default([]),
  })
  .strict();
export type Series = z.infer<typeof SeriesSchema>;

export const PlanSchema = z
  .object({
    plan: z
      .object({
        id: z.string(),
        title: Text,
        organisation: z.string(),
        period: z.object({ from: z.string(), to: z.string() }).strict(),
        source: z.string(),
      })
      .strict(),
    objectives: z.array(ObjectiveSchema).min(1),
    results: z.array(ResultSchema),
    series: z.array(SeriesSchema).default([]),
    /** Named populations (target groups) and dimensions used by indicators; see docs/indicators.md. */
    populations: z.record(z.string(), z.unknown()).default({}),
    dimensions: z.record(z.string(), z.unknown()).default({}),
    indicators: z.array(IndicatorSchema).default([]),
  })
  .strict();
export type Plan = z.infer<typeof PlanSchema>;
