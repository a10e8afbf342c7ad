import { getDb, type Db } from '../../db/client';
import { AppError } from '../../errors/app-error';
import { syncExternalLines } from '../lines/sync-external-lines';
import { runOutboxOnce } from '../outbox/run-outbox-once';
import { bindPortalHandlers } from './bind-portal-handlers';

/** Bitrix24 allows about 2 requests a second per portal: a pause this long loses nothing. */
const ROUND_PAUSE_MS = 100;

export type SetUpPortalOptions = { portalId: number; publicUrl?: string; db?: Db; timeoutMs?: number };

/**
 * The installer's one-time setup, before installFinish: event binds, placements, then the external lines (after the
 * binds), all through the outbox; waits until they are sent so the installer can report success truthfully.
 */
export async function setUpPortal({
  portalId,
  publicUrl,
  db = getDb(),
  timeoutMs = 20_000,
}: SetUpPortalOptions): Promise<{ messages: number }> {
  const plan = await bindPortalHandlers({ portalId, publicUrl, db });
  const lines = await syncExternalLines({ portalId, after: plan.eventKeys, db });
  const ids = [...plan.messageIds, ...lines.map((line) => line.messageId)];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await db.outboxMessage.findMany({
      where: { id: { in: ids }, status: { not: 'done' } },
      select: { status: true, dedupeKey: true, lastError: true },
    });
    const failed = open.find((row) => row.status === 'failed');
    if (failed) throw new AppError('UNAVAILABLE', `Bitrix24 refused ${failed.dedupeKey}: ${failed.lastError ?? ''}`);
    if (open.length === 0) return { messages: ids.length };
    if (Date.now() > deadline)
      throw new AppError('UNAVAILABLE', 'Bitrix24 did not confirm the setup in time — open the app again to retry');
    // The background worker sends them too; a round here only makes the installer independent of it. A round that
    // sent nothing (the portal's rate limit, or a message waiting for another) pauses before the next, rather than
    // spin on the database while the events the portal sends meanwhile wait for it.
    const round = await runOutboxOnce({ db });
    if (round.claimed === 0) await new Promise((resolve) => setTimeout(resolve, ROUND_PAUSE_MS));
  }
}
