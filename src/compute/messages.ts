import { defineMessages } from '../shared/index.js';

/** Messages of the indicator engine. */
export const computeMessages = defineMessages({
  COMPUTE_UNKNOWN_POPULATION: (ind: string, name: string) => ({
    nl: `Indicator ${ind} verwijst naar onbekende populatie '${name}'.`,
    en: `Indicator ${ind} refers to unknown population '${name}'.`,
  }),
  COMPUTE_UNKNOWN_DIMENSION: (ind: string, name: string) => ({
    nl: `Indicator ${ind} verwijst naar onbekende dimensie '${name}'.`,
    en: `Indicator ${ind} refers to unknown dimension '${name}'.`,
  }),
  COMPUTE_UNREACHABLE_COLUMN: (ind: string, column: string, table: string) => ({
    nl: `Indicator ${ind}: kolom ${column} is niet bereikbaar vanuit tabel ${table}.`,
    en: `Indicator ${ind}: column ${column} cannot be reached from table ${table}.`,
  }),
  COMPUTE_BAD_COLUMN: (ind: string, column: string, why: string) => ({
    nl: `Indicator ${ind}: kolom ${column} kan hier niet gebruikt worden (${why}).`,
    en: `Indicator ${ind}: column ${column} cannot be used here (${why}).`,
  }),
  COMPUTE_BAD_AS_OF: (v: string) => ({
    nl: `Ongeldige peildatum '${v}' (verwacht JJJJ-MM-DD).`,
    en: `Invalid cut-off date '${v}' (expected YYYY-MM-DD).`,
  }),
  COMPUTE_UNKNOWN_RESULT: (id: string) => ({
    nl: `Onbekend meetbaar resultaat of reeks '${id}'.`,
    en: `Unknown measurable result or series '${id}'.`,
  }),
  COMPUTE_EMPTY_STORE: () => ({
    nl: 'De opslag bevat geen gegevens: geef een peildatum met --as-of of laad eerst gegevens.',
    en: 'The store holds no data: give a cut-off date with --as-of or load data first.',
  }),
  COMPUTE_NOT_AN_IDENTIFIER: (name: string) => ({
    nl: `${name} is geen tabel- of kolomnaam van het gegevenscontract en komt niet in een zoekopdracht.`,
    en: `${name} is not a contract identifier (table or column name) and never enters a query.`,
  }),
});
