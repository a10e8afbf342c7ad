/**
 * Part of `npm run build`, after `next build`: bundles the dialplan listener's process (lib/routing/dialplan-process.ts)
 * into one ES module that plain `node` runs — Next.js only bundles what its server imports, and the built server must
 * not need a TypeScript loader to start that process. Packages stay outside the bundle: it resolves them from the
 * project's node_modules, so the bundle must live inside the project.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { DIALPLAN_BUNDLE } from '../lib/routing/dialplan-bundle-path';

const root = path.resolve(import.meta.dirname, '..');

export type BuildDialplanProcessOptions = { outfile?: string };

/** Writes the bundle (default: where the production server looks for it) and returns its size in bytes. */
export async function buildDialplanProcess({ outfile = path.join(root, DIALPLAN_BUNDLE) }: BuildDialplanProcessOptions = {}): Promise<number> {
  const result = await build({
    entryPoints: [path.join(root, 'lib/routing/dialplan-process.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'warning',
  });
  return Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const bytes = await buildDialplanProcess();
  console.log(`[build] dialplan process → ${DIALPLAN_BUNDLE} (${Math.round(bytes / 1024)} KB)`);
}
