// Entry of the dialplan worker when the app runs from TypeScript sources (tsx CLIs, vitest): Node cannot load the .ts
// entry by itself, so this registers tsx in the worker first. The built server never uses it (Next bundles the worker).
import { register } from 'tsx/esm/api';

register();
await import('./dialplan-worker.ts');
