/** The one symbol convention of every output (docs/privacy.md). */
export const SYMBOL = {
  /** Confidential: suppressed to protect persons (primary or secondary). */
  confidential: 'x',
  /** Not observable: censored, no data or not defined; nothing to show. */
  notObservable: '.',
} as const;

/** The legend every output prints beside its tables. */
export function symbolLegend(lang: 'nl' | 'en'): { symbol: string; text: string }[] {
  return lang === 'nl'
    ? [
        {
          symbol: SYMBOL.confidential,
          text: 'vertrouwelijk: niet getoond om personen te beschermen (klein aantal of afleidbaar)',
        },
        {
          symbol: SYMBOL.notObservable,
          text: 'niet waarneembaar: nog niet volledig gevolgd, geen gegevens of niet gedefinieerd',
        },
      ]
    : [
        {
          symbol: SYMBOL.confidential,
          text: 'confidential: not shown to protect persons (small number or derivable)',
        },
        {
          symbol: SYMBOL.notObservable,
          text: 'not observable: not yet fully followed, no data or not defined',
        },
      ];
}
