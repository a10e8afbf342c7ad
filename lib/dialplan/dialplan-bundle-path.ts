import path from 'node:path';

/** Where `npm run build` puts the dialplan process's bundle (scripts/build-dialplan-process.ts), project-relative. */
export const DIALPLAN_BUNDLE = path.join('.next', 'dialplan-process.mjs');
