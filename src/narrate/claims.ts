import { z } from 'zod';

/** Direction of a comparison after applying the "stable" threshold of the rules. */
export const DIRECTIONS = ['increase', 'decrease', 'stable'] as const;
export type Direction = (typeof DIRECTIONS)[number];

const Dir = z.enum(DIRECTIONS);
const Group = z.object({ dim: z.string(), code: z.string() }).strict();
const Point = z.object({ key: z.string(), value: z.number() }).strict();

/** What a finding states, structured so a test or a reader can recompute it from the cells. */
export const ClaimSchema = z.discriminatedUnion('op', [
  z
    .object({
      op: z.literal('level'),
      unit: z.string(),
      decimals: z.number().int().min(0).max(6),
      total: Point,
      parts: z.array(Point.extend({ group: Group })).default([]),
    })
    .strict(),
  z
    .object({
      op: z.literal('change'),
      /** `period` for a change over time, `cohort` for two cohorts at the same horizon. */
      across: z.enum(['period', 'cohort']),
      unit: z.string(),
      decimals: z.number().int().min(0).max(6),
      from: Point,
      to: Point,
      delta: z.number(),
      relative: z.number().nullable(),
      direction: Dir,
    })
    .strict(),
  z
    .object({
      op: z.literal('decomposition'),
      unit: z.string(),
      decimals: z.number().int().min(0).max(6),
      connector: z.enum(['of-which', 'while']),
      total: z.object({ from: Point, to: Point, delta: z.number(), direction: Dir }).strict(),
      parts: z.array(
        z
          .object({
            group: Group,
            from: Point,
            to: Point,
            delta: z.number(),
            direction: Dir,
            /** Keys of every period from `from` to `to` when the part moved the same way each period. */
            monotone: z.array(z.string()).optional(),
          })
          .strict(),
      ),
    })
    .strict(),
  z
    .object({
      op: z.literal('extremes'),
      unit: z.string(),
      decimals: z.number().int().min(0).max(6),
      dim: z.string(),
      highest: Point.extend({ code: z.string() }),
      lowest: Point.extend({ code: z.string() }),
      gap: z.number(),
    })
    .strict(),
  z
    .object({
      op: z.literal('target'),
      unit: z.string(),
      decimals: z.number().int().min(0).max(6),
      value: Point,
      target: z.number(),
      targetDirection: z.enum(['at-least', 'at-most', 'increase', 'decrease']),
      /** Value minus the target, or minus the path towards it (`path`). */
      gap: z.number(),
      /** Met, or on track towards it. */
      met: z.boolean(),
      /** Before the target period: where the straight path from the baseline stands. */
      path: z.number().optional(),
      targetPeriod: z.string().optional(),
    })
    .strict(),
  z
    .object({
      op: z.literal('note'),
      reason: z.enum([
        'suppressed',
        'censored',
        'incomplete',
        'not-defined',
        'to-explore',
        'no-data',
      ]),
      periods: z.array(z.string()).min(1),
      /** Some of the cells are groups of a breakdown (not only the total). */
      groups: z.boolean(),
    })
    .strict(),
]);
export type Claim = z.infer<typeof ClaimSchema>;
export type ClaimOf<K extends Claim['op']> = Extract<Claim, { op: K }>;
