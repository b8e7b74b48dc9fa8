/**
 * Small SQL builders for deterministic pseudo-random numbers inside DuckDB.
 * `rnd(stream, id)` hashes the id, mixes in a hash of stream and seed, hashes again and maps to [0, 1)
 * (DuckDB's multi-argument `hash(a, b, c)` gives strongly correlated streams, so it is not used): the same seed, stream and id
 * always give the same number, whatever the order or the number of threads.
 */

/** A weighted choice as a CASE over one uniform number `u` (weights need not sum to 1). */
export function pick(u: string, choices: readonly (readonly [string | number, number])[]): string {
  if (choices.length === 1) return lit(choices[0]![0]);
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const arms = choices.slice(0, -1).map(([v, w]) => {
    acc += w / total;
    return `WHEN ${u} < ${acc.toFixed(6)} THEN ${lit(v)}`;
  });
  return `(CASE ${arms.join(' ')} ELSE ${lit(choices[choices.length - 1]![0])} END)`;
}

/** An exponential draw (mean `mean`) from a uniform number `u`. */
export function expo(u: string, mean: number | string): string {
  return `(-ln(1 - ${u}) * ${mean})`;
}

/** A standard normal draw (Box–Muller) from two uniform numbers. */
export function normal(u1: string, u2: string): string {
  return `(sqrt(-2 * ln(1 - ${u1})) * cos(2 * pi() * ${u2}))`;
}

/** SQL literal for a code or number. */
export function lit(v: string | number): string {
  return typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`;
}

/** SQL for `d + n calendar months` (end of month clamped, like `addMonths`). */
export function plusMonths(d: string, n: number | string): string {
  return `CAST(${d} + to_months(CAST(${n} AS INTEGER)) AS DATE)`;
}

/** The macros every generation step uses; `seed` is a validated integer. */
export function macrosSql(seed: number): string {
  return `
CREATE OR REPLACE TEMP MACRO rnd(k, i) AS ((hash(xor(hash(i), hash(k * 1000003 + ${seed}::BIGINT * 65537))) >> 11)::DOUBLE / 9007199254740992.0);
`;
}
