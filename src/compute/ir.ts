import type { Indicator, IndicatorKind, Plan } from '../plan/index.js';
import type { Row, SqlValue } from '../store/index.js';
import type { ResultCell } from './result-cell.js';
import type { ResolvedDimension } from './model.js';
import type { Period } from './periods.js';
import type { Dialect, Grain } from './sql/index.js';

/** One SQL statement of a query plan, with its parameters. */
export interface SqlStatement {
  readonly name: string;
  readonly sql: string;
  readonly params: readonly SqlValue[];
  /**
   * The temporary table this statement creates (a shared relation such as an inflow cohort, named
   * by the hash of its definition). The compute stage runs it once per run, before the kind's own
   * statements, drops it at the end, and records it in the provenance of every indicator reading it.
   */
  readonly creates?: string;
}

/**
 * The intermediate representation: one query plan per indicator × period grain, covering all its
 * breakdown sets (the total `[]` first). Plain, serialisable data written without looking at the
 * data (only the cut-off date and the first data year enter, as parameters and period lists).
 */
export interface QueryPlan {
  readonly indicator: string;
  readonly kind: IndicatorKind;
  readonly grain: Grain;
  readonly asOf: string;
  readonly periods: readonly Period[];
  /** Dimensions in every cell (part of every breakdown). */
  readonly fixed: readonly string[];
  /** Breakdown sets, `[]` (the total) first. */
  readonly sets: readonly (readonly string[])[];
  /** Every dimension used. */
  readonly used: readonly string[];
  readonly statements: readonly SqlStatement[];
}

/** What a kind module gets to write its queries. */
export interface KindContext {
  readonly plan: Plan;
  readonly ind: Indicator;
  readonly dims: ReadonlyMap<string, ResolvedDimension>;
  readonly dialect: Dialect;
  readonly grain: Grain;
  readonly asOf: string;
  readonly periods: readonly Period[];
  readonly fixed: readonly string[];
  readonly sets: readonly (readonly string[])[];
  readonly used: readonly string[];
}

/** A cell before the result id, unit and provenance are attached. */
export type CellDraft = Omit<ResultCell, 'result' | 'indicator' | 'unit' | 'provenance'> & {
  unit?: string;
};

/** Runs a statement of the plan (the engine at the edge). */
export type RunFn = (st: SqlStatement) => Promise<Row[]>;

/** A kind: writes its statements (pure) and turns rows into cells. */
export interface KindModule {
  build(ctx: KindContext): SqlStatement[];
  evaluate(ctx: KindContext, qp: QueryPlan, run: RunFn): Promise<CellDraft[]>;
}
