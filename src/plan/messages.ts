import { defineMessages, type Bilingual, type MessageCatalogue } from '../shared/index.js';

/** A value from the plan as shown in a message: control characters escaped, at most `max` characters. */
export function shown(v: unknown, max = 60): string {
  const s = String(v).replace(
    // Control characters are exactly what this escapes.
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Messages of the plan loader (see `planMessages`). */
const catalogue = defineMessages({
  PLAN_FILE_UNREADABLE: (file: string) => ({
    nl: `Het planbestand ${file} kan niet gelezen worden.`,
    en: `The plan file ${file} cannot be read.`,
  }),
  PLAN_YAML_SYNTAX: (detail: string) => ({
    nl: `Ongeldige YAML: ${detail}`,
    en: `Invalid YAML: ${detail}`,
  }),
  PLAN_SCHEMA: (detail: string) => ({
    nl: `Voldoet niet aan het planschema: ${detail}`,
    en: `Does not match the plan schema: ${detail}`,
  }),
  PLAN_BAD_INDICATOR_KIND: (kind: string, allowed: string) => ({
    nl: `Onbekend soort indicator '${kind}'; toegelaten: ${allowed}.`,
    en: `Unknown indicator kind '${kind}'; allowed: ${allowed}.`,
  }),
  PLAN_DUPLICATE_ID: (id: string) => ({
    nl: `De id '${id}' komt meer dan eens voor.`,
    en: `The id '${id}' occurs more than once.`,
  }),
  PLAN_BAD_OBJECTIVE_ID: (id: string, level: string) => ({
    nl: `'${id}' is geen geldige id voor een ${level === 'strategic' ? 'strategische' : 'tactische'} doelstelling (SD1, TD1.1).`,
    en: `'${id}' is not a valid id for a ${level} objective (SD1, TD1.1).`,
  }),
  PLAN_UNKNOWN_PARENT: (id: string, parent: string) => ({
    nl: `Tactische doelstelling ${id} verwijst naar onbekende strategische doelstelling '${parent}'.`,
    en: `Tactical objective ${id} refers to unknown strategic objective '${parent}'.`,
  }),
  PLAN_MISSING_PARENT: (id: string) => ({
    nl: `Tactische doelstelling ${id} hoort bij geen strategische doelstelling (parent ontbreekt).`,
    en: `Tactical objective ${id} belongs to no strategic objective (parent missing).`,
  }),
  PLAN_PARENT_MISMATCH: (id: string, parent: string) => ({
    nl: `Tactische doelstelling ${id} staat onder ${parent}, maar haar nummer zegt iets anders.`,
    en: `Tactical objective ${id} is placed under ${parent}, but its number says otherwise.`,
  }),
  PLAN_UNKNOWN_OBJECTIVE: (id: string, objective: string) => ({
    nl: `Resultaat ${id} verwijst naar onbekende doelstelling '${objective}'.`,
    en: `Result ${id} refers to unknown objective '${objective}'.`,
  }),
  PLAN_RESULT_WITHOUT_OBJECTIVE: (id: string) => ({
    nl: `Resultaat ${id} hoort bij geen doelstelling.`,
    en: `Result ${id} belongs to no objective.`,
  }),
  PLAN_RESULT_ID_MISMATCH: (id: string, objective: string) => ({
    nl: `Resultaat ${id} hoort bij ${objective}; de id moet met '${objective}.' beginnen.`,
    en: `Result ${id} belongs to ${objective}; its id must start with '${objective}.'.`,
  }),
  PLAN_UNKNOWN_INDICATOR: (owner: string, ind: string) => ({
    nl: `${owner} verwijst naar onbekende indicator '${ind}'.`,
    en: `${owner} refers to unknown indicator '${ind}'.`,
  }),
  PLAN_STATUS_NEEDS_INDICATOR: (id: string, status: string) => ({
    nl: `Resultaat ${id} heeft status '${status}' maar geen indicator.`,
    en: `Result ${id} has status '${status}' but no indicator.`,
  }),
  PLAN_STATUS_NEEDS_REASON: (id: string, status: string) => ({
    nl: `Resultaat ${id} heeft status '${status}': geef een reden en geen indicator.`,
    en: `Result ${id} has status '${status}': give a reason and no indicator.`,
  }),
  PLAN_MANUAL_NEEDS_MANUAL: (id: string) => ({
    nl: `Resultaat ${id} heeft status 'manual' maar geen indicator van soort 'manual'.`,
    en: `Result ${id} has status 'manual' but no indicator of kind 'manual'.`,
  }),
  PLAN_YAML_ALIASES: () => ({
    nl: 'Het plan gebruikt te veel YAML-verwijzingen (aliassen); dat lijkt op een aanval die het geheugen vult. Schrijf de waarden uit.',
    en: 'The plan uses too many YAML references (aliases); this looks like an attack that fills the memory. Write the values out.',
  }),
  PLAN_UNKNOWN_COLUMN: (table: string, column: string) => ({
    nl: `'${shown(column)}' is geen kolom van de tabel ${table} in het gegevenscontract.`,
    en: `'${shown(column)}' is not a column of the table ${table} in the data contract.`,
  }),
  PLAN_DATE_NOT_DATE: (ref: string, type: string) => ({
    nl: `${ref} is geen datumkolom (type ${type}): een indicator plaatst zijn eenheden in de tijd met een datumkolom.`,
    en: `${ref} is not a date column (type ${type}): an indicator places its units in time with a date column.`,
  }),
  PLAN_MEASURE_NOT_NUMBER: (ref: string, type: string) => ({
    nl: `${ref} is geen getalkolom (type ${type}): 'measure' is één getalkolom van de tabel, geen formule.`,
    en: `${ref} is not a numeric column (type ${type}): 'measure' is one numeric column of the table, not a formula.`,
  }),
  PLAN_BAD_DIMENSION_NAME: (name: string) => ({
    nl: `'${shown(name)}' is geen geldige naam voor een dimensie of doelgroep (kleine letters, cijfers en _, beginnend met een letter).`,
    en: `'${shown(name)}' is not a valid name for a dimension or population (lower-case letters, digits and _, starting with a letter).`,
  }),
  PLAN_DIMENSION_NOT_ALLOWED: (ref: string, why: 'identifying' | 'free') => ({
    nl:
      why === 'identifying'
        ? `${ref} identificeert personen en kan nooit een opsplitsing zijn.`
        : `${ref} is geen codekolom (vrije tekst of een getal) en kan geen opsplitsing zijn; het gegevenscontract zegt welke kolommen dat kunnen.`,
    en:
      why === 'identifying'
        ? `${ref} identifies persons and can never be a breakdown.`
        : `${ref} is not a coded column (free text or a number) and cannot be a breakdown; the data contract says which columns can.`,
  }),
  PLAN_IDENTIFYING_CONDITION: (ref: string) => ({
    nl: `${ref} identificeert personen: een plan mag er niet op selecteren.`,
    en: `${ref} identifies persons: a plan may not select on it.`,
  }),
  PLAN_UNKNOWN_CODE: (where: string, code: string, allowed: string) => ({
    nl: `'${shown(code)}' is geen code van ${where}; toegelaten: ${allowed}.`,
    en: `'${shown(code)}' is not a code of ${where}; allowed: ${allowed}.`,
  }),
  PLAN_BAD_VALUE_TYPE: (ref: string, type: string) => ({
    nl: `De waarde past niet bij ${ref} (type ${type}).`,
    en: `The value does not fit ${ref} (type ${type}).`,
  }),
  PLAN_BAD_AGE_BAND: (code: string) => ({
    nl: `Leeftijdsklasse '${shown(code)}' is ongeldig: een code als <25, 25-34 of 50+, met 'from' niet groter dan 'to'.`,
    en: `Age band '${shown(code)}' is invalid: a code like <25, 25-34 or 50+, with 'from' not above 'to'.`,
  }),
  PLAN_AGE_BANDS_OVERLAP: (a: string, b: string) => ({
    nl: `De leeftijdsklassen ${shown(a)} en ${shown(b)} overlappen: elke leeftijd hoort in hoogstens één klasse.`,
    en: `The age bands ${shown(a)} and ${shown(b)} overlap: every age belongs to at most one band.`,
  }),
  PLAN_BAD_PLAN_PERIOD: (from: string, to: string) => ({
    nl: `De planperiode ${shown(from)} tot ${shown(to)} is ongeldig: twee datums JJJJ-MM-DD, het einde niet vóór het begin.`,
    en: `The plan period ${shown(from)} to ${shown(to)} is invalid: two dates YYYY-MM-DD, the end not before the start.`,
  }),
  PLAN_UNKNOWN_MANUAL_RESULT: (ind: string, result: string) => ({
    nl: `Indicator ${ind} leest handmatige waarden van resultaat '${shown(result)}', dat niet in het plan staat.`,
    en: `Indicator ${ind} reads manual values of result '${shown(result)}', which is not in the plan.`,
  }),
  PLAN_BAD_PERIOD: (period: string) => ({
    nl: `'${period}' is geen periode; schrijf een jaar (2018), een kwartaal (2018-Q2) of een maand (2018-06).`,
    en: `'${period}' is not a period; write a year (2018), a quarter (2018-Q2) or a month (2018-06).`,
  }),
  PLAN_TARGET_BAD_INDICATOR: (id: string, ind: string) => ({
    nl: `De streefwaarde, referentie of kerncijfer van ${id} noemt indicator '${ind}', die niet bij dit resultaat hoort.`,
    en: `A target, benchmark or headline of ${id} names indicator '${ind}', which does not belong to this result.`,
  }),
  PLAN_TARGET_BAD_CELL: (id: string, what: string, allowed: string) => ({
    nl: `De streefwaarde, referentie of kerncijfer van ${id} vraagt ${what}, dat de indicator niet berekent; mogelijk: ${allowed}.`,
    en: `A target, benchmark or headline of ${id} asks for ${what}, which the indicator does not compute; possible: ${allowed}.`,
  }),
  PLAN_TARGET_BAD_BASELINE: (id: string, baseline: string, period: string) => ({
    nl: `De basiswaarde van ${id} (${baseline}) moet een periode van dezelfde soort vóór ${period} zijn.`,
    en: `The baseline of ${id} (${baseline}) must be a period of the same kind before ${period}.`,
  }),
});

/** Any value read from a plan as text, without ever calling its own `toString` (it may have one). */
export function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v) ?? typeof v;
  } catch {
    return typeof v;
  }
}

/**
 * Every value a message quotes comes from the plan file, which may be hostile: its arguments are
 * escaped and cut short (400 characters) before any text is built.
 */
function escapedArguments<const C extends MessageCatalogue>(messages: C): C {
  const wrap =
    (f: (...args: never[]) => Bilingual) =>
    (...args: unknown[]) =>
      (f as (...a: unknown[]) => Bilingual)(
        ...args.map((a) => (typeof a === 'number' ? a : shown(asText(a), 400))),
      );
  return Object.fromEntries(Object.entries(messages).map(([k, f]) => [k, wrap(f)])) as unknown as C;
}

/** Messages of the plan loader. */
export const planMessages = escapedArguments(catalogue);
