/**
 * `npm run call -- <extension> <number> [--line <line>] [--portal <member_id>] [--timeout <seconds>] [--lang ru|en]`
 * Places a real click-to-call exactly as a click in Bitrix24 would (routing decision with the live SIM load → Originate
 * through the AMI bridge), waits for the call to end, prints the decision and the final journal record as JSON, exits.
 * The fastest way to check an installation end to end. Exit code 1 when the call could not be placed.
 */
import { parseArgs } from 'node:util';
import { openCliDatabase } from '../lib/cli/open-cli-database';
import { stopAmiManagers } from '../lib/asterisk/get-ami-managers';
import { getConfigOrExit } from '../lib/config/exit-on-bad-config';
import { runCliCommand } from '../lib/cli/run-cli-command';
import { AppError } from '../lib/errors/app-error';
import { pickLang } from '../lib/i18n/lang';
import { LOCAL_MEMBER_ID } from '../lib/portals/ensure-local-portal';
import { placeOutgoingCall, type OutgoingCallResult } from '../lib/calls/place-outgoing-call';
import { getPbxConnection } from '../lib/calls/start-call-tracking';
import { renderReason } from '../lib/routing/route-reasons';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    line: { type: 'string' },
    portal: { type: 'string', default: LOCAL_MEMBER_ID },
    timeout: { type: 'string', default: '180' },
    lang: { type: 'string', default: 'ru' },
    pbx: { type: 'string' },
  },
});
if (positionals.length !== 2) {
  process.stderr.write(
    'Usage: npm run call -- <extension> <number> [--line <line>] [--portal <member_id>] [--timeout <seconds>]\n',
  );
  process.exit(2);
}
const [extension, number] = positionals as [string, string];
const config = getConfigOrExit();
const db = await openCliDatabase();
await runCliCommand({
  main: async () => {
    if (config.pbxes.length === 0)
      throw new AppError('CONFIG_INVALID', 'No PBX configured: set AMI_HOST/AMI_USER/AMI_SECRET (or AMI_PBXES)');
    const portal = await db.portal.findUnique({ where: { memberId: values.portal! } });
    if (!portal)
      throw new AppError('NOT_FOUND', `Portal "${values.portal}" not found: run \`npm run seed -- demo\` first`);
    const pbx = getPbxConnection(values.pbx);
    await pbx.manager.waitConnected(5000);
    const result = await placeOutgoingCall({
      db,
      portalId: portal.id,
      extension,
      number,
      requestedLine: values.line,
      origin: 'click_to_call',
      ami: new Map([[pbx.manager.name, pbx]]),
    });
    if (result.outcome === 'duplicate' || result.outcome === 'handedOff')
      throw new AppError('CONFLICT', `Call ${result.linkedId} was placed already`);
    if (result.outcome !== 'placed') throw new AppError('UNAVAILABLE', notPlacedMessage(result));
    const { decision, linkedId } = result;
    const { tracking } = pbx;
    const lang = pickLang(values.lang);
    process.stderr.write(
      `calling ${decision.number.e164} from ${extension} via ${decision.trunk?.name} ` +
        `(${decision.trunk?.dial}), linkedId ${linkedId}…\n`,
    );
    await tracking.waitForEnd(linkedId, Number(values.timeout) * 1000);
    await tracking.flushed();
    const call = await db.call.findUniqueOrThrow({
      where: { linkedId },
      include: { events: { orderBy: { id: 'asc' }, select: { at: true, kind: true, payload: true } } },
    });
    const { decision: _stored, ...record } = call;
    const reasons = decision.reasons.map((reason) => renderReason(reason, lang));
    const { trunk, via, onNet, carrier, fallbacks } = decision;
    const output = { decision: { trunk, via, onNet, carrier, fallbacks, reasons }, call: record };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  },
  cleanup: async () => {
    stopAmiManagers();
    await db.$disconnect();
  },
});

function notPlacedMessage(
  result: Exclude<OutgoingCallResult, { outcome: 'placed' | 'duplicate' | 'handedOff' }>,
): string {
  if (result.outcome === 'notPlaced') return result.message;
  const last = result.decision.reasons.at(-1);
  return `No line can take this call now${last ? `: ${renderReason(last, 'en')}` : ''}`;
}
