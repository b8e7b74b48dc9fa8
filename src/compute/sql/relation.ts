import { getTable } from '../../contract/index.js';
import type { Condition } from '../../plan/index.js';
import { IdwError } from '../../shared/index.js';
import { computeMessages as m } from '../messages.js';
import { columnOf, type ResolvedDimension } from '../model.js';
import type { Dialect } from './dialect.js';
import { ident } from './ident.js';
import type { Params } from './params.js';

/** The rows an indicator aggregates: one contract table plus what can be joined to it. */
export interface RelationSpec {
  readonly indicator: string;
  /** Contract table of the units (alias `b`). */
  readonly base: string;
  /** Date that places a unit in a period and against which ages are taken. */
  readonly anchor: string;
  /** Date on which the residence status is read. */
  readonly residenceAt: string;
  /** Joins written by the caller right after the base table (e.g. reference dates). */
  readonly preJoins?: readonly string[];
}

/**
 * Writes column, condition and dimension expressions for one relation and the FROM clause with
 * exactly the joins they need: persons (`p`), registrations (`g`) and the residence spell (`r`).
 * Identifiers come only from the contract; values go through `Params`.
 */
export class RelationWriter {
  private readonly joins = new Set<'p' | 'g' | 'r'>();
  private readonly cols: Set<string>;

  constructor(
    readonly dialect: Dialect,
    readonly params: Params,
    readonly dims: ReadonlyMap<string, ResolvedDimension>,
    readonly spec: RelationSpec,
  ) {
    this.cols = new Set(getTable(spec.base)?.fields.map((f) => f.name));
  }

  /** SQL expression of `table.column`, as seen from the base table. */
  col(ref: string): string {
    const { table, column } = columnOf(ref);
    const { base } = this.spec;
    if (table === base) return `b.${ident(column)}`;
    const unreachable = () =>
      IdwError.single(
        'COMPUTE_UNREACHABLE_COLUMN',
        m.COMPUTE_UNREACHABLE_COLUMN(this.spec.indicator, ref, base),
      );
    if (table === 'persons') {
      if (!this.cols.has('person_id')) throw unreachable();
      this.joins.add('p');
      return `p.${ident(column)}`;
    }
    if (table === 'registrations') {
      if (!this.cols.has('registration_id')) throw unreachable();
      this.joins.add('g');
      return `g.${ident(column)}`;
    }
    if (table === 'residence_status_spells') {
      if (!this.cols.has('person_id')) throw unreachable();
      this.joins.add('r');
      return `CASE WHEN r.valid_to IS NULL OR r.valid_to >= ${this.spec.residenceAt} THEN r.${ident(column)} END`;
    }
    throw unreachable();
  }

  /** A condition as a boolean SQL expression (NULL counts as not met). */
  cond(c: Condition): string {
    if ('any' in c) return `(${c.any.map((x) => this.cond(x)).join(' OR ')})`;
    if ('all' in c) return `(${c.all.map((x) => this.cond(x)).join(' AND ')})`;
    if ('dimension' in c) {
      const e = this.dim(c.dimension);
      return `${e} IN (${c.in.map((v) => this.params.add(v)).join(', ')})`;
    }
    const e = this.col(c.column);
    if (c.not_null) return `${e} IS NOT NULL`;
    if (c.in) return `${e} IN (${c.in.map((v) => this.params.add(v)).join(', ')})`;
    return `${e} = ${this.params.add(c.equals ?? null)}`;
  }

  /** All conditions joined with AND (`TRUE` when there are none). */
  where(cs: readonly Condition[]): string {
    return cs.length ? cs.map((c) => this.cond(c)).join(' AND ') : 'TRUE';
  }

  /** The code of a dimension for a unit; `unknown` when missing (NULL is kept for rolled-up totals). */
  dim(name: string): string {
    const d = this.dims.get(name);
    if (!d) {
      throw IdwError.single(
        'COMPUTE_UNKNOWN_DIMENSION',
        m.COMPUTE_UNKNOWN_DIMENSION(this.spec.indicator, name),
      );
    }
    const e = this.col(d.def.column);
    if (d.def.age_bands) {
      if (d.column !== 'birth_year')
        throw IdwError.single(
          'COMPUTE_BAD_COLUMN',
          m.COMPUTE_BAD_COLUMN(this.spec.indicator, d.def.column, 'age bands need birth_year'),
        );
      const age = `(${this.dialect.year(this.spec.anchor)} - ${e})`;
      const whens = d.def.age_bands.map((b) => {
        const parts = [
          b.from !== undefined ? `${age} >= ${this.params.add(b.from)}` : '',
          b.to !== undefined ? `${age} <= ${this.params.add(b.to)}` : '',
        ].filter(Boolean);
        return `WHEN ${parts.join(' AND ') || 'TRUE'} THEN ${this.params.add(b.code)}`;
      });
      return `(CASE WHEN ${e} IS NULL THEN 'unknown' ${whens.join(' ')} ELSE 'unknown' END)`;
    }
    return `coalesce(${this.dialect.text(e)}, 'unknown')`;
  }

  /** `FROM base b` with the joins the expressions written so far need. Call it last. */
  from(): string {
    const { base, residenceAt } = this.spec;
    const parts = [`FROM ${ident(base)} b`, ...(this.spec.preJoins ?? [])];
    if (this.joins.has('p')) parts.push('JOIN persons p ON p.person_id = b.person_id');
    if (this.joins.has('g'))
      parts.push('LEFT JOIN registrations g ON g.registration_id = b.registration_id');
    if (this.joins.has('r')) parts.push(this.dialect.residenceJoin('b.person_id', residenceAt));
    return parts.join('\n  ');
  }
}
