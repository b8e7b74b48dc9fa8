import { CONTRACT_TABLES } from '../contract/index.js';
import type { Indicator } from './schema.js';

/**
 * Contract tables whose rows belong to one person: they carry the pseudonymised `person_id`.
 * A count or sum over such a table counts persons or persons' events.
 */
export const PERSON_LEVEL_TABLES: ReadonlySet<string> = new Set(
  CONTRACT_TABLES.filter((t) => t.fields.some((f) => f.name === 'person_id')).map((t) => t.name),
);

/** The contract table an indicator reads its units from (undefined for manual values). */
function unitTable(ind: Indicator): string | undefined {
  switch (ind.kind) {
    case 'count':
    case 'share':
      // Stock and inflow count registered persons; events count rows of their table.
      return ind.of === 'events' ? ind.table : 'registrations';
    case 'sum':
      return ind.table;
    case 'cohort-outflow':
    case 'duration':
    case 'flow':
      return 'registrations';
    case 'manual':
      return undefined;
  }
}

/** Whether the contract says the indicator counts persons or persons' events (person-level table). */
export function personalByContract(ind: Indicator): boolean {
  const t = unitTable(ind);
  return t !== undefined && PERSON_LEVEL_TABLES.has(t);
}

/**
 * Whether disclosure control protects the indicator's numbers as persons. The contract decides;
 * the plan's `personal: true` can only add protection (persons' events in a table without a
 * person id, such as interpreter sessions), never remove it (`personal: false` on a person-level
 * table is refused when the plan is loaded).
 */
export function isPersonal(ind: Indicator): boolean {
  return ind.personal === true || personalByContract(ind);
}

/** Ids of the plan's indicators whose numbers count no person: no count threshold applies. */
export function nonPersonalIndicators(indicators: readonly Indicator[]): ReadonlySet<string> {
  return new Set(indicators.filter((i) => !isPersonal(i)).map((i) => i.id));
}
