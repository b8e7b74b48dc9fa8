import { z } from 'zod';
import { ResultCellSchema } from './result-cell.js';

/** JSON Schema (draft 2020-12) of one result cell, for programs reading `idw compute --json`. */
export function resultCellJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://idw-monitor.example/result-cell.schema.json',
    title: 'IDW Monitor result cell',
    description:
      'One number of the plan: result, indicator, period, breakdown, value, status and provenance id. `idw compute --json` prints {plan, asOf, snapshot, synthetic, cells: [cell…], provenance: […]}.',
    ...z.toJSONSchema(ResultCellSchema, { io: 'input' }),
  };
}
