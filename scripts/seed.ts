/**
 * `npm run seed -- demo|reference` loads a configuration into the local portal of the configured database, with the
 * test PBX's people (Sales on 101–103, HR on 201–202):
 * - demo: the compact one matching the test peers' five gateways (Beeline/MegaFon/MTS, 4 SIMs each; HR's two numbers);
 * - reference: the full-size reference deployment the savings goal is judged on (README "Reference configuration").
 */
import { getConfigOrExit } from '../lib/config/exit-on-bad-config';
import { openCliDatabase } from '../lib/cli/open-cli-database';
import { demoRoutingSettings } from '../lib/routing/demo-routing-settings';
import { referenceRoutingSettings } from '../lib/routing/reference-routing-settings';
import { seedDemoPortal } from '../lib/routing/settings/seed-demo-portal';

const [what] = process.argv.slice(2);
const configurations = { demo: demoRoutingSettings, reference: referenceRoutingSettings } as const;
if (what !== 'demo' && what !== 'reference') {
  process.stderr.write('Usage: npm run seed -- demo|reference\n');
  process.exit(2);
}
const config = getConfigOrExit();
const db = await openCliDatabase();
const { portalId, settings } = await seedDemoPortal({ db, settings: configurations[what] });
process.stdout.write(
  `Seeded the ${what} configuration into portal #${portalId} (${config.database.kind}): ` +
    `${settings.trunks.length} lines (${settings.trunks.map((t) => t.name).join(', ')}), ` +
    `${settings.carrierGroups.length} carrier groups, ${settings.profiles.length} department profiles, 5 managers\n`,
);
await db.$disconnect();
