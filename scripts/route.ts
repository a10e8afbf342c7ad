/**
 * `npm run route -- <number> [--ext <extension>] [--line <line>] [--portal <member_id>] [--lang ru|en]`
 * Prints the routing decision for the configured database's portal (the local one by default) as JSON.
 * Without --ext the caller is a Sales manager (the first Sales department profile).
 */
import { parseArgs } from 'node:util';
import { openCliDatabase } from '../lib/cli/open-cli-database';
import { runCliCommand } from '../lib/cli/run-cli-command';
import { AppError } from '../lib/errors/app-error';
import { pickLang } from '../lib/i18n/lang';
import { findKnownCarrier } from '../lib/numbering/registry';
import { LOCAL_MEMBER_ID } from '../lib/portals/ensure-local-portal';
import { renderReason } from '../lib/routing/route-reasons';
import { routeCall } from '../lib/routing/route-call';
import { getRoutingContext } from '../lib/routing/settings/get-routing-context';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    ext: { type: 'string' },
    line: { type: 'string' },
    portal: { type: 'string', default: LOCAL_MEMBER_ID },
    lang: { type: 'string', default: 'ru' },
  },
});
if (positionals.length !== 1) {
  process.stderr.write('Usage: npm run route -- <number> [--ext <extension>] [--line <line>] [--portal <member_id>]\n');
  process.exit(2);
}
const db = await openCliDatabase();
await runCliCommand({
  main: async () => {
    const portal = await db.portal.findUnique({ where: { memberId: values.portal! } });
    if (!portal)
      throw new AppError('NOT_FOUND', `Portal "${values.portal}" not found: run \`npm run seed -- demo\` first`);
    const context = await getRoutingContext({ portalId: portal.id, db });
    const sales = context.compiled.settings.profiles.find((p) => p.kind === 'sales');
    const decision = await routeCall({
      portalId: portal.id,
      number: positionals[0]!,
      extension: values.ext,
      caller: values.ext ? undefined : { departmentIds: sales?.departmentIds.slice(0, 1) ?? [] },
      requestedLine: values.line,
      db,
    });
    const lang = pickLang(values.lang);
    const group = (id: string) => context.compiled.groupById.get(id)?.name ?? null;
    const brand = decision.carrier
      ? (findKnownCarrier(decision.carrier.inn)?.name[lang] ?? decision.carrier.operator ?? null)
      : null;
    const output = {
      number: decision.number,
      profile: decision.profile,
      trunk: decision.trunk && { ...decision.trunk, carrierGroup: group(decision.trunk.carrierGroupId) },
      via: decision.via,
      onNet: decision.onNet,
      carrier: decision.carrier && { ...decision.carrier, brand },
      fallbacks: decision.fallbacks.map((f) => ({ ...f, carrierGroup: group(f.carrierGroupId) })),
      reasons: decision.reasons.map((r) => renderReason(r, lang)),
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  },
  cleanup: async () => {
    await db.$disconnect();
  },
});
