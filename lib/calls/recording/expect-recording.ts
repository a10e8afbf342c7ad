import type { Db } from '../../db/client';
import { log } from '../../log/log';
import { RECORDING_RECEIVED_EVENT } from './receive-call-recording';

/** The journal event of a recorded call whose file never reached the app within the wait. */
export const RECORDING_MISSING_EVENT = 'recording_missing';

export type ExpectRecordingOptions = { db: Db; callId: number; linkedId: string; waitMs: number };

/**
 * A recorded call has ended: its file should come from the PBX soon. Nothing waits for it (the call is finished in
 * Bitrix24 at once; attachRecord may follow later); if it has not come within waitMs, the journal says so once.
 * The timer lives in this process: an instance stopped meanwhile leaves no "missing" line, never a wrong one.
 */
export function expectRecording({ db, callId, linkedId, waitMs }: ExpectRecordingOptions): void {
  // A recovered follow-up may hear the same end twice: one wait per call.
  if (waiting.has(linkedId)) return;
  waiting.add(linkedId);
  setTimeout(() => {
    void noteIfMissing(db, callId, linkedId, waitMs)
      .catch((error: unknown) => log.error('calls: recording check failed', { linkedId, error }))
      .finally(() => waiting.delete(linkedId));
  }, waitMs).unref();
}

const waiting = new Set<string>();

async function noteIfMissing(db: Db, callId: number, linkedId: string, waitMs: number): Promise<void> {
  const seen = await db.callEvent.findFirst({
    where: { callId, kind: { in: [RECORDING_RECEIVED_EVENT, RECORDING_MISSING_EVENT] } },
    select: { id: true },
  });
  if (seen) return;
  await db.callEvent.create({
    data: { callId, kind: RECORDING_MISSING_EVENT, payload: { waitedSec: Math.round(waitMs / 1000) } },
  });
  log.warn('calls: recording missing', { linkedId, waitedSec: Math.round(waitMs / 1000) });
}
