import { describe, expect, it } from 'vitest';
import { NON_PERSONAL_UNITS as planList } from '../src/plan/check-contract.js';
import { NON_PERSONAL_UNITS as protectList } from '../src/protect/quantities.js';

describe('units without a count threshold', () => {
  it('are the same list where the plan refuses them for persons and where protection skips the threshold', () => {
    expect([...planList].sort()).toEqual([...protectList].sort());
  });
});
