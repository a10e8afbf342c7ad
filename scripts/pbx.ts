/**
 * `npm run pbx -- check [--portal <member_id>]`: connects to each configured PBX and prints one line per check with
 * the fix in Russian and English; exit 0 only when every check passes.
 * `npm run pbx -- config freepbx|asterisk [--pbx <name>] [--portal <member_id>]`: prints the install kit generated
 * from the settings — on stdout only Asterisk configuration (explanations are `;` comments).
 * `npm run pbx -- recording-sender`: prints the post-recording command the kit's RECORDING_SENDER names
 * (lib/asterisk/kit/b24-send-recording.sh), for /usr/local/bin/b24-send-recording on the PBX.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkPbxes } from '../lib/asterisk/check/check-pbxes';
import { formatCheckLine } from '../lib/asterisk/check/format-check-line';
import type { KitFlavour } from '../lib/asterisk/kit/kit-input';
import { loadKitInput } from '../lib/asterisk/kit/load-kit-input';
import { renderInstallKit } from '../lib/asterisk/kit/render-install-kit';
import { findCliPortal } from '../lib/cli/find-cli-portal';
import { openCliDatabase } from '../lib/cli/open-cli-database';
import { runCliCommand } from '../lib/cli/run-cli-command';
import { getConfigOrExit } from '../lib/config/exit-on-bad-config';
import { AppError } from '../lib/errors/app-error';
import { LOCAL_MEMBER_ID } from '../lib/portals/ensure-local-portal';

const USAGE =
  'Usage: npm run pbx -- check [--portal <member_id>]\n' +
  '       npm run pbx -- config freepbx|asterisk [--pbx <name>] [--portal <member_id>]\n' +
  '       npm run pbx -- recording-sender > /usr/local/bin/b24-send-recording\n';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { portal: { type: 'string', default: LOCAL_MEMBER_ID }, pbx: { type: 'string' } },
});
const [command, flavour] = positionals;
if (command === 'recording-sender' && positionals.length === 1) {
  const sender = path.resolve(import.meta.dirname, '../lib/asterisk/kit/b24-send-recording.sh');
  process.stdout.write(await readFile(sender, 'utf8'));
  process.exit(0);
}
if (!(command === 'check' && positionals.length === 1) && !(command === 'config' && positionals.length === 2)) {
  process.stderr.write(USAGE);
  process.exit(2);
}
const config = getConfigOrExit();
const db = await openCliDatabase();
await runCliCommand({
  main: async () => {
    if (config.pbxes.length === 0)
      throw new AppError(
        'CONFIG_INVALID',
        'АТС не настроена: задайте AMI_HOST/AMI_USER/AMI_SECRET / No PBX configured: set AMI_HOST/AMI_USER/AMI_SECRET',
      );
    const portal = await findCliPortal({ db, memberId: values.portal! });
    const memberId = values.portal === LOCAL_MEMBER_ID ? '' : values.portal!;
    if (command === 'check') {
      const results = await checkPbxes({ db, portalId: portal.id, portal: memberId, config });
      for (const result of results) process.stdout.write(`${formatCheckLine({ result })}\n`);
      const failed = results.filter((result) => result.status !== 'pass').length;
      process.stderr.write(`${results.length - failed}/${results.length} checks passed\n`);
      if (failed > 0) process.exitCode = 1;
      return;
    }
    if (flavour !== 'freepbx' && flavour !== 'asterisk')
      throw new AppError(
        'INVALID_INPUT',
        `Вид АТС: freepbx или asterisk / PBX kind: freepbx or asterisk (got "${flavour}")`,
      );
    const pbx = values.pbx ? config.pbxes.find((item) => item.name === values.pbx) : config.pbxes[0];
    if (!pbx)
      throw new AppError('NOT_FOUND', `АТС «${values.pbx}» не настроена / PBX "${values.pbx}" is not configured`);
    const input = await loadKitInput({ db, portalId: portal.id, portal: memberId, config, pbx });
    process.stdout.write(renderInstallKit({ flavour: flavour as KitFlavour, input }).text);
  },
  cleanup: async () => {
    await db.$disconnect();
  },
});
