import { defineMessages } from '../shared/index.js';

/** Messages of the command line itself: wrong use of a command, its options or its arguments. */
export const cliMessages = defineMessages({
  CLI_UNKNOWN_COMMAND: (name: string) => ({
    nl: `Onbekende opdracht '${name}'. Zie 'idw --help' voor de lijst van opdrachten.`,
    en: `Unknown command '${name}'. See 'idw --help' for the list of commands.`,
  }),
  CLI_UNKNOWN_OPTION: (option: string) => ({
    nl: `Onbekende optie '${option}'. Zie 'idw <opdracht> --help'.`,
    en: `Unknown option '${option}'. See 'idw <command> --help'.`,
  }),
  CLI_MISSING_ARGUMENT: (what: string) => ({
    nl: `Er ontbreekt een argument: '${what}'. Zie 'idw <opdracht> --help'.`,
    en: `A required argument is missing: '${what}'. See 'idw <command> --help'.`,
  }),
  CLI_MISSING_VALUE: (option: string) => ({
    nl: `De optie '${option}' heeft een waarde nodig.`,
    en: `The option '${option}' needs a value.`,
  }),
  CLI_TOO_MANY_ARGUMENTS: () => ({
    nl: `Te veel argumenten. Zie 'idw <opdracht> --help'.`,
    en: `Too many arguments. See 'idw <command> --help'.`,
  }),
  CLI_WRONG_USE: () => ({
    nl: `Verkeerd gebruik van de opdracht. Zie 'idw <opdracht> --help'.`,
    en: `Wrong use of the command. See 'idw <command> --help'.`,
  }),
  CLI_NO_STORE: (file: string) => ({
    nl: `De opslag ${file} bestaat niet. Maak ze eerst aan met 'idw init --db ${file}' (of 'idw generate' voor synthetische gegevens), of geef de juiste --db.`,
    en: `The store ${file} does not exist. Create it first with 'idw init --db ${file}' (or 'idw generate' for synthetic data), or pass the right --db.`,
  }),
  CLI_STORE_NOT_FILE: (file: string) => ({
    nl: `${file} is geen opslagbestand (het is een map).`,
    en: `${file} is not a store file (it is a folder).`,
  }),
  CLI_BAD_DATE: (option: string, value: string) => ({
    nl: `${option} moet een bestaande datum JJJJ-MM-DD zijn, niet '${value}'.`,
    en: `${option} must be a real date YYYY-MM-DD, not '${value}'.`,
  }),
  CLI_BAD_NUMBER: (option: string, value: string, min: number) => ({
    nl: `${option} moet een geheel getal van minstens ${min} zijn, niet '${value}'.`,
    en: `${option} must be a whole number of at least ${min}, not '${value}'.`,
  }),
  CLI_BAD_LANG: (value: string) => ({
    nl: `--lang moet nl of en zijn, niet '${value}'.`,
    en: `--lang must be nl or en, not '${value}'.`,
  }),
  CLI_OUT_NOT_FOLDER: (path: string) => ({
    nl: `${path} bestaat en is geen map; kies een andere --out.`,
    en: `${path} exists and is not a folder; choose another --out.`,
  }),
  CLI_OUT_NOT_EMPTY: (path: string) => ({
    nl: `De map ${path} bestaat al en is geen eerder rapport (geen manifest.json); ze wordt niet overschreven. Kies een lege of nieuwe map met --out.`,
    en: `The folder ${path} already exists and is not an earlier report (no manifest.json); it is not overwritten. Choose an empty or new folder with --out.`,
  }),
});
