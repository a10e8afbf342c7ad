/**
 * `npm run numbering -- <command>` on the configured database (DATABASE_URL, like the app):
 *   import <file…> [--accept-row-errors] [--accept-shrink]
 *                     registry extracts (ABC/DEF) or MNP exports (Port_All, Port_Increment)
 *   lookup <number…>  one JSON object per line
 *   stats             files in force, carriers' shares, versions, ported set, overrides
 *   download [url…]   fetch the registry from its publisher (or the given mirrors)
 *   override set <number> <inn> [--note text] | override remove <number> | override list [--search digits]
 * Progress goes to stderr, results to stdout; exit code 1 when an import was refused or a command failed.
 */
import { parseArgs } from 'node:util';
import { openCliDatabase } from '../lib/cli/open-cli-database';
import { getConfigOrExit } from '../lib/config/exit-on-bad-config';
import { runCliCommand } from '../lib/cli/run-cli-command';
import { lookupCarrier } from '../lib/numbering/carrier';
import {
  downloadRegistryFile,
  getNumberingData,
  importNumberingFile,
  listNumberOverrides,
  officialRegistryUrls,
  openFileChunks,
  removeNumberOverride,
  setNumberOverride,
  summarizeNumbering,
} from '../lib/numbering/store';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'accept-row-errors': { type: 'boolean', default: false },
    'accept-shrink': { type: 'boolean', default: false },
    note: { type: 'string', default: '' },
    search: { type: 'string', default: '' },
  },
});
const [command, ...args] = positionals;
const usage =
  'Usage: npm run numbering -- import <file…> | lookup <number…> | stats | download [url…] | override set ' +
  '<number> <inn> | override remove <number> | override list';
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
        const data = await getNumberingData({ db });
        for (const number of args) out(lookupCarrier(number, data));
        return;
      }
      case 'stats':
        return out(await summarizeNumbering({ db }));
      case 'download':
        for (const url of args.length > 0 ? args : officialRegistryUrls) out(await downloadRegistryFile({ url, db }));
        return;
      case 'override': {
        const [action, number, inn] = args;
        if (action === 'set' && number && inn)
          return out(await setNumberOverride({ db, number, inn, note: values.note }));
        if (action === 'remove' && number) return out(await removeNumberOverride({ db, number }));
        if (action === 'list') return out(await listNumberOverrides({ db, search: values.search }));
        return fail(usage);
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
