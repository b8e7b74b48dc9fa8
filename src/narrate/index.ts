// Public surface of `narrate`: findings in Dutch and English generated from protected cells, with checked arithmetic.
export type * from './types.js';
