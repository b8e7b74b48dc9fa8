import type { Dialect } from './dialect.js';

/** DuckDB: interval arithmetic clamps month ends (2020-01-31 + 1 month = 2020-02-29); ASOF join. */
export const duckdbDialect: Dialect = {
  name: 'duckdb',
  date: (p) => `CAST(${p} AS DATE)`,
  addMonths: (d, m) => `CAST(${d} + to_months(CAST(${m} AS INTEGER)) AS DATE)`,
  daysBetween: (a, b) => `date_diff('day', ${a}, ${b})`,
  year: (d) => `year(${d})`,
  month: (d) => `month(${d})`,
  period: (grain, d) =>
    grain === 'year'
      ? `CAST(year(${d}) AS VARCHAR)`
      : grain === 'quarter'
        ? `CAST(year(${d}) AS VARCHAR) || '-Q' || CAST(quarter(${d}) AS VARCHAR)`
        : `strftime(${d}, '%Y-%m')`,
  residenceJoin: (person, at) =>
    `ASOF LEFT JOIN residence_status_spells r ON r.person_id = ${person} AND ${at} >= r.valid_from`,
  text: (e) => `CAST(${e} AS VARCHAR)`,
};
