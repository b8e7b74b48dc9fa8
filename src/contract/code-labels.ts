import * as codes from './codes.js';

/** A label in both languages. */
export interface CodeLabel {
  readonly nl: string;
  readonly en: string;
}

type Lists = typeof codes;
/** Every code of every code list has a label: the type makes a missing one a compile error. */
type AllLabels = { readonly [K in keyof Lists]: Readonly<Record<Lists[K][number], CodeLabel>> };

const other = { nl: 'andere', en: 'other' };

/** Dutch and English words for the codes of the data contract, as printed in reports. */
export const CODE_LABELS: AllLabels = {
  SEX: { M: { nl: 'man', en: 'male' }, F: { nl: 'vrouw', en: 'female' }, X: { nl: 'X', en: 'X' } },
  EDUCATION_LEVEL: {
    low: { nl: 'laaggeschoold', en: 'low-skilled' },
    medium: { nl: 'middengeschoold', en: 'medium-skilled' },
    high: { nl: 'hooggeschoold', en: 'high-skilled' },
    unknown: { nl: 'onbekend', en: 'unknown' },
  },
  ORIGIN_GROUP: {
    belgian: { nl: 'Belgisch', en: 'Belgian' },
    eu_efta: { nl: 'EU/EVA', en: 'EU/EFTA' },
    maghreb: { nl: 'Maghreb', en: 'Maghreb' },
    middle_east: { nl: 'Midden-Oosten', en: 'Middle East' },
    afghanistan_pakistan: { nl: 'Afghanistan en Pakistan', en: 'Afghanistan and Pakistan' },
    sub_saharan_africa: { nl: 'Afrika ten zuiden van de Sahara', en: 'Sub-Saharan Africa' },
    eastern_europe_non_eu: { nl: 'Oost-Europa buiten de EU', en: 'Eastern Europe outside the EU' },
    other_asia: { nl: 'overig Azië', en: 'other Asia' },
    latin_america: { nl: 'Latijns-Amerika', en: 'Latin America' },
    other,
  },
  RESIDENCE_STATUS: {
    recognised_refugee: { nl: 'erkend vluchteling', en: 'recognised refugee' },
    subsidiary_protection: { nl: 'subsidiair beschermde', en: 'subsidiary protection' },
    asylum_seeker: {
      nl: 'verzoeker internationale bescherming',
      en: 'applicant for international protection',
    },
    other_non_eu: { nl: 'andere niet-EU-burger', en: 'other non-EU national' },
    eu_efta: { nl: 'EU/EVA-burger', en: 'EU/EFTA national' },
    belgian: { nl: 'Belg', en: 'Belgian' },
  },
  WORK_ACCESS: {
    none: { nl: 'geen toegang', en: 'no access' },
    work_permit_c: { nl: 'arbeidskaart C', en: 'work permit C' },
    residence_document: { nl: 'via verblijfsdocument', en: 'through the residence document' },
    unrestricted: { nl: 'onbeperkt', en: 'unrestricted' },
  },
  END_REASON: {
    work: { nl: 'werk', en: 'work' },
    training: { nl: 'opleiding', en: 'training' },
    education: { nl: 'onderwijs', en: 'education' },
    illness: { nl: 'ziekte', en: 'illness' },
    moved_abroad: { nl: 'verhuisd naar het buitenland', en: 'moved abroad' },
    administrative: { nl: 'administratief', en: 'administrative' },
    other,
  },
  REGISTRATION_CATEGORY: {
    unemployed_benefit: { nl: 'werkloze met uitkering', en: 'unemployed with benefit' },
    unemployed_no_benefit: { nl: 'werkloze zonder uitkering', en: 'unemployed without benefit' },
    young_school_leaver: { nl: 'schoolverlater', en: 'young school leaver' },
    other_jobseeker: { nl: 'andere werkzoekende', en: 'other jobseeker' },
  },
  DUTCH_LEVEL: {
    none: { nl: 'geen', en: 'none' },
    basic: { nl: 'basis', en: 'basic' },
    intermediate: { nl: 'gemiddeld', en: 'intermediate' },
    good: { nl: 'goed', en: 'good' },
  },
  REGION: {
    ant: { nl: 'Antwerpen', en: 'Antwerp' },
    lim: { nl: 'Limburg', en: 'Limburg' },
    ovl: { nl: 'Oost-Vlaanderen', en: 'East Flanders' },
    vbr: { nl: 'Vlaams-Brabant', en: 'Flemish Brabant' },
    wvl: { nl: 'West-Vlaanderen', en: 'West Flanders' },
    bru: { nl: 'Brussel', en: 'Brussels' },
  },
  CONTACT_KIND: {
    first_personal_service: {
      nl: 'eerste persoonlijke dienstverlening',
      en: 'first personal service',
    },
    counselling: { nl: 'begeleiding', en: 'counselling' },
    digital: { nl: 'digitaal', en: 'digital' },
    follow_up: { nl: 'opvolging', en: 'follow-up' },
  },
  ACTION_TYPE: {
    orientation: { nl: 'oriëntatie', en: 'orientation' },
    technical_screening: { nl: 'technische screening', en: 'technical screening' },
    vocational_training: { nl: 'beroepsopleiding', en: 'vocational training' },
    nt2_course: { nl: 'cursus NT2', en: 'Dutch as a second language (NT2)' },
    integrated_language_trajectory: {
      nl: 'geïntegreerd taaltraject',
      en: 'integrated language trajectory',
    },
    workplace_learning: { nl: 'werkplekleren', en: 'work-place learning' },
    ibo: { nl: 'IBO', en: 'IBO (individual vocational training)' },
    ibo_t: { nl: 'IBO-T', en: 'IBO-T (IBO with language coaching)' },
    mentoring: { nl: 'mentoring', en: 'mentoring' },
    job_coaching: { nl: 'jobcoaching', en: 'job coaching' },
    entrepreneurship_coaching: {
      nl: 'begeleiding naar ondernemerschap',
      en: 'entrepreneurship coaching',
    },
    okan_handover: { nl: 'overdracht vanuit OKAN', en: 'handover from OKAN' },
  },
  PROVIDER: {
    vdab: { nl: 'VDAB', en: 'VDAB' },
    cvo: { nl: 'CVO (volwassenenonderwijs)', en: 'CVO (adult education centre)' },
    cbe: { nl: 'CBE (basiseducatie)', en: 'CBE (basic education centre)' },
    partner: { nl: 'partner', en: 'partner' },
    esf_tender: { nl: 'ESF-oproep', en: 'ESF call' },
  },
  ACTION_OUTCOME: {
    completed: { nl: 'afgerond', en: 'completed' },
    dropped_out: { nl: 'afgehaakt', en: 'dropped out' },
    ongoing: { nl: 'lopend', en: 'ongoing' },
  },
  SECTOR: {
    A: { nl: 'A Landbouw, bosbouw en visserij', en: 'A Agriculture, forestry and fishing' },
    B: { nl: 'B Winning van delfstoffen', en: 'B Mining and quarrying' },
    C: { nl: 'C Industrie', en: 'C Manufacturing' },
    D: { nl: 'D Energievoorziening', en: 'D Electricity and gas supply' },
    E: { nl: 'E Water en afval', en: 'E Water supply and waste' },
    F: { nl: 'F Bouwnijverheid', en: 'F Construction' },
    G: { nl: 'G Handel', en: 'G Wholesale and retail trade' },
    H: { nl: 'H Vervoer en opslag', en: 'H Transport and storage' },
    I: { nl: 'I Horeca', en: 'I Accommodation and food service' },
    J: { nl: 'J Informatie en communicatie', en: 'J Information and communication' },
    K: { nl: 'K Financiële diensten', en: 'K Financial and insurance activities' },
    L: { nl: 'L Exploitatie van onroerend goed', en: 'L Real estate activities' },
    M: { nl: 'M Vrije beroepen en wetenschap', en: 'M Professional and scientific activities' },
    N: { nl: 'N Administratieve en ondersteunende diensten', en: 'N Administrative and support' },
    O: { nl: 'O Openbaar bestuur', en: 'O Public administration' },
    P: { nl: 'P Onderwijs', en: 'P Education' },
    Q: {
      nl: 'Q Gezondheidszorg en maatschappelijke dienstverlening',
      en: 'Q Health and social work',
    },
    R: { nl: 'R Kunst, amusement en recreatie', en: 'R Arts, entertainment and recreation' },
    S: { nl: 'S Overige diensten', en: 'S Other service activities' },
    T: { nl: 'T Huishoudens als werkgever', en: 'T Households as employers' },
    U: { nl: 'U Extraterritoriale organisaties', en: 'U Extraterritorial organisations' },
  },
  INTERPRETER_MODE: {
    on_site: { nl: 'ter plaatse', en: 'on site' },
    phone: { nl: 'telefonisch', en: 'by phone' },
    video: { nl: 'via video', en: 'by video' },
  },
  CAMPAIGN_KIND: {
    employer_information: { nl: 'informatie voor werkgevers', en: 'information for employers' },
    anti_discrimination: { nl: 'antidiscriminatie', en: 'anti-discrimination' },
    awareness: { nl: 'sensibilisering', en: 'awareness' },
    mentoring_recruitment: { nl: 'werving van mentoren', en: 'recruiting mentors' },
    other,
  },
  CHANNEL: {
    event: { nl: 'evenement', en: 'event' },
    press: { nl: 'pers', en: 'press' },
    social_media: { nl: 'sociale media', en: 'social media' },
    mailing: { nl: 'mailing', en: 'mailing' },
    website: { nl: 'website', en: 'website' },
    other,
  },
  TOOL: {
    folder: { nl: 'folder', en: 'leaflet' },
    website: { nl: 'website', en: 'website' },
    video: { nl: 'video', en: 'video' },
    booking: { nl: 'boekingstool', en: 'booking tool' },
    app: { nl: 'app', en: 'app' },
  },
  TOOL_METRIC: {
    distributed: { nl: 'verspreid', en: 'distributed' },
    views: { nl: 'weergaven', en: 'views' },
    visits: { nl: 'bezoeken', en: 'visits' },
    bookings: { nl: 'boekingen', en: 'bookings' },
    downloads: { nl: 'downloads', en: 'downloads' },
    active_users: { nl: 'actieve gebruikers', en: 'active users' },
  },
  PARTNER_TYPE: {
    public_welfare: { nl: 'OCMW', en: 'public welfare centre (OCMW)' },
    integration_agency: { nl: 'integratie en inburgering', en: 'integration agency' },
    education: { nl: 'onderwijs', en: 'education' },
    ngo: { nl: 'ngo', en: 'NGO' },
    sector_fund: { nl: 'sectorfonds', en: 'sector fund' },
    municipality: { nl: 'gemeente', en: 'municipality' },
    employer_organisation: { nl: 'werkgeversorganisatie', en: 'employer organisation' },
    other,
  },
  TRAINING_PROVIDER: {
    spoor21: { nl: 'Spoor 21', en: 'Spoor 21' },
    vdab: { nl: 'VDAB', en: 'VDAB' },
    other,
  },
  TRAINING_TOPIC: {
    intercultural_communication: {
      nl: 'interculturele communicatie',
      en: 'intercultural communication',
    },
    language_courtesy: { nl: 'taalhoffelijkheid', en: 'language courtesy' },
    refugee_legislation: { nl: 'vluchtelingenwetgeving', en: 'refugee legislation' },
    coaching_skills: { nl: 'coachingsvaardigheden', en: 'coaching skills' },
    diversity: { nl: 'diversiteit', en: 'diversity' },
    other,
  },
  COACHING_KIND: { nodw: { nl: 'NODW', en: 'NODW' }, ibo_t: { nl: 'IBO-T', en: 'IBO-T' } },
};

/** Codes that stand outside every list: an unknown value, and the two values of a yes/no column. */
export const COMMON_CODE_LABELS: Readonly<Record<string, CodeLabel>> = {
  unknown: { nl: 'onbekend', en: 'unknown' },
  true: { nl: 'ja', en: 'yes' },
  false: { nl: 'nee', en: 'no' },
};

/** The name of the code list (`REGION`, …) whose codes are exactly `values`, if any. */
export function codeListOf(values: readonly string[]): keyof Lists | undefined {
  return (Object.keys(codes) as (keyof Lists)[]).find((k) => {
    const list: readonly string[] = codes[k];
    return list.length === values.length && list.every((c, i) => c === values[i]);
  });
}
