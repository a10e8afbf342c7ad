import type { Db } from '../../db/client';

export type IncomingCallSettings = { crmCreate: boolean };
export type LoadIncomingCallSettingsOptions = { db: Db; portalId: number };

/** How incoming calls are registered: whether an unknown caller becomes a lead (CRM_CREATE; on until turned off). */
export async function loadIncomingCallSettings({
  db,
  portalId,
}: LoadIncomingCallSettingsOptions): Promise<IncomingCallSettings> {
  const row = await db.portalSettings.findUnique({ where: { portalId }, select: { incomingCrmCreate: true } });
  return { crmCreate: row?.incomingCrmCreate ?? true };
}
