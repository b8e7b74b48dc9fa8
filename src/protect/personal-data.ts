import { CONTRACT_TABLES } from '../contract/index.js';

/** Column names that identify a person (pseudonymised ids, national register number). */
export const IDENTIFYING_COLUMNS: ReadonlySet<string> = new Set(
  CONTRACT_TABLES.flatMap((t) =>
    t.fields.filter((f) => f.sensitivity === 'identifying').map((f) => f.name),
  ),
);

/** Keys whose values are hashes of definitions, queries or data, not of persons. */
const HASH_KEY = /hash|provenance|snapshot|sql|^id$|^key$/i;
/** A hex digest as pseudonymisation produces (20+ hex digits). */
const HEX_ID = /^[0-9a-f]{20,}$/i;

/** True for a Belgian national register number that passes the mod-97 check. */
export function isNationalRegisterNumber(s: string): boolean {
  const d = s.replace(/[.\-\s]/g, '');
  if (!/^\d{11}$/.test(d)) return false;
  const body = Number(d.slice(0, 9)),
    check = Number(d.slice(9));
  return 97 - (body % 97) === check || 97 - (Number(`2${d.slice(0, 9)}`) % 97) === check;
}

/** Why a value under a key looks like personal data, or undefined. */
export function personalValue(key: string, value: unknown): string | undefined {
  if (IDENTIFYING_COLUMNS.has(key)) return `column ${key}`;
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (!HASH_KEY.test(key) && HEX_ID.test(v)) return `pseudonym-like value under '${key}'`;
  if (isNationalRegisterNumber(v)) return `national register number under '${key}'`;
  return undefined;
}

/** Walks any JSON value and lists every place that holds personal data. */
export function scanJson(value: unknown, path = '$'): string[] {
  const out: string[] = [];
  const walk = (v: unknown, p: string, key: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}[${i}]`, key));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        const why = personalValue(k, x);
        if (why) out.push(`${p}.${k}: ${why}`);
        else walk(x, `${p}.${k}`, k);
      }
    else {
      const why = personalValue(key, v);
      if (why) out.push(`${p}: ${why}`);
    }
  };
  walk(value, path, '');
  return out;
}

/**
 * Contract columns that are special data (residence status, nationality, origin, migration
 * background …), plus `residence_status` (the `status` column of `residence_status_spells` by
 * its table's name). A default for `specialDimensions` until compute exposes its own list.
 */
export const SPECIAL_COLUMNS: readonly string[] = [
  ...new Set([
    'residence_status',
    ...CONTRACT_TABLES.flatMap((t) =>
      t.fields.filter((f) => f.sensitivity === 'special').map((f) => f.name),
    ),
  ]),
].sort();
