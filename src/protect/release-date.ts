import { IdwError } from '../shared/index.js';
import type { Access } from './access.js';
import { protectMessages as m } from './messages.js';
import type { Audience } from './types.js';

/** Whether `date` (YYYY-MM-DD) is the last day of its month. */
function monthEnd(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.getUTCDate() === 1;
}

/** Whether a public output may be made with this cut-off date (`publicReleases` in the access file). */
export function isPublicReleaseDate(asOf: string, releases: Access['publicReleases']): boolean {
  if (releases.dates.includes(asOf)) return true;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !monthEnd(asOf)) return false;
  const month = Number(asOf.slice(5, 7));
  return (
    releases.every === 'month' || (releases.every === 'quarter' ? month % 3 === 0 : month === 12)
  );
}

/**
 * Refuses a public output whose cut-off date is not a declared release date: outputs one day
 * apart differ by the persons of that day. Other audiences may use any date.
 */
export function assertReleaseDate(asOf: string, audience: Audience, access: Access): void {
  if (audience !== 'public' || isPublicReleaseDate(asOf, access.publicReleases)) return;
  throw IdwError.single(
    'PROTECT_NOT_A_RELEASE_DATE',
    m.PROTECT_NOT_A_RELEASE_DATE(asOf, access.publicReleases.every),
    { file: 'config/access.yaml', path: 'publicReleases' },
  );
}
