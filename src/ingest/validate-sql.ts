import { DATE_MAX, DATE_MIN, type Field, type Table } from '../contract/index.js';
import { nrnNormaliseSql, nrnValidSql } from './nrn.js';
import type { ImportCode } from './messages.js';

/**
 * Set-based validation: SQL that parses every `_raw` column into its contract type and lists, per
 * record, each broken rule as {code, col, val}. Pure string building from the contract: column
 * names come from the contract, never from the file.
 */

/** Where a contract field comes from in `_raw`: a column `cN`, or nowhere (column absent). */
export type FieldSource = Readonly<Record<string, string | undefined>>;

/** The end-date column of a table and the start it must not precede. */
export function datePairs(t: Table): [start: string, end: string][] {
  const names = new Set(t.fields.map((f) => f.name));
  const pairs: [string, string][] = [
    ['valid_from', 'valid_to'],
    ['registered_on', 'ended_on'],
    ['started_on', 'ended_on'],
    ['period_start', 'period_end'],
    ['signed_on', 'ended_on'],
  ];
  return pairs.filter(([a, b]) => names.has(a) && names.has(b));
}

/** The date that places a row in a period (for --replace-period): the table's first date column. */
export function periodColumn(t: Table): string | undefined {
  return t.fields.find((f) => f.type === 'date')?.name;
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Trimmed text, NULL when empty. */
function textExpr(src: string | undefined): string {
  return src ? `NULLIF(trim(${src}), '')` : 'CAST(NULL AS VARCHAR)';
}

const NUM_PLAIN = `'[+-]?\\d+([.,]\\d+)?([eE][+-]?\\d+)?'`;
const NUM_DOT_GROUPS = `'[+-]?\\d{1,3}(\\.\\d{3})+(,\\d+)?'`;
const NUM_COMMA_GROUPS = `'[+-]?\\d{1,3}(,\\d{3})+\\.\\d+'`;

/** Parsed (typed) value of field `f` from its trimmed text `v`; NULL when it does not parse. */
export function parseExpr(f: Field, v: string, pseudonym: (e: string) => string): string {
  switch (f.type) {
    case 'string':
      if (f.sensitivity !== 'identifying') return v;
      return f.name === 'national_register_number' ? pseudonym(nrnNormaliseSql(v)) : pseudonym(v);
    case 'integer':
      return `CASE WHEN regexp_full_match(${v}, '[+-]?\\d{1,18}') THEN CAST(${v} AS BIGINT) END`;
    case 'number':
      return `CASE WHEN regexp_full_match(${v}, ${NUM_PLAIN}) THEN TRY_CAST(replace(${v}, ',', '.') AS DOUBLE)
        WHEN regexp_full_match(${v}, ${NUM_DOT_GROUPS}) THEN TRY_CAST(replace(replace(${v}, '.', ''), ',', '.') AS DOUBLE)
        WHEN regexp_full_match(${v}, ${NUM_COMMA_GROUPS}) THEN TRY_CAST(replace(${v}, ',', '') AS DOUBLE) END`;
    case 'boolean':
      return `CASE WHEN lower(${v}) IN ('true', '1', 'ja', 'j', 'yes', 'y', 'waar') THEN true
        WHEN lower(${v}) IN ('false', '0', 'nee', 'n', 'no', 'onwaar') THEN false END`;
    case 'date':
      // Only the day-first form contains '/': one cheap test picks the branch, so a Belgian date
      // is not first tried against the two ISO patterns.
      return `CASE WHEN contains(${v}, '/') THEN
          CASE WHEN regexp_full_match(${v}, '\\d{1,2}/\\d{1,2}/\\d{4}') THEN CAST(try_strptime(${v}, '%d/%m/%Y') AS DATE) END
        WHEN regexp_full_match(${v}, '\\d{4}-\\d{2}-\\d{2}') THEN TRY_CAST(${v} AS DATE)
        WHEN regexp_full_match(${v}, '\\d{4}-\\d{2}-\\d{2}[ T]00:00:00(\\.0+)?') THEN TRY_CAST(left(${v}, 10) AS DATE) END`;
  }
}

const BAD_TYPE: Record<Field['type'], ImportCode | undefined> = {
  string: undefined,
  integer: 'IMPORT_BAD_INTEGER',
  number: 'IMPORT_BAD_NUMBER',
  boolean: 'IMPORT_BAD_BOOLEAN',
  date: 'IMPORT_BAD_DATE',
};

export interface CheckOptions {
  /** Period being replaced: rows whose period date lies outside are refused. */
  readonly period?: { from: string; to: string };
}

/** One rule: when `cond` holds, the record breaks rule `code` on column `col`, showing `val`. */
export interface Rule {
  code: ImportCode;
  col: string;
  cond: string;
  val: string;
}

/**
 * Where the rules find a field's trimmed text (`v`) and parsed value (`p`). The exact path has both
 * as columns `v_<name>` and `p_<name>` of `_stage`; the fast path (fast-csv.ts) stores less.
 */
export interface RuleColumns {
  v(name: string): string;
  p(name: string): string;
  /**
   * Date fields parsed by DuckDB's CSV reader: a value that does not parse is a rejected line
   * there (and sends the file to the exact path), so the date-type rules are left out.
   */
  readonly typed?: ReadonlySet<string>;
}

const STAGE_COLUMNS: RuleColumns = { v: (n) => `"v_${n}"`, p: (n) => `"p_${n}"` };

/**
 * The rules of a table. `v.<f>` is the trimmed text and `p.<f>` the parsed value (both available
 * in the query built by `stageSql`), `missing` says which required columns are absent.
 */
export function rules(
  t: Table,
  src: FieldSource,
  opts: CheckOptions,
  cols: RuleColumns = STAGE_COLUMNS,
): Rule[] {
  const out: Rule[] = [];
  for (const f of t.fields) {
    const v = cols.v(f.name);
    const p = cols.p(f.name);
    const shown = f.sensitivity === 'identifying' ? p : v;
    const c = f.constraints;
    if (c.required)
      out.push({
        code: src[f.name] ? 'IMPORT_MISSING_VALUE' : 'IMPORT_MISSING_COLUMN',
        col: f.name,
        cond: `${v} IS NULL`,
        val: 'CAST(NULL AS VARCHAR)',
      });
    if (!src[f.name]) continue;
    const bad = BAD_TYPE[f.type];
    if (f.type === 'date' && cols.typed?.has(f.name)) {
      out.push({
        code: 'IMPORT_DATE_OUT_OF_RANGE',
        col: f.name,
        cond: `${p} NOT BETWEEN DATE ${lit(DATE_MIN)} AND DATE ${lit(DATE_MAX)}`,
        val: shown,
      });
    } else if (f.type === 'date') {
      const mf = `regexp_extract(${v}, '^(\\d{1,2})/(\\d{1,2})/\\d{4}$', ['d', 'm'])`;
      out.push({
        code: 'IMPORT_DATE_MONTH_FIRST',
        col: f.name,
        cond: `${p} IS NULL AND ${v} IS NOT NULL AND TRY_CAST(${mf}.d AS INT) BETWEEN 1 AND 12 AND TRY_CAST(${mf}.m AS INT) BETWEEN 13 AND 31`,
        val: shown,
      });
      out.push({
        code: 'IMPORT_BAD_DATE',
        col: f.name,
        cond: `${p} IS NULL AND ${v} IS NOT NULL AND NOT coalesce(TRY_CAST(${mf}.d AS INT) BETWEEN 1 AND 12 AND TRY_CAST(${mf}.m AS INT) BETWEEN 13 AND 31, false)`,
        val: shown,
      });
      out.push({
        code: 'IMPORT_DATE_OUT_OF_RANGE',
        col: f.name,
        cond: `${p} NOT BETWEEN DATE ${lit(DATE_MIN)} AND DATE ${lit(DATE_MAX)}`,
        val: shown,
      });
    } else if (bad)
      out.push({ code: bad, col: f.name, cond: `${v} IS NOT NULL AND ${p} IS NULL`, val: shown });
    if (c.enum)
      out.push({
        code: 'IMPORT_BAD_CODE',
        col: f.name,
        cond: `${p} NOT IN (${c.enum.map(lit).join(', ')})`,
        val: shown,
      });
    if (c.minimum !== undefined || c.maximum !== undefined) {
      const conds = [
        c.minimum !== undefined ? `${p} < ${Number(c.minimum)}` : '',
        c.maximum !== undefined ? `${p} > ${Number(c.maximum)}` : '',
      ].filter(Boolean);
      out.push({ code: 'IMPORT_OUT_OF_RANGE', col: f.name, cond: conds.join(' OR '), val: shown });
    }
    if (f.name === 'national_register_number')
      out.push({
        code: 'IMPORT_BAD_NRN',
        col: f.name,
        cond: `${v} IS NOT NULL AND NOT coalesce(${nrnValidSql(nrnNormaliseSql(v))}, false)`,
        val: shown,
      });
  }
  for (const [a, b] of datePairs(t))
    if (src[a] && src[b])
      out.push({
        code: 'IMPORT_END_BEFORE_START',
        col: b,
        cond: `${cols.p(b)} < ${cols.p(a)}`,
        val: cols.v(b),
      });
  const pc = periodColumn(t);
  if (opts.period && pc)
    out.push({
      code: 'IMPORT_OUTSIDE_PERIOD',
      col: pc,
      cond: `${cols.p(pc)} NOT BETWEEN DATE ${lit(opts.period.from)} AND DATE ${lit(opts.period.to)}`,
      val: cols.v(pc),
    });
  return out;
}

/**
 * SELECT over `_raw` giving `_rec` (record number; `base` is the rowid of the first `_raw` row, as
 * rowids inside a transaction do not start at 0), each trimmed text `v_<name>` and each parsed value
 * `p_<name>`. Materialised once as `_stage`, so no expression is evaluated twice.
 */
export function stageSql(
  t: Table,
  src: FieldSource,
  pseudonym: (e: string) => string,
  base: bigint,
): string {
  const mapped = new Set(dedupColumns(t, src));
  const vs = t.fields.map((f) => `${textExpr(src[f.name])} AS "v_${f.name}"`).join(', ');
  const ps = t.fields
    .map((f) =>
      mapped.has(f.name)
        ? `"m_${f.name}".h AS "p_${f.name}"`
        : `${parseExpr(f, `"v_${f.name}"`, pseudonym)} AS "p_${f.name}"`,
    )
    .join(', ');
  const joins = [...mapped]
    .map((n) => ` LEFT JOIN "_map_${n}" AS "m_${n}" ON "m_${n}".v = r."v_${n}"`)
    .join('');
  return `SELECT r.*, ${ps} FROM (SELECT rowid - ${base} + 1 AS _rec, ${vs} FROM _raw) AS r${joins}`;
}

/**
 * Identifying columns that repeat (a person id in a table of spells): hashed once per distinct
 * value in `_map_<name>` and joined back, which is much cheaper than one HMAC per row.
 */
export function dedupColumns(t: Table, src: FieldSource): string[] {
  return t.fields
    .filter(
      (f) =>
        f.sensitivity === 'identifying' &&
        src[f.name] &&
        f.name !== 'national_register_number' &&
        !(t.primaryKey.length === 1 && t.primaryKey[0] === f.name),
    )
    .map((f) => f.name);
}

/** CREATE statement of the distinct-value pseudonym map of one column. */
export function mapSql(name: string, src: FieldSource, pseudonym: (e: string) => string): string {
  return `CREATE OR REPLACE TEMP TABLE "_map_${name}" AS SELECT v, ${pseudonym('v')} AS h FROM (SELECT DISTINCT ${textExpr(src[name])} AS v FROM _raw) WHERE v IS NOT NULL`;
}

/** Records of `_stage` that break at least one row rule. */
export function badRowsSql(t: Table, src: FieldSource, opts: CheckOptions): string {
  // No coalesce here: in a WHERE clause NULL counts as false, and plain ANDs short-circuit.
  const bad = rules(t, src, opts)
    .map((r) => `(${r.cond})`)
    .join(' OR ');
  return `SELECT _rec FROM _stage WHERE ${bad || 'false'}`;
}

/** One row (_rec, code, col, val) per broken rule, for the records in `_bad`. */
export function errorsSql(t: Table, src: FieldSource, opts: CheckOptions): string {
  const items = rules(t, src, opts)
    .map(
      (r) =>
        `CASE WHEN coalesce(${r.cond}, false) THEN {'code': ${lit(r.code)}, 'col': ${lit(r.col)}, 'val': CAST(${r.val} AS VARCHAR)} END`,
    )
    .join(',\n');
  if (!items)
    return 'SELECT NULL::BIGINT AS _rec, NULL AS code, NULL AS col, NULL AS val WHERE false';
  return `SELECT _rec, unnest(list_filter([${items}], x -> x IS NOT NULL), recursive := true) FROM _stage WHERE _rec IN (SELECT _rec FROM _bad)`;
}
