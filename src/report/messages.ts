import { defineMessages } from '../shared/index.js';

/** Messages of the report stage. */
export const reportMessages = defineMessages({
  REPORT_AUDIENCE_MISMATCH: (wanted: string, got: string) => ({
    nl: `Het rapport is voor publiek '${wanted}', maar de cijfers zijn beschermd voor '${got}'; bescherm ze opnieuw voor '${wanted}'.`,
    en: `The report is for audience '${wanted}' but the figures were protected for '${got}'; protect them again for '${wanted}'.`,
  }),
  REPORT_BAD_INPUT: (detail: string) => ({
    nl: `Het invoerbestand met beschermde resultaten is ongeldig: ${detail}`,
    en: `The input file of protected results is invalid: ${detail}`,
  }),
  REPORT_BAD_FORMAT: (format: string, allowed: string) => ({
    nl: `Onbekend formaat '${format}'; toegelaten: ${allowed}.`,
    en: `Unknown format '${format}'; allowed: ${allowed}.`,
  }),
  REPORT_BAD_DATE: (value: string) => ({
    nl: `'${value}' is geen geldige datum (JJJJ-MM-DD).`,
    en: `'${value}' is not a valid date (YYYY-MM-DD).`,
  }),
  REPORT_BAD_AUDIENCE: (value: string) => ({
    nl: `Onbekend publiek '${value}'; toegelaten: public, board.`,
    en: `Unknown audience '${value}'; allowed: public, board.`,
  }),
  REPORT_NO_RESULTS: () => ({
    nl: 'Geen beschermde resultaten: geef --results BESTAND (JSON van de pijplijn compute → protect → narrate).',
    en: 'No protected results: give --results FILE (JSON from the compute → protect → narrate pipeline).',
  }),
  REPORT_PREVIOUS_UNREADABLE: (dir: string, detail: string) => ({
    nl: `Het vorige rapport in ${dir} kan niet gelezen worden (results.json): ${detail}`,
    en: `The previous report in ${dir} cannot be read (results.json): ${detail}`,
  }),
});
