import { defineMessages } from '../shared/index.js';

/**
 * Messages of the import. Row-level messages name the column but never the value: the value sits in
 * the quarantine's own column (pseudonymised when the column is identifying), so a message can be
 * logged or shown without leaking an identifier.
 */
export const importMessages = defineMessages({
  IMPORT_NO_KEY: () => ({
    nl: 'Geen pseudonimiseringssleutel: zet IDW_PSEUDONYM_KEY of geef --key-file. De sleutel wordt nooit bij de gegevens bewaard.',
    en: 'No pseudonymisation key: set IDW_PSEUDONYM_KEY or pass --key-file. The key is never stored with the data.',
  }),
  IMPORT_KEY_TOO_SHORT: () => ({
    nl: 'De pseudonimiseringssleutel is te kort (minstens 16 tekens).',
    en: 'The pseudonymisation key is too short (at least 16 characters).',
  }),
  IMPORT_KEY_MISMATCH: () => ({
    nl: 'Deze sleutel verschilt van de sleutel waarmee de opslag eerder gevuld werd; pseudoniemen zouden niet meer overeenkomen.',
    en: 'This key differs from the key the store was filled with before; pseudonyms would no longer match.',
  }),
  IMPORT_KEY_FILE_UNREADABLE: (file: string) => ({
    nl: `Het sleutelbestand ${file} kan niet gelezen worden.`,
    en: `The key file ${file} cannot be read.`,
  }),
  IMPORT_INTERNAL: (file: string) => ({
    nl: `Interne fout bij het inlezen van ${file}; niets geladen. De details worden niet getoond omdat ze brongegevens kunnen bevatten.`,
    en: `Internal error while importing ${file}; nothing loaded. Details are not shown because they may contain source values.`,
  }),
  IMPORT_NOTHING_LOADED: (strict: boolean) => ({
    nl: strict
      ? 'Niets geladen: --strict en minstens één rij werd geweigerd (zie het overzicht).'
      : 'Niets geladen wegens fouten (zie het overzicht en de tabel quarantine).',
    en: strict
      ? 'Nothing loaded: --strict and at least one row was refused (see the summary).'
      : 'Nothing loaded because of errors (see the summary and the quarantine table).',
  }),
  IMPORT_NO_FILES: () => ({
    nl: 'Geen bestanden om in te lezen (.csv, .txt, .xlsx of .parquet).',
    en: 'No files to import (.csv, .txt, .xlsx or .parquet).',
  }),
  IMPORT_FILE_UNREADABLE: (file: string) => ({
    nl: `Het bestand ${file} kan niet gelezen worden.`,
    en: `The file ${file} cannot be read.`,
  }),
  IMPORT_UNKNOWN_TABLE: (tables: string) => ({
    nl: `Niet herkend welke tabel dit bestand bevat (naam of kolommen); geef --table. Tabellen: ${tables}.`,
    en: `Cannot tell which table this file holds (name or columns); pass --table. Tables: ${tables}.`,
  }),
  IMPORT_BAD_TABLE: (table: string) => ({
    nl: `Onbekende tabel '${table}'.`,
    en: `Unknown table '${table}'.`,
  }),
  IMPORT_BAD_ENCODING: (enc: string) => ({
    nl: `Onbekende tekenset '${enc}' (utf-8 of windows-1252).`,
    en: `Unknown encoding '${enc}' (utf-8 or windows-1252).`,
  }),
  IMPORT_BAD_PERIOD: (p: string) => ({
    nl: `Ongeldige periode '${p}': schrijf JJJJ-MM-DD..JJJJ-MM-DD.`,
    en: `Invalid period '${p}': write YYYY-MM-DD..YYYY-MM-DD.`,
  }),
  IMPORT_REPLACE_NOT_DATED: (table: string) => ({
    nl: `Tabel ${table} heeft geen datum per rij; een periode vervangen kan er niet.`,
    en: `Table ${table} has no date per row; a period cannot be replaced in it.`,
  }),
  IMPORT_EMPTY_FILE: () => ({
    nl: 'Het bestand is leeg (geen kopregel).',
    en: 'The file is empty (no header line).',
  }),
  IMPORT_UNREADABLE_CSV: () => ({
    nl: 'Het bestand kan niet als CSV gelezen worden.',
    en: 'The file cannot be read as CSV.',
  }),
  IMPORT_NO_SHEET: (sheet: string) => ({
    nl: `Het werkblad '${sheet}' bestaat niet.`,
    en: `The sheet '${sheet}' does not exist.`,
  }),
  IMPORT_MERGED_HEADER: (range: string) => ({
    nl: `Samengevoegde cellen in de kopregel (${range}): kolommen zonder eigen naam.`,
    en: `Merged cells in the header row (${range}): columns without a name of their own.`,
  }),
  IMPORT_ROWS_ABOVE_HEADER: (n: number) => ({
    nl: `${n} regel(s) boven de kopregel overgeslagen (titel of samengevoegde groepskop).`,
    en: `${n} line(s) above the header skipped (title or merged group header).`,
  }),
  IMPORT_DUPLICATE_COLUMN: (col: string) => ({
    nl: `De kolom '${col}' komt meer dan eens voor in de kopregel.`,
    en: `The column '${col}' occurs more than once in the header.`,
  }),
  IMPORT_MISSING_COLUMN: (col: string) => ({
    nl: `Verplichte kolom '${col}' ontbreekt; geen enkele rij kan geladen worden.`,
    en: `Required column '${col}' is missing; no row can be loaded.`,
  }),
  IMPORT_UNKNOWN_COLUMN: (col: string) => ({
    nl: `Onbekende kolom '${col}' genegeerd (staat niet in het gegevenscontract).`,
    en: `Unknown column '${col}' ignored (not in the data contract).`,
  }),
  IMPORT_ALREADY_IMPORTED: () => ({
    nl: 'Dit bestand (zelfde inhoud) werd al ingelezen; niets opnieuw geladen.',
    en: 'This file (same content) was imported before; nothing loaded again.',
  }),
  IMPORT_UNKNOWN_IMPORT: (id: string) => ({
    nl: `Geen import met id ${id} in deze opslag (zie de samenvatting van idw import, of idw quarantine zonder --import).`,
    en: `No import with id ${id} in this store (see the summary of idw import, or idw quarantine without --import).`,
  }),
  IMPORT_LINE_TOO_LONG: (max: number) => ({
    nl: `Regel langer dan ${max} bytes (--max-line-bytes): niet gelezen, in quarantaine.`,
    en: `Line longer than ${max} bytes (--max-line-bytes): not read, quarantined.`,
  }),
  IMPORT_MIXED_ENCODING: (line: number, column: number) => ({
    nl: `Het bestand is geen geldige UTF-8 (eerste ongeldige byte op regel ${line}, kolom ${column}) maar is ook niet eenduidig Windows-1252 (het bevat geldige UTF-8-tekens of bytes die Windows-1252 niet kent). Niets geladen: herstel het bestand, of geef --encoding als u zeker bent van de codering.`,
    en: `The file is not valid UTF-8 (first invalid byte at line ${line}, column ${column}) but is not plainly Windows-1252 either (it holds valid UTF-8 characters or bytes Windows-1252 does not define). Nothing loaded: repair the file, or pass --encoding if you are sure of the encoding.`,
  }),
  IMPORT_UNPACKED_TOO_LARGE: (limit: number) => ({
    nl: `Het bestand zou uitgepakt meer dan ${limit} bytes innemen (--max-unpacked-bytes); niet gelezen. Een gewone spreadsheet of Parquet-bestand komt daar niet aan: controleer de herkomst.`,
    en: `Unpacked, the file would take more than ${limit} bytes (--max-unpacked-bytes); not read. An ordinary spreadsheet or Parquet file does not come near: check where it came from.`,
  }),
  IMPORT_BROKEN_ARCHIVE: () => ({
    nl: 'Het bestand is geen leesbaar XLSX-bestand (beschadigd of afgekapt zip-archief).',
    en: 'The file is not a readable XLSX file (damaged or truncated zip archive).',
  }),
  IMPORT_BROKEN_PARQUET: () => ({
    nl: 'Het bestand is geen leesbaar Parquet-bestand (beschadigd of afgekapt).',
    en: 'The file is not a readable Parquet file (damaged or truncated).',
  }),
  IMPORT_BAD_LIMIT: (option: string, value: number) => ({
    nl: `${option} moet een geheel getal van minstens 1024 zijn, niet ${value}.`,
    en: `${option} must be a whole number of at least 1024, not ${value}.`,
  }),
  IMPORT_ROW_SHAPE: (detail: string) => ({
    nl: `Verkeerd aantal velden op deze regel (${detail === 'TOO MANY COLUMNS' ? 'te veel' : 'te weinig'}).`,
    en: `Wrong number of fields on this line (${detail === 'TOO MANY COLUMNS' ? 'too many' : 'too few'}).`,
  }),
  IMPORT_MISSING_VALUE: (col: string) => ({
    nl: `Verplichte waarde ontbreekt in kolom ${col}.`,
    en: `Required value missing in column ${col}.`,
  }),
  IMPORT_BAD_INTEGER: (col: string) => ({
    nl: `Geen geheel getal in kolom ${col}.`,
    en: `Not a whole number in column ${col}.`,
  }),
  IMPORT_BAD_NUMBER: (col: string) => ({
    nl: `Geen getal in kolom ${col} (decimale komma of punt, geen andere tekst).`,
    en: `Not a number in column ${col} (decimal comma or point, no other text).`,
  }),
  IMPORT_BAD_BOOLEAN: (col: string) => ({
    nl: `Geen ja/nee-waarde in kolom ${col} (true/false, 1/0, ja/nee).`,
    en: `Not a yes/no value in column ${col} (true/false, 1/0, ja/nee).`,
  }),
  IMPORT_BAD_DATE: (col: string) => ({
    nl: `Geen geldige datum in kolom ${col} (JJJJ-MM-DD of DD/MM/JJJJ).`,
    en: `Not a valid date in column ${col} (YYYY-MM-DD or DD/MM/YYYY).`,
  }),
  IMPORT_DATE_MONTH_FIRST: (col: string) => ({
    nl: `Datum in kolom ${col} lijkt maand-eerst (MM/DD/JJJJ); het contract vraagt dag-eerst (DD/MM/JJJJ).`,
    en: `Date in column ${col} looks month-first (MM/DD/YYYY); the contract requires day-first (DD/MM/YYYY).`,
  }),
  IMPORT_DATE_OUT_OF_RANGE: (col: string, min: string, max: string) => ({
    nl: `Datum in kolom ${col} ligt buiten ${min}..${max}.`,
    en: `Date in column ${col} lies outside ${min}..${max}.`,
  }),
  IMPORT_END_BEFORE_START: (col: string, start: string) => ({
    nl: `Einddatum ${col} ligt voor begindatum ${start}.`,
    en: `End date ${col} lies before start date ${start}.`,
  }),
  IMPORT_BAD_CODE: (col: string, allowed: string) => ({
    nl: `Onbekende code in kolom ${col}; toegelaten: ${allowed}.`,
    en: `Unknown code in column ${col}; allowed: ${allowed}.`,
  }),
  IMPORT_OUT_OF_RANGE: (col: string, range: string) => ({
    nl: `Waarde in kolom ${col} buiten het bereik ${range}.`,
    en: `Value in column ${col} outside the range ${range}.`,
  }),
  IMPORT_BAD_NRN: (col: string) => ({
    nl: `Ongeldig rijksregisternummer in kolom ${col} (11 cijfers, controlegetal modulo 97).`,
    en: `Invalid national register number in column ${col} (11 digits, mod-97 check digits).`,
  }),
  IMPORT_DUPLICATE_KEY: (cols: string) => ({
    nl: `Sleutel (${cols}) komt meer dan eens voor in dit bestand; alle rijen met die sleutel tegengehouden.`,
    en: `Key (${cols}) occurs more than once in this file; every row with that key held back.`,
  }),
  IMPORT_KEY_EXISTS: (cols: string) => ({
    nl: `Sleutel (${cols}) staat al in de opslag (vervang een levering expliciet met --replace-period).`,
    en: `Key (${cols}) is already in the store (replace a delivery explicitly with --replace-period).`,
  }),
  IMPORT_DANGLING_REFERENCE: (cols: string, target: string) => ({
    nl: `Verwijzing ${cols} bestaat niet in ${target} (niet in de opslag, niet in deze import).`,
    en: `Reference ${cols} does not exist in ${target} (not in the store, not in this import).`,
  }),
  IMPORT_OUTSIDE_PERIOD: (col: string, period: string) => ({
    nl: `Datum in kolom ${col} valt buiten de te vervangen periode ${period}.`,
    en: `Date in column ${col} falls outside the period being replaced ${period}.`,
  }),
});

export type ImportCode = keyof typeof importMessages;
