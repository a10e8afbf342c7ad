/**
 * `npm run numbering -- <command>` on the configured database (DATABASE_URL, like the app):
 *   import <file…> [--accept-row-errors] [--accept-shrink]   registry extracts (ABC/DEF) or MNP exports
 *                                                            (Port_All, Port_Increment): data every portal shares
 *   lookup <number…>                                         one JSON object per line, as the portal routes it
 *   stats                                                    files in force, carriers' shares, versions, ported set,
 *                                                            overrides
 *   download [url…]                                          fetch the registry from its publisher (or the mirrors)
 *   override set <number> <inn> [--note text] | override remove <number> | override list [--search digits]
 * lookup, stats and override act on one portal: --portal <member_id> (default: the local portal). Learned overrides
 * are every portal's: listed, not edited.
 * Progress goes to stderr, results to stdout; exit code 1 when an import was refused or a command failed.
 */
import { parseArgs } from 'node:util';
import { openCliDatabase } from '../lib/cli/open-cli-database';
import { getConfigOrExit } from '../lib/config/exit-on-bad-config';
import { findCliPortal } from '../lib/cli/find-cli-portal';
import { runCliCommand } from '../lib/cli/run-cli-command';
import { lookupCarrier } from '../lib/numbering/carrier';
import {
  downloadRegistryFile,
  getNumberingData,
  importNumberingFile,
  listNumberOverrides,
  loadPortalOverrides,
  officialRegistryUrls,
  openFileChunks,
  summarizeNumbering,
} from '../lib/numbering/store';
import { LOCAL_MEMBER_ID } from '../lib/portals/ensure-local-portal';
import { removeNumberOverride } from '../lib/routing/settings/remove-number-override';
import { setNumberOverride } from '../lib/routing/settings/set-number-override';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'accept-row-errors': { type: 'boolean', default: false },
    'accept-shrink': { type: 'boolean', default: false },
    note: { type: 'string', default: '' },
    search: { type: 'string', default: '' },
    portal: { type: 'string', default: LOCAL_MEMBER_ID },
  },
});
const [command, ...args] = positionals;
const usage =
  'Usage: npm run numbering -- import <file…> | lookup <number…> | stats | download [url…] | ' +
  'override set <number> <inn> | override remove <number> | override list   [--portal <member_id>]';
const out = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value)}\n`);

getConfigOrExit();
const db = await openCliDatabase();
await runCliCommand({
  main: async () => {
    switch (command) {
      case 'import': {
        if (args.length === 0) return fail(usage);
        for (const file of args) {
          const opened = await openFileChunks(file, Number.MAX_SAFE_INTEGER);
          let shown = -1;
          const result = await importNumberingFile({
            ...opened,
            // The operator at the console may import the national Port_All (~1 GB): the upload limit is for the web.
            maxBytes: Number.MAX_SAFE_INTEGER,
            source: 'file',
            db,
            acceptRowErrors: values['accept-row-errors'],
            acceptShrink: values['accept-shrink'],
            // A progress line redrawn in place on a terminal; in a log, only the outcome below.
            onProgress: ({ phase, bytesRead, totalBytes, rows }) => {
              const percent = totalBytes ? Math.floor((bytesRead / totalBytes) * 100) : 0;
              if (!process.stderr.isTTY || (percent === shown && phase === 'reading')) return;
              shown = percent;
              process.stderr.write(`\r${opened.fileName}: ${phase} ${percent}% (${rows} rows)   `);
            },
          });
          if (process.stderr.isTTY) process.stderr.write('\n');
          out(result);
          if (result.outcome === 'rejected') {
            process.stderr.write(`${opened.fileName}: not imported — ${result.reason}\n`);
            process.exitCode = 1;
          }
        }
        return;
      }
      case 'lookup': {
        if (args.length === 0) return fail(usage);
        const { id: portalId } = await findCliPortal({ db, memberId: values.portal });
        const [data, portalOverrides] = await Promise.all([
          getNumberingData({ db }),
          loadPortalOverrides({ db, portalId }),
        ]);
        for (const number of args) out(lookupCarrier(number, { ...data, portalOverrides }));
        return;
      }
      case 'stats': {
        const { id: portalId } = await findCliPortal({ db, memberId: values.portal });
        return out(await summarizeNumbering({ db, portalId }));
      }
      case 'download':
        for (const url of args.length > 0 ? args : officialRegistryUrls) out(await downloadRegistryFile({ url, db }));
        return;
      case 'override': {
        const [action, number, inn] = args;
        if (!(action === 'set' && number && inn) && !(action === 'remove' && number) && action !== 'list')
          return fail(usage);
        const { id: portalId } = await findCliPortal({ db, memberId: values.portal });
        if (action === 'set')
          return out(await setNumberOverride({ db, portalId, number: number!, inn: inn!, note: values.note }));
        if (action === 'remove') return out(await removeNumberOverride({ db, portalId, number: number! }));
        return out(await listNumberOverrides({ db, portalId, search: values.search }));
      }
      default:
        return fail(usage);
    }
  },
  cleanup: () => db.$disconnect(),
});

function fail(message: string): undefined {
  process.stderr.write(`${message}\n`);
  process.exitCode = 2;
}
