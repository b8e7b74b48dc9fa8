import type { Engine } from '../store/index.js';
import type { Access } from './access.js';
import type { AuditKey } from './audit-key.js';
import { appendAudit, type AuditRecord } from './audit-log.js';
import { authorise, type AccessDecision, type AccessRequest } from './authorise.js';

/** Who asks and for what output: the parts of an audit entry the request does not carry. */
export interface AuditContext {
  readonly actor: string;
  readonly action: string;
  readonly output?: string;
  /** Dimension sets of the breakdowns (defaults to one set with every requested dimension). */
  readonly breakdowns?: readonly (readonly string[])[];
  readonly now: () => Date;
  /** Key of the audit chain (never stored in the store). */
  readonly auditKey: AuditKey;
}

/**
 * The one call for entry points: authorise the request, and when it uses special data write the
 * audit entry before anything is computed. Throws (and logs nothing) when not allowed.
 */
export async function authoriseAndAudit(
  engine: Engine,
  request: AccessRequest,
  access: Access,
  role: string,
  authorisationId: string | undefined,
  ctx: AuditContext,
): Promise<AccessDecision & { readonly audit?: AuditRecord }> {
  const decision = authorise(request, access, role, authorisationId);
  if (!decision.mustAudit) return decision;
  const audit = await appendAudit(
    engine,
    {
      actor: ctx.actor,
      role,
      action: ctx.action,
      results: request.results,
      breakdowns: ctx.breakdowns ?? [request.dimensions],
      ...(decision.authorisation ? { authorisation: decision.authorisation.id } : {}),
      ...(ctx.output ? { output: ctx.output } : {}),
    },
    ctx.now,
    ctx.auditKey,
  );
  return { ...decision, audit };
}
