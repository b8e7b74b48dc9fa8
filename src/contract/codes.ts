/** Code lists of the data contract. Codes are English identifiers; docs give the Dutch terms. */

export const SEX = ['M', 'F', 'X'] as const;
export const EDUCATION_LEVEL = ['low', 'medium', 'high', 'unknown'] as const;
export const ORIGIN_GROUP = [
  'belgian',
  'eu_efta',
  'maghreb',
  'middle_east',
  'afghanistan_pakistan',
  'sub_saharan_africa',
  'eastern_europe_non_eu',
  'other_asia',
  'latin_america',
  'other',
] as const;
export const RESIDENCE_STATUS = [
  'recognised_refugee',
  'subsidiary_protection',
  'asylum_seeker',
  'other_non_eu',
  'eu_efta',
  'belgian',
] as const;
/** Right to work during a residence-status spell. */
export const WORK_ACCESS = ['none', 'work_permit_c', 'residence_document', 'unrestricted'] as const;
export const END_REASON = [
  'work',
  'training',
  'education',
  'illness',
  'moved_abroad',
  'administrative',
  'other',
] as const;
export const REGISTRATION_CATEGORY = [
  'unemployed_benefit',
  'unemployed_no_benefit',
  'young_school_leaver',
  'other_jobseeker',
] as const;
export const DUTCH_LEVEL = ['none', 'basic', 'intermediate', 'good'] as const;
/** VDAB regions (provinces and Brussels). */
export const REGION = ['ant', 'lim', 'ovl', 'vbr', 'wvl', 'bru'] as const;
export const CONTACT_KIND = [
  'first_personal_service',
  'counselling',
  'digital',
  'follow_up',
] as const;
export const ACTION_TYPE = [
  'orientation',
  'technical_screening',
  'vocational_training',
  'nt2_course',
  'integrated_language_trajectory',
  'workplace_learning',
  'ibo',
  'ibo_t',
  'mentoring',
  'job_coaching',
  'entrepreneurship_coaching',
  'okan_handover',
] as const;
export const PROVIDER = ['vdab', 'cvo', 'cbe', 'partner', 'esf_tender'] as const;
export const ACTION_OUTCOME = ['completed', 'dropped_out', 'ongoing'] as const;
export const SECTOR = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
] as const;
export const INTERPRETER_MODE = ['on_site', 'phone', 'video'] as const;
export const CAMPAIGN_KIND = [
  'employer_information',
  'anti_discrimination',
  'awareness',
  'mentoring_recruitment',
  'other',
] as const;
export const CHANNEL = ['event', 'press', 'social_media', 'mailing', 'website', 'other'] as const;
export const TOOL = ['folder', 'website', 'video', 'booking', 'app'] as const;
export const TOOL_METRIC = [
  'distributed',
  'views',
  'visits',
  'bookings',
  'downloads',
  'active_users',
] as const;
export const PARTNER_TYPE = [
  'public_welfare',
  'integration_agency',
  'education',
  'ngo',
  'sector_fund',
  'municipality',
  'employer_organisation',
  'other',
] as const;
export const TRAINING_PROVIDER = ['spoor21', 'vdab', 'other'] as const;
export const TRAINING_TOPIC = [
  'intercultural_communication',
  'language_courtesy',
  'refugee_legislation',
  'coaching_skills',
  'diversity',
  'other',
] as const;
export const COACHING_KIND = ['nodw', 'ibo_t'] as const;
