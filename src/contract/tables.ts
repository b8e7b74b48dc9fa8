import * as c from './codes.js';
import { field as f, TableSchema, type Table } from './field.js';

/** Dates in source files: ISO `YYYY-MM-DD`, or day-first `DD/MM/YYYY` / `D/M/YYYY` (never month-first). */
export const DATE_ORDER = 'DMY' as const;
/** Plausible window for every date in the data. */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2100-12-31';

const pid = f(
  'person_id',
  'string',
  'Person',
  'Persoon',
  'Pseudonymised person id (keyed hash of the source id).',
  {
    required: true,
    sensitivity: 'identifying',
  },
);
const regRef = (required: boolean) =>
  f('registration_id', 'string', 'Registration', 'Inschrijving', 'Pseudonymised registration id.', {
    required,
    sensitivity: 'identifying',
  });
const objective = f(
  'objective_id',
  'string',
  'Objective',
  'Doelstelling',
  'Plan objective id (e.g. TD2.2).',
  { required: true },
);
const from = (name: string, nl: string) =>
  f(name, 'date', 'Start date', nl, 'First day (inclusive).', { required: true });
const to = (name: string, nl: string) =>
  f(name, 'date', 'End date', nl, 'Last day (inclusive); empty while still open.');
const region = f('region', 'string', 'Region', 'Regio', 'VDAB region (province or Brussels).', {
  enum: c.REGION,
  dimension: true,
});

const raw: ReturnType<typeof TableSchema.parse>[] | unknown[] = [
  {
    name: 'persons',
    title: 'Persons',
    title_nl: 'Personen',
    description: 'Every person registered as jobseeker in the period, not only the target group.',
    grain: 'one row per pseudonymised person',
    primaryKey: ['person_id'],
    usedBy: ['SD1.A', 'SD1.B', 'SD1.C', 'SD2.A', 'SD2.B', 'TD1.1.B', 'TD3.2.A'],
    fields: [
      { ...pid, constraints: { required: true, unique: true } },
      f(
        'national_register_number',
        'string',
        'National register number',
        'Rijksregisternummer',
        'Belgian national register number; checked (mod 97) and pseudonymised on import. Optional.',
        {
          sensitivity: 'identifying',
        },
      ),
      f(
        'birth_year',
        'integer',
        'Year of birth',
        'Geboortejaar',
        'Year of birth; age = year of the event − birth year.',
        {
          required: true,
          minimum: 1900,
          maximum: 2100,
        },
      ),
      f('sex', 'string', 'Sex', 'Geslacht', 'M, F or X.', {
        required: true,
        enum: c.SEX,
        dimension: true,
      }),
      f(
        'education_level',
        'string',
        'Education level',
        'Opleidingsniveau',
        'Highest level (ISCED 0-2 low, 3-4 medium, 5-8 high).',
        {
          required: true,
          enum: c.EDUCATION_LEVEL,
          dimension: true,
        },
      ),
      f(
        'nationality',
        'string',
        'Nationality',
        'Nationaliteit',
        'Current nationality, ISO 3166-1 alpha-2.',
        {
          required: true,
          sensitivity: 'special',
        },
      ),
      f(
        'first_nationality',
        'string',
        'First nationality',
        'Eerste nationaliteit',
        'Nationality at birth, ISO 3166-1 alpha-2.',
        {
          required: true,
          sensitivity: 'special',
        },
      ),
      f(
        'migration_background',
        'boolean',
        'Migration background',
        'Migratieachtergrond',
        'VDAB rule: current or earlier nationality outside the EU-28/EFTA.',
        { required: true, sensitivity: 'special', dimension: true },
      ),
      f('origin_group', 'string', 'Origin group', 'Herkomstgroep', 'Region of first nationality.', {
        required: true,
        enum: c.ORIGIN_GROUP,
        sensitivity: 'special',
        dimension: true,
      }),
    ],
  },
  {
    name: 'residence_status_spells',
    title: 'Residence status spells',
    title_nl: 'Periodes verblijfsstatuut',
    description:
      'Residence status as dated periods; a person moves e.g. from asylum seeker to recognised refugee.',
    grain: 'one row per person and status period',
    primaryKey: ['person_id', 'valid_from'],
    foreignKeys: [
      { fields: ['person_id'], reference: { resource: 'persons', fields: ['person_id'] } },
    ],
    usedBy: ['SD1.B', 'SD1.C', 'SD2.B', 'TD3.2.A'],
    fields: [
      pid,
      f('status', 'string', 'Residence status', 'Verblijfsstatuut', 'Status in this period.', {
        required: true,
        enum: c.RESIDENCE_STATUS,
        sensitivity: 'special',
        dimension: true,
      }),
      f(
        'work_access',
        'string',
        'Access to work',
        'Toegang tot werk',
        'none; work_permit_c (AK C, until 31/12/2018); residence_document (from 2019); unrestricted.',
        {
          required: true,
          enum: c.WORK_ACCESS,
          sensitivity: 'special',
          dimension: true,
        },
      ),
      from('valid_from', 'Geldig vanaf'),
      to('valid_to', 'Geldig tot'),
    ],
  },
  {
    name: 'registrations',
    title: 'Registrations',
    title_nl: 'Inschrijvingen',
    description:
      'Jobseeker registrations (inflow) with their end (outflow) and profile at registration.',
    grain: 'one row per registration',
    primaryKey: ['registration_id'],
    foreignKeys: [
      { fields: ['person_id'], reference: { resource: 'persons', fields: ['person_id'] } },
    ],
    usedBy: ['SD1.A', 'SD1.B', 'SD1.C', 'SD2.A', 'SD2.B', 'TD1.1.A', 'TD1.1.B'],
    fields: [
      { ...regRef(true), constraints: { required: true, unique: true } },
      pid,
      f(
        'registered_on',
        'date',
        'Registered on',
        'Ingeschreven op',
        'Date of (re-)registration: inflow.',
        { required: true },
      ),
      f(
        'ended_on',
        'date',
        'Ended on',
        'Uitgeschreven op',
        'Date the registration ended (outflow); empty while open.',
      ),
      f(
        'end_reason',
        'string',
        'End reason',
        'Reden uitschrijving',
        'Why the registration ended; empty while open.',
        {
          enum: c.END_REASON,
          dimension: true,
        },
      ),
      f('category', 'string', 'Category', 'Categorie', 'Jobseeker category at registration.', {
        required: true,
        enum: c.REGISTRATION_CATEGORY,
        dimension: true,
      }),
      f(
        'dutch_language_deficit',
        'boolean',
        'Dutch-language deficit',
        'Taalachterstand Nederlands',
        'Anderstalig: Dutch-language deficit set at registration.',
        { required: true },
      ),
      f(
        'dutch_level',
        'string',
        'Dutch level',
        'Kennis Nederlands',
        'Level of Dutch at registration.',
        {
          required: true,
          enum: c.DUTCH_LEVEL,
          dimension: true,
        },
      ),
      { ...region, constraints: { required: true, enum: [...c.REGION] } },
    ],
  },
  {
    name: 'contacts',
    title: 'Counselling contacts',
    title_nl: 'Contacten',
    description: 'Counselling contacts; the first personal service is a kind.',
    grain: 'one row per contact',
    primaryKey: ['contact_id'],
    foreignKeys: [
      { fields: ['person_id'], reference: { resource: 'persons', fields: ['person_id'] } },
      {
        fields: ['registration_id'],
        reference: { resource: 'registrations', fields: ['registration_id'] },
      },
    ],
    usedBy: ['TD1.1.A'],
    fields: [
      f('contact_id', 'string', 'Contact', 'Contact', 'Contact id.', {
        required: true,
        unique: true,
      }),
      pid,
      regRef(true),
      f('contact_on', 'date', 'Contact date', 'Contactdatum', 'Day of the contact.', {
        required: true,
      }),
      f('kind', 'string', 'Kind', 'Soort', 'Kind of contact.', {
        required: true,
        enum: c.CONTACT_KIND,
        dimension: true,
      }),
    ],
  },
  {
    name: 'actions',
    title: 'Trajectory actions',
    title_nl: 'Trajectacties',
    description:
      'Actions in a jobseeker trajectory: screening, courses, training, IBO, coaching, mentoring.',
    grain: 'one row per action',
    primaryKey: ['action_id'],
    foreignKeys: [
      { fields: ['person_id'], reference: { resource: 'persons', fields: ['person_id'] } },
      {
        fields: ['registration_id'],
        reference: { resource: 'registrations', fields: ['registration_id'] },
      },
    ],
    usedBy: ['TD1.1.A', 'TD1.1.B', 'TD2.1.A', 'TD3.2.A', 'TD4.2.A', 'TD4.3.A', 'TD4.4.B'],
    fields: [
      f('action_id', 'string', 'Action', 'Actie', 'Action id.', { required: true, unique: true }),
      pid,
      regRef(true),
      f('action_type', 'string', 'Action type', 'Soort actie', 'Type of action.', {
        required: true,
        enum: c.ACTION_TYPE,
        dimension: true,
      }),
      f('provider', 'string', 'Provider', 'Verstrekker', 'Who delivers it.', {
        required: true,
        enum: c.PROVIDER,
        dimension: true,
      }),
      from('started_on', 'Gestart op'),
      to('ended_on', 'Beëindigd op'),
      f('outcome', 'string', 'Outcome', 'Resultaat', 'Outcome; ongoing while open.', {
        required: true,
        enum: c.ACTION_OUTCOME,
        dimension: true,
      }),
    ],
  },
  {
    name: 'employment_spells',
    title: 'Employment spells',
    title_nl: 'Tewerkstellingsperiodes',
    description: 'Jobs as declared to social security (DIMONA-like).',
    grain: 'one row per job',
    primaryKey: ['spell_id'],
    foreignKeys: [
      { fields: ['person_id'], reference: { resource: 'persons', fields: ['person_id'] } },
    ],
    usedBy: ['SD1.B'],
    fields: [
      f('spell_id', 'string', 'Job', 'Job', 'Employment spell id.', {
        required: true,
        unique: true,
      }),
      pid,
      from('started_on', 'Begonnen op'),
      to('ended_on', 'Geëindigd op'),
      f('sector', 'string', 'Sector', 'Sector', 'NACE section letter.', {
        required: true,
        enum: c.SECTOR,
        dimension: true,
      }),
    ],
  },
  {
    name: 'interpreter_sessions',
    title: 'Interpreter sessions',
    title_nl: 'Tolkinzet',
    description: 'Interpreter assignments in counselling (language courtesy).',
    grain: 'one row per interpreter assignment',
    primaryKey: ['session_id'],
    usedBy: ['TD4.4.A'],
    fields: [
      f('session_id', 'string', 'Session', 'Sessie', 'Session id.', {
        required: true,
        unique: true,
      }),
      f('session_on', 'date', 'Session date', 'Datum', 'Day of the session.', { required: true }),
      f('language', 'string', 'Language', 'Taal', 'ISO 639-1/3 language code.', {
        required: true,
        dimension: true,
      }),
      f('mode', 'string', 'Mode', 'Vorm', 'On site, by phone or by video.', {
        required: true,
        enum: c.INTERPRETER_MODE,
        dimension: true,
      }),
      { ...region, constraints: { required: true, enum: [...c.REGION] } },
    ],
  },
  {
    name: 'campaigns',
    title: 'Actions and campaigns',
    title_nl: 'Acties en campagnes',
    description: 'Information actions and campaigns for employers and the public.',
    grain: 'one row per action or campaign',
    primaryKey: ['campaign_id'],
    usedBy: ['TD2.2.A', 'TD3.1.A', 'TD3.1.B'],
    fields: [
      f('campaign_id', 'string', 'Campaign', 'Campagne', 'Campaign id.', {
        required: true,
        unique: true,
      }),
      objective,
      f('kind', 'string', 'Kind', 'Soort', 'Kind of campaign.', {
        required: true,
        enum: c.CAMPAIGN_KIND,
        dimension: true,
      }),
      f('title', 'string', 'Title', 'Titel', 'Title of the campaign.', { required: true }),
      from('started_on', 'Gestart op'),
      to('ended_on', 'Beëindigd op'),
      f('channel', 'string', 'Channel', 'Kanaal', 'Main channel.', {
        required: true,
        enum: c.CHANNEL,
        dimension: true,
      }),
      f(
        'potential_reach',
        'integer',
        'Potential reach',
        'Potentieel bereik',
        'Estimated number of people reached.',
        { minimum: 0 },
      ),
      f(
        'impact_note',
        'string',
        'Impact note',
        'Impactmeting',
        'Impact measurement, where available (free text).',
      ),
    ],
  },
  {
    name: 'tool_usage',
    title: 'Tool usage',
    title_nl: 'Gebruik tools',
    description:
      'Use of the tools made available: folders, website, videos, You-Can-Book-Me, apps.',
    grain: 'one row per tool, period and metric',
    primaryKey: ['tool', 'period_start', 'metric'],
    usedBy: ['TD1.1.C'],
    fields: [
      f('tool', 'string', 'Tool', 'Tool', 'Which tool.', {
        required: true,
        enum: c.TOOL,
        dimension: true,
      }),
      from('period_start', 'Periode van'),
      f('period_end', 'date', 'Period end', 'Periode tot', 'Last day of the period (inclusive).', {
        required: true,
      }),
      f('metric', 'string', 'Metric', 'Maatstaf', 'What is counted.', {
        required: true,
        enum: c.TOOL_METRIC,
        dimension: true,
      }),
      f('value', 'number', 'Value', 'Waarde', 'Count in the period.', {
        required: true,
        minimum: 0,
      }),
    ],
  },
  {
    name: 'partner_agreements',
    title: 'Partner agreements',
    title_nl: 'Samenwerkingsovereenkomsten',
    description: 'Cooperation agreements with partners on the ground.',
    grain: 'one row per agreement',
    primaryKey: ['agreement_id'],
    usedBy: ['TD4.1.A'],
    fields: [
      f('agreement_id', 'string', 'Agreement', 'Overeenkomst', 'Agreement id.', {
        required: true,
        unique: true,
      }),
      f('partner_type', 'string', 'Partner type', 'Soort partner', 'Kind of partner.', {
        required: true,
        enum: c.PARTNER_TYPE,
        dimension: true,
      }),
      f('partner_name', 'string', 'Partner', 'Partner', 'Name of the partner organisation.', {
        required: true,
      }),
      f('signed_on', 'date', 'Signed on', 'Ondertekend op', 'Date of signature.', {
        required: true,
      }),
      to('ended_on', 'Beëindigd op'),
      objective,
    ],
  },
  {
    name: 'staff_trainings',
    title: 'Counsellor trainings',
    title_nl: 'Opleidingen bemiddelaars',
    description: 'Trainings and coaching given to VDAB counsellors, e.g. through Spoor 21.',
    grain: 'one row per training session',
    primaryKey: ['training_id'],
    usedBy: ['TD4.5.A'],
    fields: [
      f('training_id', 'string', 'Training', 'Opleiding', 'Training id.', {
        required: true,
        unique: true,
      }),
      f('provider', 'string', 'Provider', 'Verstrekker', 'Who gave it.', {
        required: true,
        enum: c.TRAINING_PROVIDER,
        dimension: true,
      }),
      f('topic', 'string', 'Topic', 'Onderwerp', 'Topic.', {
        required: true,
        enum: c.TRAINING_TOPIC,
        dimension: true,
      }),
      f('held_on', 'date', 'Held on', 'Datum', 'Day of the training.', { required: true }),
      f(
        'participants',
        'integer',
        'Participants',
        'Deelnemers',
        'Number of counsellors taking part.',
        { required: true, minimum: 0 },
      ),
    ],
  },
  {
    name: 'language_coaching_hours',
    title: 'Language coaching hours',
    title_nl: 'Uren taalcoaching',
    description: 'Hours of Dutch on the work floor (NODW) and of IBO-T language coaching.',
    grain: 'one row per kind and period',
    primaryKey: ['kind', 'period_start'],
    usedBy: ['NODW-IBOT'],
    fields: [
      f('kind', 'string', 'Kind', 'Soort', 'nodw or ibo_t.', {
        required: true,
        enum: c.COACHING_KIND,
        dimension: true,
      }),
      from('period_start', 'Periode van'),
      f('period_end', 'date', 'Period end', 'Periode tot', 'Last day of the period (inclusive).', {
        required: true,
      }),
      f('hours', 'number', 'Hours', 'Uren', 'Hours delivered in the period.', {
        required: true,
        minimum: 0,
      }),
    ],
  },
  {
    name: 'manual_values',
    title: 'Manual values',
    title_nl: 'Manuele waarden',
    description: 'Values measured outside the microdata, entered by hand with their source.',
    grain: 'one row per result and period',
    primaryKey: ['result_id', 'period'],
    usedBy: ['TD2.2.A'],
    fields: [
      f(
        'result_id',
        'string',
        'Measurable result',
        'Meetbaar resultaat',
        'Result id (e.g. TD2.2.A).',
        { required: true },
      ),
      f(
        'period',
        'string',
        'Period',
        'Periode',
        'Year (2016), quarter (2016-Q3) or month (2016-07).',
        { required: true },
      ),
      f('value', 'number', 'Value', 'Waarde', 'The value.', { required: true }),
      f('unit', 'string', 'Unit', 'Eenheid', 'Unit of the value.', { required: true }),
      f('source', 'string', 'Source', 'Bron', 'Where the value comes from.', { required: true }),
      f('note', 'string', 'Note', 'Toelichting', 'Free-text note.'),
    ],
  },
];

/** The contract tables, validated at load. */
export const CONTRACT_TABLES: readonly Table[] = raw.map((t) => TableSchema.parse(t));

export function getTable(name: string): Table | undefined {
  return CONTRACT_TABLES.find((t) => t.name === name);
}
