// Public surface of `shared`: errors, message catalogues, calendar dates, hashing, a zip reader and safe echoing of outside text, used by every stage.
export * from './errors.js';
export * from './messages.js';
export * from './dates.js';
export * from './hash.js';
export * from './format.js';
export * from './zip.js';
export * from './vocabulary.js';
export * from './printable.js';
