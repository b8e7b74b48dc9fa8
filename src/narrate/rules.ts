import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { IdwError } from '../shared/index.js';
import { narrateMessages } from './messages.js';

export const FINDING_TYPES = [
  'note',
  'level',
  'decomposition',
  'change',
  'cohort-comparison',
  'extremes',
  'target',
] as const;

/** Selection rules as data (`rules.yaml`): what is worth saying. */
/** How periods are paired for a change finding. */
export const PAIR_MODES = [
  'first-to-each',
  'previous-to-latest',
  'first-to-latest',
  'year-ago-to-latest',
] as const;

export const RulesSchema = z
  .object({
    stable: z
      .object({
        /** Relative change below which a non-rate value is "stable" (default 0.01 = 1 %). */
        relative: z.number().min(0.001).max(0.5),
        /** Difference of shares below which a rate is "stable" (default 0.005 = 0.5 points). */
        points: z.number().min(0.0001).max(0.5),
      })
      .strict(),
    /** Findings per result or series (default 8). */
    maxFindingsPerResult: z.number().int().min(1).max(50),
    /** Finding types to produce, in order of priority. */
    types: z.array(z.enum(FINDING_TYPES)).min(1),
    change: z
      .object({
        /** Pairs of years to compare. */
        pairs: z.array(z.enum(PAIR_MODES)).min(1),
        /** Pairs of quarters or months: seasonal, so by default only the same period a year earlier. */
        subYearPairs: z.array(z.enum(PAIR_MODES)).min(1).default(['year-ago-to-latest']),
        /** For `first-to-each`: how many of the latest comparisons to keep (default 3). */
        maxComparisons: z.number().int().min(1).max(24),
      })
      .strict(),
    extremes: z.object({ minGroups: z.number().int().min(2).max(50) }).strict(),
    decomposition: z.object({ maxParts: z.number().int().min(2).max(12) }).strict(),
  })
  .strict();
export type Rules = z.infer<typeof RulesSchema>;

/** Parses and validates a rules document (YAML or JSON text); all problems reported at once. */
export function parseRules(text: string, file = 'rules.yaml'): Rules {
  const r = RulesSchema.safeParse(parse(text));
  if (r.success) return r.data;
  throw new IdwError(
    r.error.issues.map((i) => ({
      code: 'NARRATE_BAD_RULES',
      location: { file, path: i.path.join('.') },
      ...narrateMessages.NARRATE_BAD_RULES(i.message),
    })),
  );
}

let cached: Rules | undefined;
/** The shipped rules (`src/narrate/rules.yaml`). */
export function defaultRules(): Rules {
  cached ??= parseRules(readFileSync(new URL('./rules.yaml', import.meta.url), 'utf8'));
  return cached;
}
