import { defineMessages } from '../shared/index.js';

/** Messages of the plan loader. */
export const planMessages = defineMessages({
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
