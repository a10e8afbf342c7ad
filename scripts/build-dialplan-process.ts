/**
 * Part of `npm run build`, after `next build`: bundles the dialplan listener's process
 * (lib/dialplan/dialplan-process.ts)
 * into one ES module that plain `node` runs — Next.js only bundles what its server imports, and the built server must
 * not need a TypeScript loader to start that process. Packages stay outside the bundle: it resolves them from the
 * project's node_modules, so the bundle must live inside the project. The database client is swapped for a stand-in
 * (lib/dialplan/db-client-stand-in.ts): that process's database work runs in the app, and Prisma stays out of it.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { DIALPLAN_BUNDLE } from '../lib/dialplan/dialplan-bundle-path';

const root = path.resolve(import.meta.dirname, '..');
const DB_CLIENT = path.join(root, 'lib/db/client');

/** Every import of lib/db/client, from whichever directory, resolves to the stand-in. */
const withoutDatabase: Plugin = {
  name: 'dialplan-process-without-database',
  setup(plugin) {
    plugin.onResolve({ filter: /(^|\/)client$/ }, ({ path: request, resolveDir }) =>
      path.resolve(resolveDir, request) === DB_CLIENT
        ? { path: path.join(root, 'lib/dialplan/db-client-stand-in.ts') }
        : undefined,
    );
  },
};

export type BuildDialplanProcessOptions = { outfile?: string };

/** Writes the bundle (default: where the production server looks for it) and returns its size in bytes. */
export async function buildDialplanProcess({
  outfile = path.join(root, DIALPLAN_BUNDLE),
}: BuildDialplanProcessOptions = {}): Promise<number> {
  const result = await build({
    entryPoints: [path.join(root, 'lib/dialplan/dialplan-process.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    metafile: true,
    plugins: [withoutDatabase],
    logLevel: 'warning',
  });
  return Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const bytes = await buildDialplanProcess();
  console.log(`[build] dialplan process → ${DIALPLAN_BUNDLE} (${Math.round(bytes / 1024)} KB)`);
}
