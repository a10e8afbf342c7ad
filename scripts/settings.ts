/**
 * `npm run settings -- export [file] [--portal <member_id>]` / `npm run settings -- import <file> [--portal …]`
 * The portal's routing settings (lines with their `dial` templates, carrier groups, department profiles, default
 * line) as the JSON document the admin pages save: for backup and for moving a configuration between installs.
 * Import validates exactly as the pages do and replaces the whole document. Without --portal: the only portal.
 * Errors are one line on stderr, exit code 1.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { chooseCliPortal } from '../lib/cli/choose-cli-portal';
import { openCliDatabase } from '../lib/cli/open-cli-database';
import { runCliCommand } from '../lib/cli/run-cli-command';
import { getConfigOrExit } from '../lib/config/exit-on-bad-config';
import { AppError } from '../lib/errors/app-error';
import { importRoutingSettings } from '../lib/routing/settings/import-routing-settings';
import { loadRoutingSettings } from '../lib/routing/settings/load-routing-settings';

const usage = 'Usage: npm run settings -- export [file] | import <file>   [--portal <member_id>]';
let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({ allowPositionals: true, options: { portal: { type: 'string' } } });
}
try {
  parsed = parse();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${usage}\n`);
  process.exit(2);
}
const [command, file, ...extra] = parsed.positionals;
if (extra.length > 0 || (command !== 'export' && command !== 'import') || (command === 'import' && !file)) {
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}

getConfigOrExit();
const db = await openCliDatabase();
await runCliCommand({
  main: async () => {
    const portal = await chooseCliPortal({ db, memberId: parsed.values.portal });
    if (command === 'export') {
      const text = `${JSON.stringify(await loadRoutingSettings({ db, portalId: portal.id }), null, 2)}\n`;
      if (file) await writeFile(file, text).catch(fileError(file));
      else process.stdout.write(text);
      return;
    }
    const text = await readFile(file!, 'utf8').catch(fileError(file!));
    const saved = await importRoutingSettings({ db, portalId: portal.id, text });
    process.stderr.write(
      `Импортировано / Imported: ${saved.trunks.length} lines, ${saved.carrierGroups.length} carrier groups, ` +
        `${saved.profiles.length} profiles\n`,
    );
  },
  cleanup: () => db.$disconnect(),
});

/** A missing or unwritable file is the admin's to fix: one line, no stack. */
function fileError(path: string) {
  return (error: NodeJS.ErrnoException): never => {
    throw new AppError('INVALID_INPUT', `${path}: ${error.code ?? error.message}`);
  };
}
