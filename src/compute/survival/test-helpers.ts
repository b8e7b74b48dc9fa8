import { expect } from 'vitest';

/**
 * Asserts that `actual` rounds to a value printed by R or statsmodels: within half a unit of the
 * last printed digit. "NA"/"NaN" expect null.
 */
export function expectPrinted(actual: number | null | undefined, printed: string, what = ''): void {
  if (printed === 'NA' || printed === 'NaN') {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  const decimals = printed.includes('.') ? (printed.split('.')[1] as string).length : 0;
  expect(actual, what).not.toBeNull();
  expect(
    Math.abs((actual as number) - Number(printed)),
    `${what}: ${actual} vs ${printed}`,
  ).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
}

/** Parses a whitespace-separated table of printed numbers into rows of strings. */
export function rows(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/));
}
