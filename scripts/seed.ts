/**
 * `npm run seed -- demo`: loads the reference deployment (Beeline/MegaFon/MTS gateways, Sales on 101–103, HR on
 * 201–202 with its two numbers, Beeline default) into the local portal of the configured database.
 */
import { getConfigOrExit } from '../lib/config/exit-on-bad-config';
import { getDb } from '../lib/db/client';
import { seedDemoPortal } from '../lib/routing/settings/seed-demo-portal';

const [what] = process.argv.slice(2);
if (what !== 'demo') {
  process.stderr.write('Usage: npm run seed -- demo\n');
  process.exit(2);
}
const config = getConfigOrExit();
const db = getDb();
const { portalId, settings } = await seedDemoPortal({ db });
process.stdout.write(
  `Seeded the demo configuration into portal #${portalId} (${config.database.kind}): ` +
    `${settings.trunks.length} lines (${settings.trunks.map((t) => t.name).join(', ')}), ` +
    `${settings.carrierGroups.length} carrier groups, ${settings.profiles.length} department profiles, 5 managers\n`,
);
await db.$disconnect();
