import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The product's desk-phone drop-in as shipped; the app and its CLIs run from the installation's root folder. */
export function readDeskPhoneDropIn(): Promise<string> {
  return readFile(path.resolve(process.cwd(), 'lib/asterisk/dialplan/desk-phone-routing.conf'), 'utf8');
}
