/**
 * Validates the environment the way the server does at start-up and prints a one-line summary.
 * `npm run app` runs it before building, so a bad variable stops the app with one clear line.
 */
import { getConfigOrExit } from '../lib/config/exit-on-bad-config';

const config = getConfigOrExit();
const pbxes = config.pbxes.map((p) => `${p.name}@${p.host}:${p.port}`).join(', ') || 'none';
process.stdout.write(
  `Configuration ok: database=${config.database.kind}, public URL=${config.PUBLIC_URL}, PBX=${pbxes}\n`,
);
