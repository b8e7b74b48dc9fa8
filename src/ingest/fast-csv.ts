import { open } from 'node:fs/promises';
import { getTable, type Field, type Table } from '../contract/index.js';
import { IdwError } from '../shared/index.js';
import { normaliseHeader, sniffHead, splitRecord } from './csv-text.js';
import { tableFromHeader, tableFromName } from './detect.js';
import type { FileScan } from './file-scan.js';
import type { FileContext } from './import-file.js';
import { importMessages as M } from './messages.js';
import { DEFAULT_MAX_LINE_BYTES } from './read-csv.js';
import { pseudonymSql } from './pseudonym.js';
import { dedupColumns, parseExpr, rules, type RuleColumns } from './validate-sql.js';

/**
 * The fast path for a clean CSV file: ONE read with DuckDB's reader (day-first dates typed by the
 * reader itself), the same rules as the exact path, checked set-based, and the insert. It decides
 * only "everything is clean, load it" or "not sure": then it leaves nothing behind and the exact
 * path (read-csv.ts, validate-sql.ts, load.ts) imports the file and names every problem. It must
 * never accept a file the exact path would quarantine, nor read a value differently
 * (fast-csv.test.ts runs both paths on every corpus file and on random rows).
 */

export interface FastResult {
  readonly table: Table;
  readonly records: number;
  readonly loaded: number;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const q = (name: string) => `"${name}"`;
const TEMP = ['_fast', '_fast_rej', '_fast_rej_scan'];

/** The date DuckDB's reader gives special words (`infinity`, `epoch`) with a format: never trusted. */
const READER_DEFAULT_DATE = `DATE '1900-01-01'`;

/**
 * Imports a clean CSV file the fast way, or returns why it did not (the caller then runs the
 * exact path; nothing of this attempt is left in the store or the temporary tables).
 */
export async function tryFastCsv(
  ctx: FileContext,
  path: string,
  scan: FileScan,
): Promise<FastResult | string> {
  if (ctx.period) return 'replace-period';
  if (!scan.utf8 || (ctx.encoding && ctx.encoding !== 'utf-8')) return 'encoding';
  if (scan.mixedNewlines) return 'mixed line ends';
  if (scan.longestLine > (ctx.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES)) return 'long line';
  const sample = await readStart(path);
  const head = sniffHead(sample);
  if (!head) return 'empty';
  if (head.trailingSeparator) return 'trailing separator';
  const columns = head.header.map(normaliseHeader);
  const table = ctx.table ? getTable(ctx.table) : (tableFromName(path) ?? tableFromHeader(columns));
  if (!table) return 'table';
  const byName = new Map(table.fields.map((f) => [f.name, f]));
  const src: Record<string, string> = {};
  for (const [i, c] of columns.entries()) {
    if (!byName.has(c) || src[c]) return 'header';
    src[c] = `c${i}`;
  }
  const present = table.fields.filter((f) => src[f.name]);
  if (!table.fields.every((f) => !f.constraints.required || src[f.name])) return 'header';
  if (!present.some((f) => f.constraints.required)) return 'header';
  const mapped = new Set(dedupColumns(table, src));
  if (table.foreignKeys.some((fk) => fk.fields.length !== 1 || !mapped.has(fk.fields[0]!)))
    return 'reference';

  const typed = readerDates(scan, head.delimiter, sample, columns, present);
  const plain = !scan.has.space && !scan.has.quote;
  const pseudonym = (e: string) => pseudonymSql(ctx.key, e);
  const hashed = (f: Field) => f.sensitivity === 'identifying' && !mapped.has(f.name);
  // Columns of `_fast`: `v_<f>` the trimmed text (strings, and fields parsed in SQL), `p_<f>` the
  // parsed value where it differs from the text (reader dates, numbers, booleans, pseudonyms).
  const hasP = (f: Field) => typed.has(f.name) || f.type !== 'string' || hashed(f);
  const hasV = (f: Field) => !typed.has(f.name);
  const cols: RuleColumns = {
    v: (n) => (hasV(byName.get(n)!) ? q(`v_${n}`) : q(`p_${n}`)),
    p: (n) => (hasP(byName.get(n)!) ? q(`p_${n}`) : q(`v_${n}`)),
    typed,
  };
  const text = (c: string) => (plain ? c : `NULLIF(trim(${c}), '')`);
  const inner = present.map((f) =>
    typed.has(f.name)
      ? `${src[f.name]} AS ${q(`p_${f.name}`)}`
      : `${text(src[f.name]!)} AS ${q(`v_${f.name}`)}`,
  );
  const outer = present.flatMap((f) => [
    ...(hasV(f) ? [q(`v_${f.name}`)] : []),
    ...(hasP(f) && !typed.has(f.name)
      ? [`${parseExpr(f, q(`v_${f.name}`), pseudonym)} AS ${q(`p_${f.name}`)}`]
      : typed.has(f.name)
        ? [q(`p_${f.name}`)]
        : []),
  ]);
  const readerCols = columns
    .map((c, i) => `'c${i}': '${typed.has(c) ? 'DATE' : 'VARCHAR'}'`)
    .join(', ');
  const fmt = typed.size ? `, dateformat='%d/%m/%Y'` : '';

  const c = ctx.conn;
  const count = async (sql: string) => Number((await c.runAndReadAll(sql)).getRows()[0]?.[0] ?? 0);
  const maps = [...mapped].map((n) => q(`_map_${n}`));
  const cleanup = async () => {
    for (const t of [...TEMP, ...maps]) await c.run(`DROP TABLE IF EXISTS ${t}`);
  };
  const fallBack = async (why: string) => {
    await cleanup();
    return why;
  };

  ctx.step('read');
  await cleanup();
  try {
    await c.run(
      `CREATE TEMP TABLE _fast AS SELECT ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} FROM read_csv(${sqlString(path)}, auto_detect=false, header=true, delim=${sqlString(head.delimiter)}, quote='"', escape='"', columns={${readerCols}}${fmt}, store_rejects=true, rejects_table='_fast_rej', rejects_scan='_fast_rej_scan', max_line_size=10000000))`,
    );
  } catch {
    // As in read-csv.ts: DuckDB's message may quote a line (an identifier), never pass it on.
    throw IdwError.single('IMPORT_UNREADABLE_CSV', M.IMPORT_UNREADABLE_CSV(), {
      file: path.split(/[\\/]/).pop()!,
    });
  }
  // Lines of only whitespace are skipped by both paths; any other rejected line is a problem.
  const rejected = await count(
    `SELECT count(*) FROM (SELECT line FROM _fast_rej GROUP BY line HAVING NOT bool_and(trim(csv_line, E' \\t\\r') = ''))`,
  );
  if (rejected) return fallBack('rejected lines');
  const records = await count('SELECT count(*) FROM _fast');
  if (!records) return fallBack('no rows');

  ctx.step('check');
  const conds = rules(table, src, {}, cols).map((r) => `(${r.cond})`);
  for (const n of typed) conds.push(`${q(`p_${n}`)} = ${READER_DEFAULT_DATE}`);
  if (await count(`SELECT count(*) FROM (SELECT 1 FROM _fast WHERE ${conds.join(' OR ')} LIMIT 1)`))
    return fallBack('row rules');
  const pk = table.primaryKey;
  // Equal keys have equal hashes: no repeated hash proves there is no repeated key. Identifying
  // keys are compared on their text (the HMAC is one-to-one on it).
  const keyCol = (k: string) =>
    byName.get(k)!.sensitivity === 'identifying' ? q(`v_${k}`) : cols.p(k);
  if (
    pk.length &&
    (await count(
      `SELECT count(*) FROM (SELECT hash(${pk.map(keyCol).join(', ')}) AS h FROM _fast GROUP BY h HAVING count(*) > 1)`,
    ))
  )
    return fallBack('repeated key');

  for (const n of mapped)
    await c.run(
      `CREATE TEMP TABLE ${q(`_map_${n}`)} AS SELECT v, ${pseudonym('v')} AS h FROM (SELECT DISTINCT ${q(`v_${n}`)} AS v FROM _fast) WHERE v IS NOT NULL`,
    );
  const joins = [...mapped]
    .map(
      (n) =>
        ` LEFT JOIN ${q(`_map_${n}`)} AS ${q(`m_${n}`)} ON ${q(`m_${n}`)}.v = s.${q(`v_${n}`)}`,
    )
    .join('');
  const stored = (n: string) => (mapped.has(n) ? `${q(`m_${n}`)}.h` : `s.${cols.p(n)}`);
  if (pk.length && (await count(`SELECT count(*) FROM (SELECT 1 FROM ${table.name} LIMIT 1)`))) {
    const on = pk.map((k) => `x.${k} = ${stored(k)}`).join(' AND ');
    if (
      await count(
        `SELECT count(*) FROM (SELECT 1 FROM _fast s${joins} WHERE EXISTS (SELECT 1 FROM ${table.name} x WHERE ${on}) LIMIT 1)`,
      )
    )
      return fallBack('key in store');
  }
  for (const fk of table.foreignKeys) {
    const n = fk.fields[0]!;
    const missing = await count(
      `SELECT count(*) FROM ${q(`_map_${n}`)} m WHERE NOT EXISTS (SELECT 1 FROM ${fk.reference.resource} x WHERE x.${fk.reference.fields[0]} = m.h)`,
    );
    if (missing) return fallBack('dangling reference');
  }

  ctx.step('load');
  const names = present.map((f) => f.name);
  // Storage tuning (dictionary compression off for unique ids) is fixed when the import opens the
  // store (`bulkLoad` in store/duckdb-engine.ts): a locked store refuses SET.
  const ins = await c.run(
    `INSERT INTO ${table.name} (${names.join(', ')}) SELECT ${names.map(stored).join(', ')} FROM _fast s${joins}`,
  );
  const loaded = Number(ins.rowsChanged);
  await cleanup();
  if (loaded !== records) throw new Error(`internal: fast path loaded ${loaded} of ${records}`);
  return { table, records, loaded };
}

/**
 * Date fields DuckDB's reader may parse itself (`%d/%m/%Y`, much cheaper than in SQL): only when
 * every date in the first lines is day-first, and only in a file where the reader's leniency
 * cannot matter. Its date parser skips tabs, vertical tabs and form feeds around a date and would
 * skip a line break inside quotes, all of which the exact path refuses; so no such byte may occur
 * in the file (a tab only as the separator of a file without quotes).
 */
function readerDates(
  scan: FileScan,
  delimiter: string,
  sample: string,
  columns: readonly string[],
  present: readonly Field[],
): Set<string> {
  const dates = present.filter((f) => f.type === 'date').map((f) => f.name);
  const none = new Set<string>();
  if (!dates.length || scan.has.vtFf || scan.has.quote) return none;
  if (scan.has.tab && delimiter !== '\t') return none;
  const idx = dates.map((d) => columns.indexOf(d));
  const lines = sample
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(0, -1);
  const first = lines.findIndex((l) => l.trim() !== '');
  let seen = 0;
  for (const l of lines.slice(first + 1)) {
    if (l.trim() === '') continue;
    const fields = splitRecord(l, delimiter);
    for (const i of idx) {
      const v = fields[i]?.trim() ?? '';
      if (!v) continue;
      if (!v.includes('/')) return none;
      seen++;
    }
  }
  return seen ? new Set(dates) : none;
}

async function readStart(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(256 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
}
