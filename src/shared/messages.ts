import type { Bilingual } from './errors.js';

/**
 * A typed message catalogue: code → function returning Dutch and English text. Each stage keeps
 * its own catalogue (`messages.ts`) built with `defineMessages`; codes are prefixed with the stage
 * (`PLAN_`, `IMPORT_` …) and a test checks they are unique across the project.
 */
export type MessageCatalogue = Record<string, (...args: never[]) => Bilingual>;

export function defineMessages<const C extends MessageCatalogue>(catalogue: C): C {
  return catalogue;
}
