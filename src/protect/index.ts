// Public surface of `protect`: authorisation, disclosure control and audit between compute and every renderer.
export type * from './types.js';
