/** Contract identifiers: lower-case letters, digits and `_` (see contract/field.ts). */
const IDENT = /^[a-z][a-z0-9_]*$/;

/**
 * A table or column name of the data contract, quoted for SQL. The plan loader already refused any
 * other name; this is the second lock, so a name that is not a plain identifier never reaches SQL.
 */
export function ident(name: string): string {
  if (!IDENT.test(name))
    throw new Error(`internal: not a contract identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
}
