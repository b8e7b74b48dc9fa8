import { describe, expect, it } from 'vitest';
import { periodRuns } from './phrases.js';
import { phrasesEn } from './phrases-en.js';
import { phrasesNl } from './phrases-nl.js';

const quarters = ['2014', '2015', '2016', '2017'].flatMap((y) =>
  [1, 2, 3, 4].map((q) => `${y}-Q${q}`),
);

describe('periods in a sentence', () => {
  it('groups consecutive periods into runs, gaps start a new run', () => {
    expect(periodRuns([...quarters, '2018-Q2'])).toEqual([quarters, ['2018-Q2']]);
    expect(periodRuns(['2016', '2014', '2015'])).toEqual([['2014', '2015', '2016']]);
  });

  it('names sixteen quarters as one range instead of one by one', () => {
    const a = { reason: 'suppressed' as const, periods: [...quarters, '2018-Q2'], groups: true };
    expect(phrasesNl.note(a)).toBe(
      'voor de periode van het eerste kwartaal van 2014 tot en met het vierde kwartaal van 2017 en het tweede kwartaal van 2018 (voor minstens één groep) niet getoond omdat de aantallen te klein zijn (vertrouwelijk).',
    );
    expect(phrasesEn.note(a)).toMatch(/^for the period from .* 2014 to .* 2017 and /);
  });
});
