import { IdwError } from '../../shared/index.js';
import { computeMessages as m } from '../messages.js';

/** Contract identifiers: lower-case letters, digits and `_` (see contract/field.ts). */
const IDENT = /^[a-z][a-z0-9_]*$/;

/**
 * A table or column name of the data contract, quoted for SQL. The plan loader already refused any
 * other name; this is the second lock, so a name that is not a plain identifier never reaches SQL.
 */
export function ident(name: string): string {
  if (!IDENT.test(name))
    throw IdwError.single(
      'COMPUTE_NOT_AN_IDENTIFIER',
      // Shown escaped and cut short: it came from a plan that bypassed the loader.
      m.COMPUTE_NOT_AN_IDENTIFIER(JSON.stringify(name.slice(0, 60))),
    );
  return `"${name}"`;
}
