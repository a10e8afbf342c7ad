/** Number portability (MNP): export files parsed into the compact ported index, its changes, diffs and bytes. */
export * from './diff-ported-indexes';
export * from './parse-ported-numbers';
export * from './parse-ported-stream';
export * from './ported-index';
export * from './ported-index-layout';
