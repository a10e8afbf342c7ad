import type { Db } from '../../db/client';
import type { IncomingCallSettings } from './load-incoming-call-settings';
import { createNamedForget } from '../../cache/create-named-forget';

/** Told after a save: readers that keep a copy (a card's facts) listen for it. */
export const forgetIncomingCallSettings: (portalId: number) => void = createNamedForget<number>(
  'incoming-call-settings',
  () => undefined,
);

export type SaveIncomingCallSettingsOptions = { db: Db; portalId: number; settings: IncomingCallSettings };

/**
 * The admin's choice for incoming calls, beside the routing settings in the portal's settings row (this folder writes
 * that row): the next incoming call's `register` carries it.
 */
export async function saveIncomingCallSettings({
  db,
  portalId,
  settings,
}: SaveIncomingCallSettingsOptions): Promise<IncomingCallSettings> {
  const incomingCrmCreate = settings.crmCreate;
  await db.portalSettings.upsert({
    where: { portalId },
    create: { portalId, incomingCrmCreate },
    update: { incomingCrmCreate },
  });
  forgetIncomingCallSettings(portalId);
  return { crmCreate: incomingCrmCreate };
}
