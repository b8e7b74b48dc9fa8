import { describe, expect, it } from 'vitest';
import { CODE_LABELS, codes } from '../contract/index.js';
import { groupWord } from './group-words.js';

const labelsOf = (list: string) =>
  CODE_LABELS[list as keyof typeof codes] as Readonly<Record<string, { nl: string; en: string }>>;

describe('groupWord', () => {
  it('writes age bands in words, from their bounds', () => {
    expect(groupWord('-', '<25', 'nl')).toBe('jonger dan 25 jaar');
    expect(groupWord('-', '25-34', 'en')).toBe('25–34 years');
    expect(groupWord('-', '50+', 'nl')).toBe('50 jaar en ouder');
  });

  it('gives contract codes their label, in both languages', () => {
    expect(groupWord('-', 'maghreb', 'nl')).toBe('Maghreb');
    expect(groupWord('-', 'ant', 'nl')).toBe('Antwerpen');
    expect(groupWord('-', 'recognised_refugee', 'en')).toBe('recognised refugee');
    expect(groupWord('-', 'unknown', 'nl')).toBe('onbekend');
  });

  it('never prints a word that belongs to another code list than the one holding the code', () => {
    for (const [list, values] of Object.entries(codes)) {
      const labels = labelsOf(list);
      for (const code of values as readonly string[]) {
        const holders = Object.entries(codes).filter(([, v]) =>
          (v as readonly string[]).includes(code),
        );
        const word = groupWord('-', code, 'nl');
        if (holders.length === 1 && code !== 'true' && code !== 'false' && code !== 'unknown')
          expect(word).toBe(labels[code]!.nl);
        else if (word !== undefined)
          expect(holders.some(([l]) => labelsOf(l)[code]!.nl === word)).toBe(true);
      }
    }
  });

  it('reads a code shared by several lists in the list of the dimension it belongs to', () => {
    expect(groupWord('-', 'none', 'nl')).toBeUndefined();
    expect(groupWord('dutch_level', 'none', 'nl')).toBe(CODE_LABELS.DUTCH_LEVEL.none.nl);
    expect(groupWord('work_access', 'none', 'en')).toBe(CODE_LABELS.WORK_ACCESS.none.en);
    expect(CODE_LABELS.DUTCH_LEVEL.none.nl).not.toBe(CODE_LABELS.WORK_ACCESS.none.nl);
  });

  it('leaves unknown codes to the caller', () => {
    expect(groupWord('-', 'no-such-code', 'en')).toBeUndefined();
  });
});
