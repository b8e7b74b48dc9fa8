import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { IdwError } from '../shared/index.js';
import { protectMessages as m } from './messages.js';

const Bilingual = z.object({ nl: z.string().min(1), en: z.string().min(1) }).strict();

/** Disclosure thresholds of one audience. */
export const ThresholdsSchema = z
  .object({
    /** A count, numerator, denominator or n below this is not shown (default 5). */
    count: z.number().int().min(1).default(5),
    /** A share or rate whose denominator is below this is not shown (default 20). */
    rateDenominator: z.number().int().min(0).default(20),
    /** A median, quantile or mean based on fewer units than this is not shown (default 10). */
    statisticN: z.number().int().min(0).default(10),
    /** Whether a count of exactly 0 is suppressed too (default false: a zero reveals no person). */
    suppressZero: z.boolean().default(false),
  })
  .strict();
export type Thresholds = z.infer<typeof ThresholdsSchema>;
export const DEFAULT_THRESHOLDS: Thresholds = ThresholdsSchema.parse({});

/** One role: which audience its outputs are protected for and whether it may see special breakdowns. */
export const RoleSchema = z
  .object({
    description: Bilingual,
    /** Audience whose thresholds apply to this role's outputs. */
    audience: z.enum(['public', 'board', 'steward']),
    /** `never`, `with-authorisation` (an authorisation naming legal basis and purpose) or `always`. */
    specialBreakdowns: z.enum(['never', 'with-authorisation', 'always']),
    /** Whether outputs of this role may be published (steward: false). */
    publishable: z.boolean(),
  })
  .strict();

/** A legal permission to process special data for a stated purpose. */
export const AuthorisationSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9._-]+$/),
    title: Bilingual,
    /** The legal basis, e.g. the privacy commission's authorisation (machtiging). */
    legalBasis: Bilingual,
    /** What the special data may be used for. */
    purpose: Bilingual,
    /** Reference of the decision (number, date) as the data protection officer registered it. */
    reference: z.string().min(1),
    /** Special dimensions this authorisation covers. */
    dimensions: z.array(z.string()).min(1),
    /** Roles that may invoke it. */
    roles: z.array(z.string()).min(1),
    /** Measurable results it covers; empty or missing means all. */
    results: z.array(z.string()).optional(),
    validFrom: z.iso.date(),
    /** Last day of validity; missing means open-ended. */
    validTo: z.iso.date().optional(),
  })
  .strict();
export type Authorisation = z.infer<typeof AuthorisationSchema>;

/** `config/access.yaml`: roles, authorisations and thresholds per audience. */
export const AccessSchema = z
  .object({
    roles: z.record(z.string(), RoleSchema),
    authorisations: z.array(AuthorisationSchema),
    thresholds: z
      .object({ public: ThresholdsSchema, board: ThresholdsSchema, steward: ThresholdsSchema })
      .strict(),
    /** Role used when none is given (default `public`: the safest). */
    defaultRole: z.string().default('public'),
    /**
     * Cut-off dates on which public outputs may be made: the last day of every `month`,
     * `quarter` (default) or `year`, and any extra `dates`. Any other date is for authorised roles
     * only, so nobody public can step the cut-off date a day at a time.
     */
    publicReleases: z
      .object({
        every: z.enum(['month', 'quarter', 'year']).default('quarter'),
        dates: z.array(z.iso.date()).default([]),
      })
      .strict()
      .default({ every: 'quarter', dates: [] }),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (!a.roles[a.defaultRole])
      ctx.addIssue({ code: 'custom', path: ['defaultRole'], message: 'unknown role' });
    for (const [i, auth] of a.authorisations.entries())
      for (const r of auth.roles)
        if (!a.roles[r])
          ctx.addIssue({
            code: 'custom',
            path: ['authorisations', i, 'roles'],
            message: `unknown role ${r}`,
          });
  });
export type Access = z.infer<typeof AccessSchema>;
export type Role = z.infer<typeof RoleSchema>;

/** Parses and validates the text of an access file; all problems are reported at once. */
export function parseAccess(text: string, file = 'config/access.yaml'): Access {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    throw IdwError.single('PROTECT_ACCESS_SCHEMA', m.PROTECT_ACCESS_SCHEMA((e as Error).message), {
      file,
    });
  }
  const r = AccessSchema.safeParse(raw);
  if (r.success) return r.data;
  throw new IdwError(
    r.error.issues.map((i) => ({
      code: 'PROTECT_ACCESS_SCHEMA',
      location: { file, path: i.path.join('.') },
      ...m.PROTECT_ACCESS_SCHEMA(i.message),
    })),
  );
}

/** Reads and validates an access file. */
export async function loadAccess(file: string): Promise<Access> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw IdwError.single('PROTECT_ACCESS_UNREADABLE', m.PROTECT_ACCESS_UNREADABLE(file), { file });
  }
  return parseAccess(text, file);
}
