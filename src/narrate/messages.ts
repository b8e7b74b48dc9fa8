import { defineMessages } from '../shared/index.js';

/** Messages of the narrate stage. */
export const narrateMessages = defineMessages({
  NARRATE_BAD_RULES: (detail: string) => ({
    nl: `Ongeldige selectieregels: ${detail}`,
    en: `Invalid selection rules: ${detail}`,
  }),
  NARRATE_CHECK_FAILED: (id: string, detail: string) => ({
    nl: `Bevinding ${id} klopt niet met de resultaten: ${detail}`,
    en: `Finding ${id} does not match the results: ${detail}`,
  }),
});
