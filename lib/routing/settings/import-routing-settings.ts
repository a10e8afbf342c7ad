import type { Db } from '../../db/client';
import { AppError } from '../../errors/app-error';
import type { RoutingSettings } from '../types';
import { saveRoutingSettings } from './save-routing-settings';

export type ImportRoutingSettingsOptions = { db: Db; portalId: number; text: string };

/**
 * A settings file (what `settings export` wrote, or the admin pages' document) stored as the pages store it: the
 * same validation, the same transaction. Ids of this install's rows keep them (a restore keeps SIM usage); other ids
 * create rows. A file that is not JSON is one line naming where it broke.
 */
export async function importRoutingSettings({
  db,
  portalId,
  text,
}: ImportRoutingSettingsOptions): Promise<RoutingSettings> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    throw new AppError('INVALID_INPUT', `Файл — не JSON (${reason}) / The file is not JSON (${reason})`);
  }
  return saveRoutingSettings({ db, portalId, settings: document });
}
