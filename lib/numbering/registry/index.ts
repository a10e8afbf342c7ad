/**
 * The numbering registry: its files parsed (whole or streamed) into ranges, the ranges into an index, and the
 * catalogue of known carriers. Pure code, safe for client components (no node:fs, no node:crypto): reading files
 * and hashing them is the store's work.
 */
export * from './build-carrier-index';
export * from './carriers';
export * from './decode-registry-bytes';
export * from './find-range-holder';
export * from './operator-name-catalogue';
export * from './parse-registry';
export * from './parse-registry-stream';
export * from './split-delimited-line';
export * from './types';
export * from './kept-issues';
export * from './refuse-mostly-bad-file';
