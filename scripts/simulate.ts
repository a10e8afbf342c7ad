/**
 * `npm run simulate -- --calls 5000 [--seed N] [--portal <member_id>] [--day YYYY-MM-DD] [--dry-run]
 *   [--variant reference|test-peers [--mix registry|subscribers]]`
 * Plays a working day of outgoing calls through the real lookup and routing code into the journal (origin
 * 'simulation'; re-running a seed replaces its rows) and prints one JSON line with the savings summary.
 * --variant runs a built-in configuration in memory instead of the portal's (writes nothing): `reference` is the
 * full-size reference deployment (README "Reference configuration"), `test-peers` the compact one the tests use; with
 * it, --mix subscribers draws only mobiles of the configuration's carrier groups (no landlines, no unknown carriers).
 */
import { parseArgs } from 'node:util';
import { openCliDatabase } from '../lib/cli/open-cli-database';
import { getConfigOrExit } from '../lib/config/exit-on-bad-config';
import { AppError } from '../lib/errors/app-error';
import { LOCAL_MEMBER_ID } from '../lib/portals/ensure-local-portal';
import { demoRoutingSettings } from '../lib/routing/demo-routing-settings';
import { referenceRoutingSettings } from '../lib/routing/reference-routing-settings';
import { runSimulation } from '../lib/simulation/run-simulation';
import { simulateInMemory } from '../lib/simulation/simulate-in-memory';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
    portal: { type: 'string', default: LOCAL_MEMBER_ID },
    day: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    variant: { type: 'string' },
    mix: { type: 'string', default: 'registry' },
  },
});
const calls = Number(values.calls);
const seed = Number(values.seed);
if (!Number.isInteger(calls) || calls < 1 || calls > 1_000_000 || !Number.isInteger(seed)) {
  process.stderr.write(
    'Usage: npm run simulate -- --calls 5000 [--seed N] [--portal <member_id>] [--day YYYY-MM-DD] [--dry-run] ' +
      '[--variant reference|test-peers]\n',
  );
  process.exit(2);
}
getConfigOrExit();
try {
  if (values.variant) {
    const settings =
      values.variant === 'reference'
        ? referenceRoutingSettings
        : values.variant === 'test-peers'
          ? demoRoutingSettings
          : null;
    if (!settings)
      throw new AppError('INVALID_INPUT', `Unknown --variant "${values.variant}" (reference | test-peers)`);
    const mix = values.mix === 'subscribers' ? 'subscribers' : 'registry';
    const summary = await simulateInMemory({ settings, calls, seed, day: values.day, mix });
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } else {
    const db = await openCliDatabase();
    try {
      const portal = await db.portal.findUnique({ where: { memberId: values.portal! } });
      if (!portal)
        throw new AppError(
          'NOT_FOUND',
          `Портал «${values.portal}» не найден: выполните \`npm run seed -- demo\` / Portal "${values.portal}" ` +
            `not found: run \`npm run seed -- demo\` first`,
        );
      const run = await runSimulation({
        db,
        portalId: portal.id,
        calls,
        seed,
        day: values.day,
        write: !values['dry-run'],
      });
      process.stdout.write(`${JSON.stringify(run.summary)}\n`);
    } finally {
      await db.$disconnect();
    }
  }
} catch (error) {
  if (!AppError.is(error)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
