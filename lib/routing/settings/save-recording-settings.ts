import { createNamedForget } from '../../cache/create-named-forget';
import type { Db } from '../../db/client';
import type { RecordingSettings } from './load-recording-settings';

/** Told after a save: the recording decision keeps a copy of the switch (lib/calls/recording). */
export const forgetRecordingSettings: (portalId: number) => void = createNamedForget<number>(
  'recording-settings',
  () => undefined,
);

export type SaveRecordingSettingsOptions = { db: Db; portalId: number; settings: RecordingSettings };

/** The admin's recording switch, in the portal's settings row (this folder writes that row): the next call obeys it. */
export async function saveRecordingSettings({
  db,
  portalId,
  settings,
}: SaveRecordingSettingsOptions): Promise<RecordingSettings> {
  const { recordingEnabled } = settings;
  await db.portalSettings.upsert({
    where: { portalId },
    create: { portalId, recordingEnabled },
    update: { recordingEnabled },
  });
  forgetRecordingSettings(portalId);
  return { recordingEnabled };
}
