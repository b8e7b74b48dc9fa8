import type { Table } from './field.js';
import { DATE_MAX, DATE_MIN, DATE_ORDER } from './tables.js';

/**
 * The contract as a Frictionless Data Package with one Table Schema per table.
 * Our own properties (sensitivity, dimension, usedBy, title_nl) are kept as extra keys,
 * which the Frictionless specs allow.
 */
export function toDataPackage(tables: readonly Table[]): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: 'idw-monitor-source-data',
    title: 'IDW Monitor source-data contract',
    dateOrder: DATE_ORDER,
    dateWindow: { minimum: DATE_MIN, maximum: DATE_MAX },
    resources: tables.map((t) => ({
      name: t.name,
      path: `${t.name}.csv`,
      profile: 'tabular-data-resource',
      title: t.title,
      title_nl: t.title_nl,
      description: t.description,
      grain: t.grain,
      usedBy: t.usedBy,
      schema: {
        fields: t.fields.map((f) => ({
          name: f.name,
          type: f.type,
          ...(f.type === 'date' ? { format: 'default' } : {}),
          title: f.title,
          title_nl: f.title_nl,
          description: f.description,
          constraints: f.constraints,
          sensitivity: f.sensitivity,
          dimension: f.dimension,
        })),
        primaryKey: t.primaryKey,
        foreignKeys: t.foreignKeys,
        missingValues: [''],
      },
    })),
  };
}
