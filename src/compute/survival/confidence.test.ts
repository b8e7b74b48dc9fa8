import { describe, expect, it } from 'vitest';
import { Z95, cifInterval, kmInterval } from './confidence.js';

describe('the 95 % normal quantile', () => {
  it("is R's qnorm(0.975) to the last bit, not the printed 1.959964", () => {
    // sprintf("%.17g", qnorm(0.975)) in R.
    expect(Z95).toBe(1.9599639845400536);
  });

  it('is the default of both interval formulas', () => {
    const s = 0.7;
    const v = 0.01;
    expect(kmInterval(s, v, 'plain').lower).toBe(s - 1.9599639845400536 * s * Math.sqrt(v));
    const f = 0.3;
    const w = (1.9599639845400536 * 0.05) / Math.abs(f * Math.log(f));
    expect(cifInterval(f, 0.05).lower).toBe(f ** Math.exp(w));
  });
});
