import type { Indicator } from '../../plan/index.js';
import type { CellDraft, KindModule } from '../ir.js';
import { grainOfLabel } from '../periods.js';
import { Params } from '../sql/index.js';

type Manual = Extract<Indicator, { kind: 'manual' }>;

/** manual: values typed in `manual_values` for a result, with their source; missing periods say `no-data`. */
export const manualKind: KindModule = {
  build(ctx) {
    const p = new Params();
    const sql = `SELECT period, value, unit, source, note FROM manual_values WHERE result_id = ${p.add((ctx.ind as Manual).result_id)} ORDER BY period`;
    return [{ name: 'manual-values', sql, params: p.values }];
  },
  async evaluate(ctx, qp, run) {
    // A value describes its whole period: it counts once that period has ended by the cut-off
    // date (periods not yet over, or after it, are never shown; see docs/indicators.md).
    const over = new Set(ctx.periods.filter((p) => p.end <= ctx.asOf).map((p) => p.label));
    const rows = (await run(qp.statements[0]!)).filter(
      (r) => grainOfLabel(String(r.period)) === ctx.grain && over.has(String(r.period)),
    );
    const cells: CellDraft[] = rows.map((r) => ({
      period: String(r.period),
      measure: 'value',
      breakdown: {},
      value: Number(r.value),
      n: 1,
      status: 'ok',
      source: String(r.source),
      unit: String(r.unit),
    }));
    for (const p of ctx.periods)
      if (!rows.some((r) => r.period === p.label))
        cells.push({
          period: p.label,
          measure: 'value',
          breakdown: {},
          value: null,
          status: 'no-data',
        });
    return cells;
  },
};
