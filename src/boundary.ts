/**
 * The access boundary: every command that shows numbers (`idw compute`, `idw explain`,
 * `idw report`, and later the server) passes here, and only here. In order: check who asks
 * (the role exists, the authorisation exists and names the role), resolve the cut-off date once,
 * authorise, write the audit entry (refusals too), compute, protect. Nothing unprotected leaves.
 *
 * On the command line the role is a declaration by whoever can read the store file: the file's
 * permissions are the real boundary. The server is where sign-in decides the role.
 */
import { getTable } from './contract/index.js';
import {
  compute,
  computeMessages,
  explain,
  latestDate,
  specialDimensions,
  type ComputeOptions,
  type Explanation,
} from './compute/index.js';
import { nonPersonalIndicators, type Condition, type Indicator, type Plan } from './plan/index.js';
import {
  appendAudit,
  assertReleaseDate,
  authorise,
  authoriseAndAudit,
  protect,
  protectMessages,
  type Access,
  type Audience,
  type AuditKey,
  type ProtectedResultSet,
} from './protect/index.js';
import { IdwError, usageError } from './shared/index.js';
import type { Engine } from './store/index.js';

/** Who asks: role, authorisation and identity, with the access rules and the clock. */
export interface AccessContext {
  readonly access: Access;
  /** Role from `config/access.yaml` (`public`, `analyst`, `steward`). */
  readonly role: string;
  /** Authorisation id for breakdowns by special data (e.g. `PC-VERBLIJFSSTATUUT`). */
  readonly authorisation?: string;
  /** Who runs it (user name), written to the audit log. */
  readonly actor: string;
  readonly now: () => Date;
  /** Key of the audit log's chain (see docs/privacy.md, "Audit log"). */
  readonly auditKey: AuditKey;
}

export interface ProtectedRun {
  readonly protected: ProtectedResultSet;
  /** Special dimensions left out because the role or authorisation does not allow them. */
  readonly omitted: readonly string[];
}

/**
 * Checks who asks before anything is opened or computed: the role must exist in the access file,
 * and an authorisation, when given, must exist and name the role. Wrong use: exit code 2.
 */
export function checkRequester(who: Pick<AccessContext, 'access' | 'role' | 'authorisation'>) {
  const { access, role, authorisation } = who;
  if (!Object.hasOwn(access.roles, role))
    throw usageError(
      'PROTECT_UNKNOWN_ROLE',
      protectMessages.PROTECT_UNKNOWN_ROLE(role, Object.keys(access.roles).join(', ')),
    );
  if (authorisation === undefined) return;
  const auth = access.authorisations.find((a) => a.id === authorisation);
  if (!auth)
    throw usageError(
      'PROTECT_UNKNOWN_AUTHORISATION',
      protectMessages.PROTECT_UNKNOWN_AUTHORISATION(
        authorisation,
        access.authorisations.map((a) => a.id).join(', ') || '-',
      ),
    );
  if (!auth.roles.includes(role))
    throw usageError(
      'PROTECT_AUTHORISATION_SCOPE',
      protectMessages.PROTECT_AUTHORISATION_SCOPE(auth.id, `role ${role}`),
    );
}

/** The cut-off date of a request, resolved once: the given date, else the latest date in the data. */
export async function resolveAsOf(engine: Engine, asOf?: string): Promise<string> {
  const d = asOf ?? (await latestDate(engine));
  if (!d) throw IdwError.single('COMPUTE_EMPTY_STORE', computeMessages.COMPUTE_EMPTY_STORE());
  return d;
}

/**
 * Special columns the selected indicators read in a filter (population, `where`, numerator) or a
 * fixed dimension: using them is special use, audited like a breakdown (`where:<table.column>`).
 */
export function specialFilters(plan: Plan, results: readonly string[]): string[] {
  const ids = new Set(
    [...plan.results, ...plan.series]
      .filter((o) => results.includes(o.id))
      .flatMap((o) => o.indicators),
  );
  const out = new Set<string>();
  const isSpecial = (ref: string) => {
    const [t = '', c = ''] = ref.split('.');
    return getTable(t)?.fields.find((f) => f.name === c)?.sensitivity === 'special';
  };
  const visit = (cs: readonly Condition[]): void =>
    cs.forEach((c) => {
      if ('any' in c) return visit(c.any);
      if ('all' in c) return visit(c.all);
      const ref = 'dimension' in c ? plan.dimensions[c.dimension]?.column : c.column;
      if (ref && isSpecial(ref)) out.add(ref);
    });
  for (const ind of plan.indicators.filter((i: Indicator) => ids.has(i.id))) {
    if (ind.population) visit(plan.populations[ind.population]?.where ?? []);
    visit(ind.where);
    if (ind.kind === 'share') visit(ind.numerator);
    for (const d of ind.fixed) {
      const ref = plan.dimensions[d]?.column;
      if (ref && isSpecial(ref)) out.add(ref);
    }
  }
  return [...out].sort();
}

/**
 * Compute → authorise → audit → protect. Breakdowns by special data stay in only when the role may
 * see them (an analyst with an authorisation, or the steward); each use — and each refused
 * explicit request — is written to the audit log before any number leaves this function.
 * Explicitly requested special breakdowns that are not allowed fail with a clear message instead
 * of being dropped; standard ones the role may not see are left out and named in `omitted`.
 */
export async function computeProtected(
  engine: Engine,
  plan: Plan,
  options: ComputeOptions & { readonly explicit?: readonly string[] },
  who: AccessContext,
  action: string,
  output?: string,
): Promise<ProtectedRun> {
  checkRequester(who);
  const special = specialDimensions(plan);
  const today = who.now().toISOString().slice(0, 10);
  const asOf = await resolveAsOf(engine, options.asOf);
  // Public outputs only on declared release dates (config/access.yaml, publicReleases), so nobody
  // public can step the cut-off date a day at a time; checked before anything is computed.
  assertReleaseDate(asOf, who.access.roles[who.role]!.audience, who.access);
  const results = options.results?.length
    ? [...options.results]
    : [...plan.results.map((r) => r.id), ...plan.series.map((s) => s.id)];
  const audit = (what: string, breakdowns: readonly (readonly string[])[]) =>
    appendAudit(
      engine,
      {
        actor: who.actor,
        role: who.role,
        action: what,
        results,
        breakdowns,
        ...(who.authorisation ? { authorisation: who.authorisation } : {}),
        ...(output ? { output } : {}),
      },
      who.now,
      who.auditKey,
    );
  if (options.explicit?.length)
    try {
      authorise(
        { results, dimensions: options.explicit, specialDimensions: special, asOf: today },
        who.access,
        who.role,
        who.authorisation,
      );
    } catch (e) {
      // A refused attempt leaves a trace too: who asked for which special breakdown.
      if (e instanceof IdwError) await audit(`${action}:refused`, [options.explicit]);
      throw e;
    }
  const rs = await compute(engine, plan, { ...options, asOf });
  const used = [...new Set(rs.cells.flatMap((c) => Object.keys(c.breakdown)))].filter((d) =>
    special.includes(d),
  );
  const filters = specialFilters(plan, results).map((f) => `where:${f}`);
  let allowed: readonly string[] = [];
  let audited = false;
  try {
    const decision = await authoriseAndAudit(
      engine,
      { results, dimensions: used, specialDimensions: special, asOf: today },
      who.access,
      who.role,
      who.authorisation,
      {
        actor: who.actor,
        action,
        now: who.now,
        auditKey: who.auditKey,
        ...(output ? { output } : {}),
      },
    );
    allowed = decision.special;
    audited = decision.audit !== undefined;
  } catch (e) {
    if (options.explicit?.some((d) => special.includes(d))) throw e;
    // Standard breakdowns by special data the role may not see: leave them out, say so.
  }
  if (filters.length && !audited) await audit(action, [allowed, filters]);
  const omitted = used.filter((d) => !allowed.includes(d));
  const role = who.access.roles[who.role]!;
  const audience: Audience = role.audience;
  return {
    protected: protect(
      // Every cell takes part in choosing the pattern; omitted breakdowns are left out of the output.
      rs,
      {
        omitDimensions: omitted,
        audience,
        thresholds: who.access.thresholds[audience],
        specialDimensions: special,
        nonPersonal: nonPersonalIndicators(plan.indicators),
      },
    ),
    omitted,
  };
}

/**
 * `idw explain` through the same boundary: the result is computed with its standard breakdowns,
 * authorised, audited and protected like `compute`, and the totals shown are the protected ones
 * (a total the public output suppresses is suppressed here too). Definitions and SQL are added.
 */
export async function explainProtected(
  engine: Engine,
  plan: Plan,
  resultId: string,
  options: Pick<ComputeOptions, 'asOf' | 'grains'>,
  who: AccessContext,
): Promise<Explanation & { readonly omitted: readonly string[] }> {
  const run = await computeProtected(
    engine,
    plan,
    { ...options, results: [resultId] },
    who,
    'explain',
  );
  const x = await explain(
    engine,
    plan,
    resultId,
    { ...options, asOf: run.protected.asOf },
    run.protected,
  );
  return { ...x, omitted: run.omitted };
}
