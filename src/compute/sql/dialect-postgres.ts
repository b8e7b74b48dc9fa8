import type { Dialect } from './dialect.js';

/**
 * PostgreSQL: `date + interval` also clamps month ends; the latest spell comes from a LATERAL
 * sub-query instead of an ASOF join. Written for the planned PostgreSQL store; not yet run in tests.
 */
export const postgresDialect: Dialect = {
  name: 'postgres',
  date: (p) => `CAST(${p} AS DATE)`,
  addMonths: (d, m) => `CAST(${d} + make_interval(months => CAST(${m} AS INTEGER)) AS DATE)`,
  daysBetween: (a, b) => `(${b} - ${a})`,
  year: (d) => `CAST(extract(year FROM ${d}) AS INTEGER)`,
  month: (d) => `CAST(extract(month FROM ${d}) AS INTEGER)`,
  period: (grain, d) =>
    grain === 'year'
      ? `to_char(${d}, 'YYYY')`
      : grain === 'quarter'
        ? `to_char(${d}, 'YYYY') || '-Q' || to_char(${d}, 'Q')`
        : `to_char(${d}, 'YYYY-MM')`,
  residenceJoin: (person, at) =>
    `LEFT JOIN LATERAL (SELECT * FROM residence_status_spells x WHERE x.person_id = ${person} AND x.valid_from <= ${at} ORDER BY x.valid_from DESC LIMIT 1) r ON TRUE`,
  text: (e) => `CAST(${e} AS TEXT)`,
};
