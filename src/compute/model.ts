import { getTable, type Field } from '../contract/index.js';
import type { Condition, Dimension, Indicator, Plan } from '../plan/index.js';
import { IdwError } from '../shared/index.js';
import { computeMessages as m } from './messages.js';
import { ident } from './sql/ident.js';

/** A dimension resolved against the contract. */
export interface ResolvedDimension {
  readonly name: string;
  readonly def: Dimension;
  readonly table: string;
  readonly column: string;
  readonly field: Field;
  /** Reads a `special` contract column: the privacy stage gates it. */
  readonly special: boolean;
}

export function columnOf(ref: string): { table: string; column: string; field: Field } {
  const [table = '', column = ''] = ref.split('.');
  const field = getTable(table)?.fields.find((f) => f.name === column);
  if (!field) throw new Error(`not a contract column: ${ref}`); // the plan schema already refused it
  return { table, column, field };
}

/** Every dimension of the plan, resolved; `special` where the column is special in the contract. */
export function resolveDimensions(plan: Plan): Map<string, ResolvedDimension> {
  const out = new Map<string, ResolvedDimension>();
  for (const [name, def] of Object.entries(plan.dimensions)) {
    // The name becomes a column alias (`d_<name>`): the loader allows only plain names; so does this.
    ident(name);
    const c = columnOf(def.column);
    out.set(name, { name, def, ...c, special: c.field.sensitivity === 'special' });
  }
  return out;
}

/** Names of the plan's dimensions that read a special (sensitive) column. */
export function specialDimensions(plan: Plan): string[] {
  return [...resolveDimensions(plan).values()].filter((d) => d.special).map((d) => d.name);
}

/** The conditions an indicator's units must meet: its population's, then its own. */
export function conditionsOf(plan: Plan, ind: Indicator): Condition[] {
  const out: Condition[] = [];
  if (ind.population) {
    const pop = plan.populations[ind.population];
    if (!pop)
      throw IdwError.single(
        'COMPUTE_UNKNOWN_POPULATION',
        m.COMPUTE_UNKNOWN_POPULATION(ind.id, ind.population),
        { path: `indicators.${ind.id}.population` },
      );
    out.push(...pop.where);
  }
  out.push(...ind.where);
  return out;
}

/** Dimensions used by an indicator's breakdown sets (fixed ones first), checked to exist. */
export function breakdownSets(
  ind: Indicator,
  dims: Map<string, ResolvedDimension>,
  override?: readonly (readonly string[])[],
): { fixed: string[]; sets: string[][]; used: string[] } {
  const fixed = [...ind.fixed];
  const sets: string[][] = [[], ...(override ?? ind.breakdowns).map((s) => [...s])];
  const used = [...new Set([...fixed, ...sets.flat()])];
  for (const d of used)
    if (!dims.has(d))
      throw IdwError.single('COMPUTE_UNKNOWN_DIMENSION', m.COMPUTE_UNKNOWN_DIMENSION(ind.id, d), {
        path: `indicators.${ind.id}`,
      });
  return { fixed, sets: dedupeSets(sets), used };
}

function dedupeSets(sets: string[][]): string[][] {
  const seen = new Set<string>();
  return sets.filter((s) => {
    const k = [...s].sort().join('|');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
