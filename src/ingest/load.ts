import { DATE_MAX, DATE_MIN, type Table } from '../contract/index.js';
import { importMessages as M, type ImportCode } from './messages.js';
import type { FileContext } from './import-file.js';
import type { RawSource } from './raw-source.js';
import {
  badRowsSql,
  datePairs,
  errorsSql,
  type CheckOptions,
  type FieldSource,
} from './validate-sql.js';

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

export interface LoadCounts {
  /** Records in `_raw` (after empty lines were removed). */
  records: number;
  loaded: number;
  /** Records with at least one problem (shape errors not included). */
  quarantined: number;
  byCode: Record<string, number>;
}

/**
 * From `_stage` (parsed rows): collects every problem in `_q` (row rules, then
 * keys and references on the rows that passed), writes the quarantine with line numbers and
 * messages, and inserts the remaining rows into the contract table.
 */
export async function quarantineAndLoad(
  ctx: FileContext,
  t: Table,
  file: string,
  src: FieldSource,
  raw: RawSource,
  opts: CheckOptions,
  /** Columns hashed through a distinct-value map `_map_<name>` (still present). */
  mapped: readonly string[] = [],
): Promise<LoadCounts> {
  const c = ctx.conn;
  const q = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJS();
  await c.run(
    'CREATE OR REPLACE TEMP TABLE _q (rec BIGINT, code VARCHAR, col VARCHAR, val VARCHAR)',
  );
  await c.run(`CREATE OR REPLACE TEMP TABLE _bad AS ${badRowsSql(t, src, opts)}`);
  await c.run(`INSERT INTO _q SELECT _rec, code, col, val FROM (${errorsSql(t, src, opts)})`);
  // Keys and references are checked on the rows that passed every row rule.
  const anyBad = Number((await q('SELECT count(*) AS n FROM _bad'))[0]!.n) > 0;
  // A clean file (the usual case) needs no anti-join against `_bad` in every later step.
  await c.run(
    `CREATE OR REPLACE TEMP VIEW _good AS SELECT * FROM _stage${anyBad ? ' WHERE _rec NOT IN (SELECT _rec FROM _bad)' : ''}`,
  );
  const pk = t.primaryKey;
  const keyVal = (cols: readonly string[], alias = '') =>
    `concat_ws('|', ${cols.map((k) => `CAST(${alias}"p_${k}" AS VARCHAR)`).join(', ')})`;
  if (pk.length) {
    const on = pk.map((k) => `x.${k} = s."p_${k}"`).join(' AND ');
    // Usually no key repeats: a hash aggregate finds that out without sorting the rows.
    const pkCols = pk.map((k) => `"p_${k}"`).join(', ');
    await c.run(
      `CREATE OR REPLACE TEMP TABLE _dupkeys AS SELECT ${pkCols} FROM _good GROUP BY ALL HAVING count(*) > 1`,
    );
    const dups = Number((await q('SELECT count(*) AS n FROM _dupkeys'))[0]!.n);
    if (dups > 0)
      await c.run(
        `INSERT INTO _q SELECT _rec, 'IMPORT_DUPLICATE_KEY', ${sqlString(pk.join(', '))}, ${keyVal(pk, 's.')} FROM _good s SEMI JOIN _dupkeys d ON ${pk.map((k) => `s."p_${k}" IS NOT DISTINCT FROM d."p_${k}"`).join(' AND ')}`,
      );
    await c.run('DROP TABLE _dupkeys');
    const stored = (await q(`SELECT count(*) AS n FROM (SELECT 1 FROM ${t.name} LIMIT 1)`))[0]!.n;
    if (Number(stored) > 0)
      await c.run(
        `INSERT INTO _q SELECT _rec, 'IMPORT_KEY_EXISTS', ${sqlString(pk.join(', '))}, ${keyVal(pk, 's.')} FROM _good s WHERE EXISTS (SELECT 1 FROM ${t.name} x WHERE ${on})`,
      );
  }
  for (const fk of t.foreignKeys) {
    const target = fk.reference.resource;
    const on = fk.fields.map((f, i) => `x.${fk.reference.fields[i]} = s."p_${f}"`).join(' AND ');
    const notNull = fk.fields.map((f) => `s."p_${f}" IS NOT NULL`).join(' AND ');
    const via = fk.fields.length === 1 && mapped.includes(fk.fields[0]!) ? fk.fields[0]! : null;
    if (via) {
      // Every pseudonym in the column comes from its distinct-value map: when each mapped value
      // exists in the target, no row can dangle, and the row-level anti-join is skipped.
      const missing = await q(
        `SELECT count(*) AS n FROM "_map_${via}" m WHERE NOT EXISTS (SELECT 1 FROM ${target} x WHERE x.${fk.reference.fields[0]} = m.h)`,
      );
      if (Number(missing[0]!.n) === 0) continue;
    }
    await c.run(
      `INSERT INTO _q SELECT _rec, 'IMPORT_DANGLING_REFERENCE', ${sqlString(fk.fields.join(', '))}, ${keyVal(fk.fields, 's.')} FROM _good s WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${target} x WHERE ${on})`,
    );
  }

  ctx.step('load');
  const records = Number((await q('SELECT count(*) AS n FROM _stage'))[0]!.n);
  const quarantined = Number((await q('SELECT count(DISTINCT rec) AS n FROM _q'))[0]!.n);
  const cols = t.fields.map((f) => f.name);
  const ins = await c.run(
    `INSERT INTO ${t.name} (${cols.join(', ')}) SELECT ${cols.map((f) => `"p_${f}"`).join(', ')} FROM _good s${quarantined ? ' WHERE NOT EXISTS (SELECT 1 FROM _q WHERE _q.rec = s._rec)' : ''}`,
  );
  const loaded = Number(ins.rowsChanged);

  // Lines and messages for the quarantine, computed only for records that have a problem.
  const recs = (await q('SELECT DISTINCT rec FROM _q ORDER BY rec')).map((r) => Number(r.rec));
  const lines = await raw.lineOf(recs);
  await c.run('CREATE OR REPLACE TEMP TABLE _lines (rec BIGINT, line BIGINT)');
  const la = await c.createAppender('_lines', 'main', 'temp');
  for (const r of recs) {
    la.appendBigInt(BigInt(r));
    la.appendBigInt(BigInt(lines.get(r) ?? 0));
    la.endRow();
  }
  la.closeSync();
  const pairs = await q('SELECT DISTINCT code, col FROM _q');
  const shape = raw.shapeErrors
    .filter((s) => !s.code)
    .map((s) => ({ code: 'IMPORT_ROW_SHAPE', col: s.kind }));
  await c.run(
    'CREATE OR REPLACE TEMP TABLE _msgs (code VARCHAR, col VARCHAR, nl VARCHAR, en VARCHAR)',
  );
  const ma = await c.createAppender('_msgs', 'main', 'temp');
  for (const p of [...pairs.map((p) => ({ code: String(p.code), col: String(p.col) })), ...shape]) {
    const m = message(t, p.code as ImportCode, p.col, opts);
    ma.appendVarchar(p.code);
    ma.appendVarchar(p.col);
    ma.appendVarchar(m.nl);
    ma.appendVarchar(m.en);
    ma.endRow();
  }
  ma.closeSync();
  const head = [ctx.importId, file, t.name].map(sqlString).join(', ');
  await c.run(
    `INSERT INTO quarantine SELECT ${head}, l.line, q.col, q.val, q.code, m.nl, m.en FROM _q q JOIN _lines l ON l.rec = q.rec JOIN _msgs m ON m.code = q.code AND m.col = q.col ORDER BY l.line, q.col`,
  );
  for (const s of raw.shapeErrors) {
    const code = s.code ?? 'IMPORT_ROW_SHAPE';
    const m = s.message ?? message(t, 'IMPORT_ROW_SHAPE', s.kind, opts);
    await c.run(
      `INSERT INTO quarantine VALUES (${head}, ${s.line}, NULL, NULL, ${sqlString(code)}, ${sqlString(m.nl)}, ${sqlString(m.en)})`,
    );
  }
  const byCode: Record<string, number> = {};
  for (const r of await q(
    'SELECT code, count(DISTINCT rec) AS n FROM _q GROUP BY code ORDER BY code',
  ))
    byCode[String(r.code)] = Number(r.n);
  for (const s of raw.shapeErrors) {
    const code = s.code ?? 'IMPORT_ROW_SHAPE';
    byCode[code] = (byCode[code] ?? 0) + 1;
  }
  await c.run(
    'DROP TABLE IF EXISTS _q; DROP TABLE IF EXISTS _bad; DROP VIEW IF EXISTS _good; DROP TABLE IF EXISTS _lines; DROP TABLE IF EXISTS _msgs;',
  );
  return { records, loaded, quarantined, byCode };
}

function message(t: Table, code: ImportCode, col: string, opts: CheckOptions) {
  const f = t.fields.find((x) => x.name === col);
  switch (code) {
    case 'IMPORT_BAD_CODE':
      return M.IMPORT_BAD_CODE(col, (f?.constraints.enum ?? []).join(', '));
    case 'IMPORT_OUT_OF_RANGE':
      return M.IMPORT_OUT_OF_RANGE(
        col,
        `${f?.constraints.minimum ?? '…'}..${f?.constraints.maximum ?? '…'}`,
      );
    case 'IMPORT_DATE_OUT_OF_RANGE':
      return M.IMPORT_DATE_OUT_OF_RANGE(col, DATE_MIN, DATE_MAX);
    case 'IMPORT_END_BEFORE_START': {
      const start = datePairs(t).find(([, end]) => end === col)?.[0] ?? '';
      return M.IMPORT_END_BEFORE_START(col, start);
    }
    case 'IMPORT_DANGLING_REFERENCE': {
      const fk = t.foreignKeys.find((k) => k.fields.join(', ') === col);
      return M.IMPORT_DANGLING_REFERENCE(col, fk?.reference.resource ?? '?');
    }
    case 'IMPORT_OUTSIDE_PERIOD':
      return M.IMPORT_OUTSIDE_PERIOD(col, `${opts.period?.from}..${opts.period?.to}`);
    case 'IMPORT_ROW_SHAPE':
      return M.IMPORT_ROW_SHAPE(col);
    default: {
      const fn = M[code] as (c: string) => { nl: string; en: string };
      return fn(col);
    }
  }
}
