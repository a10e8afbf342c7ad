import type { Db } from '../../db/client';

export type RecordingSettings = { recordingEnabled: boolean };
export type LoadRecordingSettingsOptions = { db: Db; portalId: number };

/** Whether the PBX records the portal's calls that go into the CRM (off until an admin turns it on). */
export async function loadRecordingSettings({
  db,
  portalId,
}: LoadRecordingSettingsOptions): Promise<RecordingSettings> {
  const row = await db.portalSettings.findUnique({ where: { portalId }, select: { recordingEnabled: true } });
  return { recordingEnabled: row?.recordingEnabled ?? false };
}
