/**
 * Belgian national register number (rijksregisternummer): 11 digits YYMMDD SSS CC, where CC =
 * 97 − (first nine digits mod 97); for births from 2000 the check is computed over '2' followed by
 * the nine digits. Separators (dots, dashes, spaces) are allowed in the source and dropped.
 */
export function isValidNrn(raw: string): boolean {
  const d = normaliseNrn(raw);
  if (!/^\d{11}$/.test(d)) return false;
  const base = Number(d.slice(0, 9));
  const check = Number(d.slice(9));
  return 97 - (base % 97) === check || 97 - ((2_000_000_000 + base) % 97) === check;
}

/** Digits only: `85.07.30-033.28` → `85073003328`. This form is what gets pseudonymised. */
export function normaliseNrn(raw: string): string {
  return raw.replace(/[\s.\-/]/g, '');
}

/** The same check as a DuckDB expression over the normalised VARCHAR expression `e`. */
export function nrnValidSql(e: string): string {
  return `(regexp_full_match(${e}, '\\d{11}') AND (97 - (TRY_CAST(left(${e}, 9) AS BIGINT) % 97) = TRY_CAST(right(${e}, 2) AS BIGINT) OR 97 - ((2000000000 + TRY_CAST(left(${e}, 9) AS BIGINT)) % 97) = TRY_CAST(right(${e}, 2) AS BIGINT)))`;
}

/** SQL twin of `normaliseNrn`. */
export function nrnNormaliseSql(e: string): string {
  return `regexp_replace(${e}, '[\\s./-]', '', 'g')`;
}
