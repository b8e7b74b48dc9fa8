// Public surface of `shared`: errors, message catalogues, calendar dates and hashing used by every stage.
export * from './errors.js';
export * from './messages.js';
export * from './dates.js';
export * from './hash.js';
export * from './format.js';
