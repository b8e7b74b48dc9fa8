import { defineMessages } from '../shared/index.js';

/** Messages of the synthetic-data generator. */
export const generateMessages = defineMessages({
  GENERATE_BAD_PERSONS: (v: string) => ({
    nl: `Het aantal personen moet een geheel getal tussen 1 en 50.000.000 zijn, niet '${v}'.`,
    en: `The number of persons must be a whole number from 1 to 50,000,000, not '${v}'.`,
  }),
  GENERATE_BAD_SEED: (v: string) => ({
    nl: `De seed moet een geheel getal tussen 0 en 2^31 zijn, niet '${v}'.`,
    en: `The seed must be a whole number from 0 to 2^31, not '${v}'.`,
  }),
  GENERATE_BAD_DATE: (k: string, v: string) => ({
    nl: `--${k} moet een datum JJJJ-MM-DD tussen 1990 en 2099 zijn, niet '${v}'.`,
    en: `--${k} must be a date YYYY-MM-DD between 1990 and 2099, not '${v}'.`,
  }),
  GENERATE_BAD_PERIOD: (from: string, to: string) => ({
    nl: `De periode begint (${from}) na haar einde (${to}).`,
    en: `The period starts (${from}) after it ends (${to}).`,
  }),
  GENERATE_NEEDS_DUCKDB: (dialect: string) => ({
    nl: `Synthetische gegevens worden in DuckDB aangemaakt, niet in ${dialect}; exporteer ze daarna als bestanden.`,
    en: `Synthetic data are generated in DuckDB, not in ${dialect}; export them as files afterwards.`,
  }),
});
