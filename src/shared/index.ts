// Public surface of `shared`: errors, message catalogues, calendar dates, hashing and a zip reader used by every stage.
export * from './errors.js';
export * from './messages.js';
export * from './dates.js';
export * from './hash.js';
export * from './format.js';
export * from './zip.js';
export * from './vocabulary.js';
