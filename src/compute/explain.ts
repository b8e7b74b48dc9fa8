import type { Plan, Text } from '../plan/index.js';
import { IdwError } from '../shared/index.js';
import { tableCounts, type Engine } from '../store/index.js';
import { compute, type ComputeOptions } from './compute.js';
import { computeMessages as m } from './messages.js';
import type { Provenance, ResultCell, ResultSet } from './result-cell.js';

/** Everything behind one result: the definitions in words, the SQL and the numbers it gave. */
export interface Explanation {
  readonly result: string;
  readonly text: Text;
  readonly status: string;
  readonly reason?: Text;
  readonly asOf: string;
  readonly snapshot: string;
  readonly indicators: readonly {
    readonly id: string;
    readonly kind: string;
    readonly title: Text;
    readonly definition: Text;
    readonly population?: { readonly name: string; readonly definition: Text };
    readonly provenance: readonly Provenance[];
    /** Total cells (breakdown `{}`) per period: the counts behind the published numbers. */
    readonly totals: readonly ResultCell[];
  }[];
  /** Rows per source table in the store. */
  readonly tableRows: Record<string, number>;
}

/** Explains one result (or series): computed on the store with only its total breakdown. */
export async function explain(
  engine: Engine,
  plan: Plan,
  resultId: string,
  opts: Pick<ComputeOptions, 'asOf' | 'grains'> = {},
  /** The result already computed (and protected) by the caller: its cells are the ones shown. */
  computed?: Pick<ResultSet, 'asOf' | 'snapshot' | 'cells' | 'provenance'>,
): Promise<Explanation> {
  const owner =
    plan.results.find((r) => r.id === resultId) ?? plan.series.find((s) => s.id === resultId);
  if (!owner)
    throw IdwError.single('COMPUTE_UNKNOWN_RESULT', m.COMPUTE_UNKNOWN_RESULT(resultId), {}, 2);
  const rs =
    computed ?? (await compute(engine, plan, { ...opts, results: [resultId], breakdowns: [] }));
  const status = 'status' in owner ? owner.status : 'defined';
  return {
    result: resultId,
    text: owner.text,
    status,
    ...('reason' in owner && owner.reason ? { reason: owner.reason } : {}),
    asOf: rs.asOf,
    snapshot: rs.snapshot,
    indicators: owner.indicators.map((id) => {
      const ind = plan.indicators.find((i) => i.id === id)!;
      const pop = ind.population ? plan.populations[ind.population] : undefined;
      return {
        id,
        kind: ind.kind,
        title: ind.title,
        definition: ind.definition,
        ...(pop ? { population: { name: ind.population!, definition: pop.definition } } : {}),
        provenance: rs.provenance.filter((p) => p.indicator === id),
        totals: rs.cells.filter(
          (c) => c.indicator === id && Object.keys(c.breakdown).length === ind.fixed.length,
        ),
      };
    }),
    tableRows: await tableCounts(engine),
  };
}
