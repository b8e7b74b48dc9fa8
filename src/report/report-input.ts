import { z } from 'zod';
import { ResultCellSchema, ProvenanceSchema } from '../compute/index.js';
import type { Finding } from '../narrate/index.js';
import type { ProtectedResultSet } from '../protect/index.js';
import { IdwError } from '../shared/index.js';
import { reportMessages } from './messages.js';

const ProtectedCellSchema = ResultCellSchema.extend({
  disclosure: z.enum(['shown', 'suppressed']),
  reason: z
    .enum(['primary-count', 'primary-denominator', 'secondary', 'not-observable'])
    .optional(),
  symbol: z.string().optional(),
}).strict();

const FindingSchema = z.object({
  id: z.string(),
  result: z.string(),
  type: z.enum([
    'level',
    'change',
    'decomposition',
    'extremes',
    'cohort-comparison',
    'target',
    'note',
  ]),
  text: z.object({ nl: z.string(), en: z.string() }),
  cells: z.array(z.string()),
  claim: z.record(z.string(), z.unknown()),
});

/** A serialised report input: the protected result set and its findings (what the pipeline hands to `report`). */
export const ReportInputSchema = z.object({
  resultSet: z.object({
    plan: z.object({ id: z.string(), hash: z.string() }),
    asOf: z.string(),
    snapshot: z.string(),
    synthetic: z.boolean(),
    audience: z.enum(['public', 'board', 'steward']),
    cells: z.array(ProtectedCellSchema),
    provenance: z.array(ProvenanceSchema),
  }),
  findings: z.array(FindingSchema).default([]),
});

export interface ReportInput {
  readonly resultSet: ProtectedResultSet;
  readonly findings: readonly Finding[];
}

/** Parses a report input (JSON text), reporting every schema problem at once. */
export function parseReportInput(json: string, file = '<input>'): ReportInput {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw IdwError.single('REPORT_BAD_INPUT', reportMessages.REPORT_BAD_INPUT(String(e)), { file });
  }
  const r = ReportInputSchema.safeParse(raw);
  if (!r.success)
    throw new IdwError(
      r.error.issues.map((i) => ({
        code: 'REPORT_BAD_INPUT',
        location: { file, path: i.path.join('.') },
        ...reportMessages.REPORT_BAD_INPUT(i.message),
      })),
    );
  return r.data as ReportInput;
}
