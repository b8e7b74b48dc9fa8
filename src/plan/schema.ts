import { z } from 'zod';
import { CONTRACT_TABLES, codes } from '../contract/index.js';
import { personalByContract } from './personal.js';

/** Ids: strategic `SD1`, tactical `TD1.1`, results `SD1.B` / `TD4.4.A`, series and indicators free. */
export const STRATEGIC_ID = /^SD\d+$/;
export const TACTICAL_ID = /^TD\d+\.\d+$/;
export const RESULT_ID = /^(SD\d+|TD\d+\.\d+)\.[A-Z]$/;

export const Text = z.object({ nl: z.string().min(1), en: z.string().min(1) }).strict();
export type Text = z.infer<typeof Text>;

/** A remark shown with a result: in both languages (`{ nl, en }`), or one string for both. */
const Note = z.union([z.string(), Text]);

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

/** `table.column` of the data contract: identifiers in SQL come only from here. */
const ColumnRef = z
  .string()
  .regex(/^[a-z_]+\.[a-z_]+$/, 'table.column')
  .refine((s) => {
    const [t, c] = s.split('.');
    return CONTRACT_TABLES.some((x) => x.name === t && x.fields.some((f) => f.name === c));
  }, 'not a column of the data contract');
const TableRef = z
  .string()
  .refine((s) => CONTRACT_TABLES.some((t) => t.name === s), 'not a table of the data contract');
const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/** A condition on a contract column or on a dimension's code; `any` / `all` combine conditions. */
export type Condition =
  | {
      column: string;
      equals?: string | number | boolean;
      in?: (string | number)[];
      not_null?: boolean;
    }
  | { dimension: string; in: string[] }
  | { any: Condition[] }
  | { all: Condition[] };
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z
      .object({
        column: ColumnRef,
        equals: Scalar.optional(),
        in: z
          .array(z.union([z.string(), z.number()]))
          .min(1)
          .optional(),
        not_null: z.boolean().optional(),
      })
      .strict()
      .refine((c) => [c.equals, c.in, c.not_null].filter((x) => x !== undefined).length === 1, {
        message: 'give exactly one of equals, in, not_null',
      }),
    z.object({ dimension: z.string(), in: z.array(z.string()).min(1) }).strict(),
    z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ all: z.array(ConditionSchema).min(1) }).strict(),
  ]),
);

/** A named population (target group): conditions that must all hold. */
export const PopulationSchema = z
  .object({ title: Text, definition: Text, where: z.array(ConditionSchema).min(1) })
  .strict();
export type Population = z.infer<typeof PopulationSchema>;

/** An age band: ages `from`..`to` inclusive (age = year of the anchor date − birth year). */
const AgeBand = z
  .object({ code: z.string(), from: z.number().int().optional(), to: z.number().int().optional() })
  .strict();

/** A breakdown dimension: a contract column, or age bands computed from `persons.birth_year`. */
export const DimensionSchema = z
  .object({
    title: Text,
    column: ColumnRef,
    /** Age bands (only with `persons.birth_year`). */
    age_bands: z.array(AgeBand).min(2).optional(),
  })
  .strict();
export type Dimension = z.infer<typeof DimensionSchema>;

/** Which date's residence status counts: at cohort entry (registration) or on the reference date. */
const ResidenceAt = z.enum(['entry', 'reference']);
const Breakdowns = z.array(z.array(z.string()).min(1).max(2)).default([]);

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case id with dashes'),
  title: Text,
  /** The definition in plain words, shown in every report. */
  definition: Text,
  unit: z.string().default('count'),
  /** Named population (see `populations`); default: everyone in the table. */
  population: z.string().optional(),
  /** Extra conditions, all of which must hold. */
  where: z.array(ConditionSchema).default([]),
  /** Standard breakdowns: lists of one or two dimension names; the total is always added. */
  breakdowns: Breakdowns,
  /** Dimensions present in every cell (the total is then per value of these), e.g. a metric. */
  fixed: z.array(z.string()).default([]),
  /** Residence status at cohort entry / event date (`entry`, default) or on the reference date. */
  residence_at: ResidenceAt.default('entry'),
  /**
   * Whether the numbers count persons or persons' events, so disclosure control protects them.
   * Derived from the data contract (person-level tables); `true` adds protection where the contract
   * cannot tell (events of persons without a person id), `false` is refused on person-level tables.
   */
  personal: z.boolean().optional(),
};

/** What a count or share counts: persons registered on the reference date, inflow, or events. */
const Counted = {
  of: z.enum(['stock', 'inflow', 'events']),
  /** Events: the table and its date column. */
  table: TableRef.optional(),
  date: z.string().optional(),
  /** Events: count distinct persons instead of rows. */
  distinct_persons: z.boolean().default(false),
};
const needsTable = (x: { of: string; table?: string; date?: string }) =>
  x.of !== 'events' || (x.table !== undefined && x.date !== undefined);
const tableMsg = { message: "'of: events' needs 'table' and 'date'", path: ['table'] };

export const CountIndicator = z
  .object({ ...common, kind: z.literal('count'), ...Counted })
  .strict()
  .refine(needsTable, tableMsg);
export const ShareIndicator = z
  .object({
    ...common,
    kind: z.literal('share'),
    ...Counted,
    /** Conditions defining the numerator among the counted units. */
    numerator: z.array(ConditionSchema).min(1),
  })
  .strict()
  .refine(needsTable, tableMsg);
export const SumIndicator = z
  .object({
    ...common,
    kind: z.literal('sum'),
    table: TableRef,
    /** Date column that places a row in a period. */
    date: z.string(),
    /** Numeric column summed. */
    measure: z.string(),
  })
  .strict();

export const OUTFLOW_VARIANTS = ['at-work', 'found-work', 'durable'] as const;
const OutflowVariant = z
  .object({
    type: z.enum(OUTFLOW_VARIANTS),
    /** found-work: minimum length of the job in days (default 1). */
    min_days: z.number().int().min(1).default(1),
    /** durable: still at work k months after the horizon (default 6). */
    k: z.number().int().min(1).default(6),
  })
  .strict();
const Horizons = z.array(z.number().int().min(1).max(120)).min(1);
export const CohortOutflowIndicator = z
  .object({
    ...common,
    kind: z.literal('cohort-outflow'),
    horizons: Horizons.default([6, 12, 18, 24, 30]),
    variants: z
      .array(OutflowVariant)
      .min(1)
      .default([{ type: 'at-work', min_days: 1, k: 6 }]),
  })
  .strict();

export const DURATION_SEGMENTS = [
  'registration-first-service',
  'first-service-first-action',
  'first-action-last-action',
  'last-action-outflow',
  'registration-outflow',
] as const;
export const DurationIndicator = z
  .object({
    ...common,
    kind: z.literal('duration'),
    segments: z
      .array(z.enum(DURATION_SEGMENTS))
      .min(1)
      .default([...DURATION_SEGMENTS]),
    /** `km` (Kaplan–Meier, open trajectories count; default) and/or `finished-only`. */
    estimators: z
      .array(z.enum(['km', 'finished-only']))
      .min(1)
      .default(['km', 'finished-only']),
  })
  .strict();
export const FlowIndicator = z
  .object({
    ...common,
    kind: z.literal('flow'),
    horizons: Horizons.default([6]),
    /** Action types that count as flowing into an action. */
    action_types: z.array(z.enum(codes.ACTION_TYPE)).min(1),
  })
  .strict();
export const ManualIndicator = z
  .object({
    ...common,
    kind: z.literal('manual'),
    /** `manual_values.result_id` to read. */
    result_id: z.string().regex(RESULT_ID),
  })
  .strict();

/** An indicator definition: one schema per kind (see docs/indicators.md). */
export const IndicatorSchema = z.discriminatedUnion('kind', [
  CountIndicator,
  SumIndicator,
  ShareIndicator,
  CohortOutflowIndicator,
  DurationIndicator,
  FlowIndicator,
  ManualIndicator,
]);
export type Indicator = z.infer<typeof IndicatorSchema>;

/** A period label: a year `2018`, a quarter `2018-Q2` or a month `2018-06`. */
export const PeriodLabel = z
  .string()
  .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'a period such as 2018, 2018-Q2 or 2018-06');

/**
 * Which cell of a result a target, benchmark or headline is about. Defaults: the result's first
 * indicator, measure `value`, no variant or horizon, the total (no breakdown).
 */
const CellSelector = {
  indicator: z.string().optional(),
  measure: z.string().optional(),
  /** Outflow variant (`at-work`, `found-work`, `durable`) or duration estimator. */
  variant: z.string().optional(),
  /** Horizon in months (cohort outflow, flow). */
  horizon: z.number().int().min(1).max(120).optional(),
  /** Dimension → code; default the total. */
  breakdown: z.record(z.string(), z.string()).optional(),
};

/**
 * A target: the value a cell should reach in a period. It is judged only against its own period, or
 * before that period against the straight path from its baseline (see docs/plan.md).
 */
export const TargetSchema = z
  .object({
    ...CellSelector,
    value: z.number(),
    period: PeriodLabel,
    /** `at-least`/`increase`: the value should reach the target or more; `at-most`/`decrease`: or less. */
    direction: z.enum(['at-least', 'at-most', 'increase', 'decrease']),
    /** Where the path starts: a known value in an earlier period of the same grain. */
    baseline: z.object({ value: z.number(), period: PeriodLabel }).strict().optional(),
    /** How far behind the path still counts as on track, in the cell's unit (default 0). */
    tolerance: z.number().min(0).optional(),
    source: z.string().optional(),
  })
  .strict();
export type Target = z.infer<typeof TargetSchema>;

/** A published figure to show beside a cell (e.g. VDAB's 28/36/44 % at work after 6/12/24 months). */
export const BenchmarkSchema = z
  .object({
    ...CellSelector,
    value: z.number(),
    /** What the figure is, in words (e.g. "VDAB, instroom 2015–2017"). */
    label: Text,
    source: z.string().min(1),
  })
  .strict();
export type Benchmark = z.infer<typeof BenchmarkSchema>;

/** The one figure the summary shows for a result: the cell and the grain of its periods. */
export const HeadlineSchema = z
  .object({ ...CellSelector, grain: z.enum(['year', 'quarter']).optional() })
  .strict();
export type Headline = z.infer<typeof HeadlineSchema>;

/** Grain of a period label (`2018` year, `2018-Q2` quarter, `2018-06` month). */
export function grainOf(period: string): 'year' | 'quarter' | 'month' {
  return /-Q/.test(period) ? 'quarter' : /-\d{2}$/.test(period) ? 'month' : 'year';
}

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
    notes: z.array(Note).default([]),
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
    /** Published figures shown beside the result's cells. */
    benchmarks: z.array(BenchmarkSchema).default([]),
    /** The figure the summary and the first page show for this result. */
    headline: HeadlineSchema.optional(),
    notes: z.array(Note).default([]),
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
    /** The figure the summary and the first page show for this series. */
    headline: HeadlineSchema.optional(),
    notes: z.array(Note).default([]),
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
    populations: z.record(z.string(), PopulationSchema).default({}),
    dimensions: z.record(z.string(), DimensionSchema).default({}),
    indicators: z.array(IndicatorSchema).default([]),
  })
  .strict()
  .superRefine((plan, ctx) => {
    // Indicators may only name populations and dimensions the plan declares.
    const dims = new Set(Object.keys(plan.dimensions));
    const dimsIn = (cs: readonly Condition[]): string[] =>
      cs.flatMap((c) =>
        'any' in c
          ? dimsIn(c.any)
          : 'all' in c
            ? dimsIn(c.all)
            : 'dimension' in c
              ? [c.dimension]
              : [],
      );
    plan.indicators.forEach((ind, i) => {
      if (ind.population && !plan.populations[ind.population])
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'population'],
          message: `unknown population '${ind.population}'`,
        });
      const used = [...ind.fixed, ...ind.breakdowns.flat(), ...dimsIn(ind.where)];
      if (ind.kind === 'share') used.push(...dimsIn(ind.numerator));
      for (const d of new Set(used))
        if (!dims.has(d))
          ctx.addIssue({
            code: 'custom',
            path: ['indicators', i],
            message: `unknown dimension '${d}'`,
          });
    });
    plan.indicators.forEach((ind, i) => {
      if (ind.personal === false && personalByContract(ind))
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'personal'],
          message:
            'personal: false on an indicator over a person-level table (it counts persons or their events); remove it',
        });
    });
    for (const [name, d] of Object.entries(plan.dimensions))
      if (d.age_bands && d.column !== 'persons.birth_year')
        ctx.addIssue({
          code: 'custom',
          path: ['dimensions', name, 'column'],
          message: 'age bands need persons.birth_year',
        });
  });
export type Plan = z.infer<typeof PlanSchema>;
