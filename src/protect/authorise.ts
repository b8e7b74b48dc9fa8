import { IdwError, usageError } from '../shared/index.js';
import type { Access, Authorisation, Role, Thresholds } from './access.js';
import { protectMessages as m } from './messages.js';
import type { Audience } from './types.js';

/** What a caller wants to compute or publish. */
export interface AccessRequest {
  /** Measurable results (or series) asked for. */
  readonly results: readonly string[];
  /** Dimensions of the breakdowns asked for, e.g. `['sex', 'residence_status']`. */
  readonly dimensions: readonly string[];
  /** Dimensions that are special data (from the compute stage / the contract). */
  readonly specialDimensions: readonly string[];
  /** Day the request is made (checks an authorisation's validity), `YYYY-MM-DD`. */
  readonly asOf: string;
}

/** The outcome of `authorise`: what may be shown and whether it must be audited. */
export interface AccessDecision {
  readonly role: string;
  readonly audience: Audience;
  readonly publishable: boolean;
  readonly thresholds: Thresholds;
  /** Special dimensions the request uses (and may use). */
  readonly special: readonly string[];
  readonly authorisation?: Authorisation;
  /** True when special data are used: the caller must write an audit entry. */
  readonly mustAudit: boolean;
}

/** The role from a flag, else `IDW_ROLE`, else `IDW_PROFILE`, else the access file's default. */
export function resolveRole(
  access: Access,
  flag?: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return flag ?? env.IDW_ROLE ?? env.IDW_PROFILE ?? access.defaultRole;
}

function roleOf(access: Access, role: string): Role {
  const r = access.roles[role];
  if (!r)
    throw usageError(
      'PROTECT_UNKNOWN_ROLE',
      m.PROTECT_UNKNOWN_ROLE(role, Object.keys(access.roles).join(', ')),
    );
  return r;
}

/**
 * Decides whether `role` may have `request`. A breakdown over a special dimension needs, for an
 * analyst, an authorisation that names the dimension, the role and the results and is valid on
 * `asOf`; the public role never gets one. Throws `IdwError` with a Dutch and English message.
 */
export function authorise(
  request: AccessRequest,
  access: Access,
  role: string,
  authorisationId?: string,
): AccessDecision {
  const r = roleOf(access, role);
  const special = [
    ...new Set(request.dimensions.filter((d) => request.specialDimensions.includes(d))),
  ].sort();
  const base = {
    role,
    audience: r.audience,
    publishable: r.publishable,
    thresholds: access.thresholds[r.audience],
    special,
  };
  const auth =
    authorisationId === undefined ? undefined : findAuthorisation(access, authorisationId);
  if (special.length === 0) return { ...base, authorisation: auth, mustAudit: false };
  const dims = special.join(', ');
  if (r.specialBreakdowns === 'never')
    throw IdwError.single('PROTECT_PUBLIC_SPECIAL', m.PROTECT_PUBLIC_SPECIAL(role, dims));
  if (r.specialBreakdowns === 'always') return { ...base, authorisation: auth, mustAudit: true };
  if (!auth)
    throw IdwError.single(
      'PROTECT_SPECIAL_NEEDS_AUTHORISATION',
      m.PROTECT_SPECIAL_NEEDS_AUTHORISATION(dims),
    );
  const scope = (what: string) =>
    IdwError.single('PROTECT_AUTHORISATION_SCOPE', m.PROTECT_AUTHORISATION_SCOPE(auth.id, what));
  if (!auth.roles.includes(role)) throw scope(`role ${role}`);
  const uncovered = special.filter((d) => !auth.dimensions.includes(d));
  if (uncovered.length) throw scope(`dimension ${uncovered.join(', ')}`);
  const results = auth.results ?? [];
  const outside = results.length ? request.results.filter((x) => !results.includes(x)) : [];
  if (outside.length) throw scope(`result ${outside.join(', ')}`);
  if (request.asOf < auth.validFrom || (auth.validTo !== undefined && request.asOf > auth.validTo))
    throw IdwError.single(
      'PROTECT_AUTHORISATION_EXPIRED',
      m.PROTECT_AUTHORISATION_EXPIRED(auth.id, auth.validFrom, auth.validTo ?? '…', request.asOf),
    );
  return { ...base, authorisation: auth, mustAudit: true };
}

function findAuthorisation(access: Access, id: string): Authorisation {
  const a = access.authorisations.find((x) => x.id === id);
  if (!a)
    throw usageError(
      'PROTECT_UNKNOWN_AUTHORISATION',
      m.PROTECT_UNKNOWN_AUTHORISATION(id, access.authorisations.map((x) => x.id).join(', ') || '-'),
    );
  return a;
}
