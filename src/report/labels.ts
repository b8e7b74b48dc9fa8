import type { Lang } from '../shared/index.js';

/** Every fixed text of the reports, Dutch first. */
const LABELS = {
  quarterlyTitle: { nl: 'Kwartaalrapport', en: 'Quarterly report' },
  overviewTitle: {
    nl: 'Overzicht per doelstelling en meetbaar resultaat',
    en: 'Overview per objective and measurable result',
  },
  plan: { nl: 'Plan', en: 'Plan' },
  asOf: { nl: 'Peildatum', en: 'Cut-off date' },
  snapshot: { nl: 'Datasnapshot', en: 'Data snapshot' },
  audience: { nl: 'Publiek', en: 'Audience' },
  planHash: { nl: 'Planversie (hash)', en: 'Plan version (hash)' },
  data: { nl: 'Gegevens', en: 'Data' },
  synthetic: {
    nl: 'SYNTHETISCHE GEGEVENS — geen echte personen; cijfers zijn niet bruikbaar als beleidsinformatie.',
    en: 'SYNTHETIC DATA — no real persons; figures must not be used as policy information.',
  },
  real: { nl: 'Administratieve gegevens', en: 'Administrative data' },
  contents: { nl: 'Inhoud', en: 'Contents' },
  keyMessages: { nl: 'In het kort', en: 'At a glance' },
  keyIntroNoTargets: {
    nl: 'Het plan legt geen streefwaarden vast; waar VDAB een cijfer publiceerde, staat het ter vergelijking. Elk cijfer wordt vergeleken met dezelfde periode een jaar eerder; cijfers van cohorten die nog niet volledig gevolgd zijn, zijn schattingen.',
    en: 'The plan sets no targets; where VDAB published a figure, it is given for comparison. Every figure is compared with the same period a year earlier; figures for cohorts not yet followed in full are estimates.',
  },
  keyIntro: {
    nl: 'Elk cijfer wordt vergeleken met dezelfde periode een jaar eerder en, waar het plan er een vastlegt, met de streefwaarde; cijfers van cohorten die nog niet volledig gevolgd zijn, zijn schattingen.',
    en: 'Every figure is compared with the same period a year earlier and, where the plan sets one, with the target; figures for cohorts not yet followed in full are estimates.',
  },
  syntheticShort: { nl: 'SYNTHETISCHE GEGEVENS', en: 'SYNTHETIC DATA' },
  summary: { nl: 'Samenvatting', en: 'Summary' },
  objective: { nl: 'Doelstelling', en: 'Objective' },
  result: { nl: 'Meetbaar resultaat', en: 'Measurable result' },
  latest: { nl: 'Laatste waarde', en: 'Latest value' },
  period: { nl: 'Periode', en: 'Period' },
  changeYear: { nl: 'Verschil t.o.v. vorig jaar', en: 'Change on a year earlier' },
  target: { nl: 'Streefwaarde', en: 'Target' },
  noTarget: { nl: 'geen streefwaarde', en: 'no target' },
  targetOrBenchmark: { nl: 'Streefwaarde of referentie', en: 'Target or benchmark' },
  benchmark: { nl: 'referentie', en: 'benchmark' },
  estimate: { nl: 'schatting', en: 'estimate' },
  interval: { nl: '95%-betrouwbaarheidsinterval', en: '95% confidence interval' },
  noTargetsInPlan: {
    nl: 'Het plan legt voor geen enkel resultaat een streefwaarde vast; de kolom toont waar mogelijk een gepubliceerd referentiecijfer.',
    en: 'The plan sets no target for any result; the column shows a published benchmark where there is one.',
  },
  dataStatus: { nl: 'Datastatus', en: 'Data status' },
  definition: { nl: 'Definitie', en: 'Definition' },
  series: { nl: 'Reeks', en: 'Series' },
  perYear: { nl: 'Per jaar', en: 'Per year' },
  perQuarter: { nl: 'Per kwartaal', en: 'Per quarter' },
  breakdown: { nl: 'Uitsplitsing naar', en: 'Breakdown by' },
  findings: { nl: 'Vaststellingen', en: 'Findings' },
  notes: { nl: 'Opmerkingen', en: 'Notes' },
  openItem: { nl: 'Open punt', en: 'Open item' },
  extraSeries: { nl: 'Bijkomende reeksen', en: 'Additional series' },
  source: { nl: 'Bron', en: 'Source' },
  total: { nl: 'Totaal', en: 'Total' },
  indicator: { nl: 'Indicator', en: 'Indicator' },
  unit: { nl: 'Eenheid', en: 'Unit' },
  symbol: { nl: 'Symbool', en: 'Symbol' },
  meaning: { nl: 'Betekenis', en: 'Meaning' },
  symbolX: {
    nl: 'vertrouwelijk: onderdrukt om personen te beschermen (kleine aantallen of terug te rekenen)',
    en: 'confidential: suppressed to protect persons (small numbers or recomputable)',
  },
  symbolDot: {
    nl: 'niet waarneembaar: het cohort is op de peildatum nog niet lang genoeg gevolgd, of er zijn geen gegevens',
    en: 'not observable: the cohort has not been followed long enough at the cut-off date, or there are no data',
  },
  symbolStar: {
    nl: 'schatting voor een cohort dat nog niet volledig waargenomen is (de gebruikte schatter staat in de opmerkingen bij het resultaat)',
    en: 'estimate for a cohort that is not yet fully observed (the estimator used is named in the notes of the result)',
  },
  estimatorNote: { nl: 'Schatter(s): {names}.', en: 'Estimator(s): {names}.' },
  negativeNote: {
    nl: '{n} duur/duren met een mijlpaal vóór de vorige (gegevensfout): meegeteld met hun negatieve waarde, niet op 0 gezet.',
    en: '{n} duration(s) with a milestone before the previous one (a data fault): kept with their negative value, not set to 0.',
  },
  symbolDash: { nl: 'geen waarde voor deze periode', en: 'no value for this period' },
  censoredNote: {
    nl: '{n} cijfer(s) betreffen cohorten die op de peildatum nog niet volledig waargenomen zijn; ze zijn gemarkeerd met * of .',
    en: '{n} figure(s) concern cohorts not yet fully observed at the cut-off date; they are marked * or .',
  },
  suppressedNote: {
    nl: '{n} cijfer(s) zijn onderdrukt (x) om personen te beschermen.',
    en: '{n} figure(s) are suppressed (x) to protect persons.',
  },
  noDataNote: {
    nl: 'Er zijn op de peildatum geen gegevens voor dit resultaat.',
    en: 'There are no data for this result at the cut-off date.',
  },
  manualNote: {
    nl: 'Manueel ingevoerde cijfers; de bron staat bij de invoer.',
    en: 'Figures entered by hand; the source is recorded with the entry.',
  },
  status: {
    nl: {
      ok: 'volledig',
      censored: 'deels waargenomen',
      'not-defined': 'niet gedefinieerd',
      'to-explore': 'te exploreren',
      'no-data': 'geen gegevens',
      suppressed: 'deels onderdrukt',
    },
    en: {
      ok: 'complete',
      censored: 'partly observed',
      'not-defined': 'not defined',
      'to-explore': 'to explore',
      'no-data': 'no data',
      suppressed: 'partly suppressed',
    },
  },
  audiences: {
    nl: {
      public: 'publiek',
      board: 'raad van bestuur',
      steward: 'databeheerder (niet publiceren)',
    },
    en: { public: 'public', board: 'board of directors', steward: 'data steward (do not publish)' },
  },
  hoursTitle: { nl: 'Uren NODW en IBO-T per jaar', en: 'NODW and IBO-T hours per year' },
  chartSource: { nl: 'Bron: VDAB, IDW Monitor', en: 'Source: VDAB, IDW Monitor' },
  chartSourceSynthetic: {
    nl: 'SYNTHETISCHE GEGEVENS (demo van IDW Monitor), geen cijfers van VDAB',
    en: 'SYNTHETIC DATA (IDW Monitor demo), not VDAB figures',
  },
  months: { nl: 'maanden', en: 'months' },
  definitions: { nl: 'Definities', en: 'Definitions' },
  notesSheet: { nl: 'Opmerkingen', en: 'Notes' },
  value: { nl: 'Waarde', en: 'Value' },
} as const;

type Simple = {
  [K in keyof typeof LABELS]: (typeof LABELS)[K] extends { nl: string } ? K : never;
}[keyof typeof LABELS];

/** A fixed text in the report language; `{n}`-style placeholders are filled from `vars`. */
export function t(key: Simple, lang: Lang, vars: Record<string, string | number> = {}): string {
  const s: string = (LABELS[key] as { nl: string; en: string })[lang];
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** Label of a data status. */
export function statusLabel(status: keyof (typeof LABELS)['status']['nl'], lang: Lang): string {
  return LABELS.status[lang][status];
}

/** Label of an audience. */
export function audienceLabel(a: 'public' | 'board' | 'steward', lang: Lang): string {
  return LABELS.audiences[lang][a];
}
