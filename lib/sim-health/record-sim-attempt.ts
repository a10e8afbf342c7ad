import { enqueueRestCall } from '../bitrix24/outbox/enqueue-rest-call';
import type { Db } from '../db/client';
import { takeNamedWriteLock } from '../db/take-write-lock';
import { pickLang } from '../i18n/lang';
import { forgetRoutingContext } from '../routing/settings/get-routing-context';
import { DEFAULT_SIM_HEALTH } from '../routing/sim-health-defaults';
import { nextSimRuns, type SimBlock } from './assess-sim-health';
import { classifySimAttempt } from './classify-sim-attempt';
import { simOutMessage } from './sim-out-message';

export type RecordSimAttemptOptions = {
  db: Db;
  portalId: number;
  trunkId: number;
  sim: number;
  /** The ended call's Bitrix24 STATUS_CODE and talk time. */
  statusCode: string;
  talkSec: number;
  now?: number;
};

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * One ended call's verdict on the SIM that dialled it (lines with a template per SIM only: elsewhere the gateway
 * picked the port and the slot is not a real SIM). When a run reaches its threshold the SIM goes out of rotation and
 * every admin of the portal is notified through the outbox, in the same transaction: a crash loses neither, and the
 * dedupe key sends each notification once. Returns the block when this attempt took the SIM out.
 */
export async function recordSimAttempt(options: RecordSimAttemptOptions): Promise<SimBlock | null> {
  const { db, portalId, trunkId, sim, statusCode, talkSec, now = Date.now() } = options;
  const trunk = await db.trunk.findUnique({ where: { id: trunkId }, select: { name: true, simDials: true } });
  if (!trunk || !Array.isArray(trunk.simDials) || typeof trunk.simDials[sim] !== 'string') return null;
  const block = await db.$transaction(async (tx) => {
    await takeNamedWriteLock(tx, db, `sim-health:${trunkId}:${sim}`);
    const [row, settings] = await Promise.all([
      tx.simHealth.findUnique({ where: { trunkId_simIndex: { trunkId, simIndex: sim } } }),
      tx.portalSettings.findUnique({ where: { portalId } }),
    ]);
    const thresholds = settings
      ? {
          failuresInRow: settings.simFailuresInRow,
          shortCallsInRow: settings.simShortCallsInRow,
          shortCallSeconds: settings.simShortCallSeconds,
        }
      : DEFAULT_SIM_HEALTH;
    const attempt = classifySimAttempt({ statusCode, talkSec, shortCallSeconds: thresholds.shortCallSeconds });
    if (attempt === 'neutral') return null;
    const verdict = nextSimRuns(row ?? { failuresInRow: 0, shortCallsInRow: 0 }, attempt, thresholds);
    const takeOut = verdict.block !== null && !row?.disabledAt;
    const disabled = takeOut
      ? { disabledAt: new Date(now), disabledReason: verdict.block!.reason, disabledRun: verdict.block!.run }
      : {};
    await tx.simHealth.upsert({
      where: { trunkId_simIndex: { trunkId, simIndex: sim } },
      create: { portalId, trunkId, simIndex: sim, ...verdict.runs, ...disabled },
      update: { ...verdict.runs, ...disabled },
    });
    if (!takeOut) return null;
    await notifyAdmins(tx, { portalId, trunkId, sim, line: trunk.name, block: verdict.block!, now });
    return verdict.block;
  });
  if (block) forgetRoutingContext(portalId);
  return block;
}

type NotifyOptions = { portalId: number; trunkId: number; sim: number; line: string; block: SimBlock; now: number };

async function notifyAdmins(tx: Tx, { portalId, trunkId, sim, line, block, now }: NotifyOptions): Promise<void> {
  const [portal, admins] = await Promise.all([
    tx.portal.findUniqueOrThrow({ where: { id: portalId }, select: { lang: true } }),
    tx.user.findMany({ where: { portalId, isAdmin: true, active: true }, select: { b24UserId: true } }),
  ]);
  const message = simOutMessage({ lang: pickLang(portal.lang), line, sim, block });
  for (const admin of admins)
    await enqueueRestCall({
      // The transaction's client: the notification is stored with the SIM's state or not at all.
      db: tx as unknown as Db,
      portalId,
      method: 'im.notify.system.add',
      // TAG: a repeat of this message replaces it in the portal instead of adding a second one.
      params: { USER_ID: admin.b24UserId, MESSAGE: message, TAG: `b24cc-sim-out-${trunkId}-${sim}` },
      dedupeKey: `sim-out:${trunkId}:${sim}:${now}:${admin.b24UserId}`,
    });
}
