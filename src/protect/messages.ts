import { defineMessages } from '../shared/index.js';

/** Messages of authorisation, disclosure control, audit and the disclosure check. */
export const protectMessages = defineMessages({
  PROTECT_ACCESS_UNREADABLE: (file: string) => ({
    nl: `Het toegangsbestand ${file} kan niet gelezen worden.`,
    en: `The access file ${file} cannot be read.`,
  }),
  PROTECT_ACCESS_SCHEMA: (detail: string) => ({
    nl: `Het toegangsbestand voldoet niet aan het schema: ${detail}`,
    en: `The access file does not match the schema: ${detail}`,
  }),
  PROTECT_UNKNOWN_ROLE: (role: string, known: string) => ({
    nl: `Onbekende rol '${role}'; gekende rollen: ${known}.`,
    en: `Unknown role '${role}'; known roles: ${known}.`,
  }),
  PROTECT_PUBLIC_SPECIAL: (role: string, dims: string) => ({
    nl: `De rol '${role}' mag geen opsplitsing naar bijzondere gegevens (${dims}) zien, ook niet met een machtiging.`,
    en: `The role '${role}' may not see a breakdown by special data (${dims}), not even with an authorisation.`,
  }),
  PROTECT_SPECIAL_NEEDS_AUTHORISATION: (dims: string) => ({
    nl: `Een opsplitsing naar ${dims} gebruikt bijzondere gegevens en vereist een machtiging (bv. de machtiging van de privacycommissie). Geef --authorisation ID mee.`,
    en: `A breakdown by ${dims} uses special data and needs an authorisation (e.g. the privacy commission's authorisation). Pass --authorisation ID.`,
  }),
  PROTECT_UNKNOWN_AUTHORISATION: (id: string, known: string) => ({
    nl: `Onbekende machtiging '${id}'; gekende machtigingen: ${known}.`,
    en: `Unknown authorisation '${id}'; known authorisations: ${known}.`,
  }),
  PROTECT_AUTHORISATION_SCOPE: (id: string, what: string) => ({
    nl: `De machtiging '${id}' dekt dit niet: ${what}.`,
    en: `The authorisation '${id}' does not cover this: ${what}.`,
  }),
  PROTECT_AUTHORISATION_EXPIRED: (id: string, from: string, to: string, asOf: string) => ({
    nl: `De machtiging '${id}' geldt van ${from} tot ${to}, niet op ${asOf}.`,
    en: `The authorisation '${id}' is valid from ${from} to ${to}, not on ${asOf}.`,
  }),
  PROTECT_BAD_AUDIENCE: (a: string) => ({
    nl: `Onbekend publiek '${a}'; kies public of board.`,
    en: `Unknown audience '${a}'; choose public or board.`,
  }),
  PROTECT_STEWARD_NOT_PUBLISHABLE: () => ({
    nl: 'Een uitvoer voor de rol steward bevat onbeschermde waarden en mag nooit gepubliceerd worden.',
    en: 'An output for the steward role holds unprotected values and may never be published.',
  }),
  PROTECT_AUDIT_KEY_UNREADABLE: (file: string) => ({
    nl: `Het sleutelbestand van het auditlogboek ${file} kan niet gelezen worden.`,
    en: `The audit log's key file ${file} cannot be read.`,
  }),
  PROTECT_AUDIT_KEY_TOO_SHORT: () => ({
    nl: 'De sleutel van het auditlogboek is te kort (minstens 16 tekens).',
    en: "The audit log's key is too short (at least 16 characters).",
  }),
  PROTECT_NO_AUDIT_KEY: () => ({
    nl: 'Deze gegevensbank bevat echte gegevens: geef de sleutel van het auditlogboek met IDW_AUDIT_KEY of --audit-key-file (de demosleutel geldt alleen voor synthetische gegevens).',
    en: "This store holds real data: give the audit log's key with IDW_AUDIT_KEY or --audit-key-file (the demonstration key is for synthetic data only).",
  }),
  PROTECT_AUDIT_TRUNCATED: (entries: number, head: string) => ({
    nl: `Het auditlogboek is ingekort of herschreven: de vergeleken uitvoer verwijst naar regel ${entries} met hash ${head}, die het logboek niet (meer) bevat.`,
    en: `The audit log was cut short or rewritten: the output compared refers to entry ${entries} with hash ${head}, which the log does not (or no longer) hold.`,
  }),
  PROTECT_AUDIT_CHAIN_BROKEN: (seq: number, detail: string) => ({
    nl: `Het auditlog is gewijzigd of onvolledig bij regel ${seq}: ${detail}.`,
    en: `The audit log was changed or is incomplete at entry ${seq}: ${detail}.`,
  }),
  PROTECT_OUTPUT_UNREADABLE: (file: string, detail: string) => ({
    nl: `De uitvoer ${file} kan niet gelezen worden: ${detail}`,
    en: `The output ${file} cannot be read: ${detail}`,
  }),
  PROTECT_DATA_SHEET: (file: string, detail: string) => ({
    nl: `Het blad 'Data' in ${file} heeft niet de afgesproken vorm: ${detail}`,
    en: `The 'Data' sheet in ${file} does not have the agreed layout: ${detail}`,
  }),
  PROTECT_PINNED: (key: string, q: string, lo: string, hi: string) => ({
    nl: `Onderdrukte cel ${key}: ${q} ligt vast tussen ${lo} en ${hi}.`,
    en: `Suppressed cell ${key}: ${q} is pinned between ${lo} and ${hi}.`,
  }),
  PROTECT_RECOMPUTABLE: (key: string) => ({
    nl: `Onderdrukte cel ${key} kan exact herberekend worden uit de gepubliceerde cijfers.`,
    en: `Suppressed cell ${key} can be recomputed exactly from the published numbers.`,
  }),
  PROTECT_NUMBERS_IN_SUPPRESSED: (key: string) => ({
    nl: `Cel ${key} is onderdrukt maar bevat toch cijfers.`,
    en: `Cell ${key} is suppressed but still holds numbers.`,
  }),
  PROTECT_INCONSISTENT: (key: string) => ({
    nl: `Cel ${key} is in de ene uitvoer getoond en in een andere onderdrukt of verschillend.`,
    en: `Cell ${key} is shown in one output and suppressed or different in another.`,
  }),
  PROTECT_PRIMARY_SHOWN: (key: string, q: string, v: string) => ({
    nl: `Cel ${key} toont een klein aantal (${q} = ${v}).`,
    en: `Cell ${key} shows a small count (${q} = ${v}).`,
  }),
  PROTECT_PSEUDONYM: (where: string) => ({
    nl: `Een gepseudonimiseerde id of persoonsgegeven staat in de uitvoer (${where}).`,
    en: `A pseudonymised id or personal data appears in the output (${where}).`,
  }),
  PROTECT_PERSON_ROWS: (where: string) => ({
    nl: `De uitvoer bevat rijen op persoonsniveau (${where}).`,
    en: `The output holds person-level rows (${where}).`,
  }),
  PROTECT_NOT_A_RELEASE_DATE: (asOf: string, every: string) => ({
    nl: `${asOf} is geen publicatiedatum: publieke uitvoer bestaat alleen op het einde van ${every === 'month' ? 'elke maand' : every === 'year' ? 'elk jaar' : 'elk kwartaal'} en op de vastgelegde datums (publicReleases in het toegangsbestand). Kies zo'n datum, of een rol met machtiging voor andere datums.`,
    en: `${asOf} is not a release date: public outputs exist only at the end of every ${every} and on the declared dates (publicReleases in the access file). Choose such a date, or an authorised role for other dates.`,
  }),
});
