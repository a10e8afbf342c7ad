import type { Db } from '../db/client';
import { priceBaseline } from '../savings/price-baseline';
import { priceCall } from '../savings/price-call';
import { getRoutingContext } from '../routing/settings/get-routing-context';
import { runUrgent } from '../scheduling/urgent-work';
import { finishCallInBitrix24 } from './registration/finish-call-in-bitrix24';
import { registerCallInBitrix24, registerKey } from './registration/register-call-in-bitrix24';
import { b24StatusCode } from './b24-status-code';
import type { CallTracking } from './call-tracking';
import type { CallChange } from './call-tracker-state';
import { getConfig } from '../config/load-config';
import { log } from '../log/log';
import { expectRecording } from './recording/expect-recording';
import { FOLLOWED_UP_EVENT } from './find-lost-follow-ups';
import { assignMissedCall } from './incoming/assign-missed-call';
import { showIncomingCard } from './incoming/show-incoming-card';

export type FollowCallChangesOptions = { tracking: CallTracking; db: Db };

/**
 * What happens around a tracked call once it is in the journal: desk-phone and incoming calls are registered in
 * Bitrix24 when their number is known (click-to-call ones were registered by Bitrix24 itself); every ended call gets
 * its cost and baseline cost (lib/savings) and is finished in Bitrix24 with duration, status and cost; its recording
 * follows when the PBX uploads it (lib/calls/recording).
 * Bitrix24 writes go through the durable outbox; the local (embedded) portal has no Bitrix24 and gets only the prices.
 */
export function followCallChanges({ tracking, db }: FollowCallChangesOptions): void {
  const registering = new Set<string>();
  // One call's follow-ups run in order (register → show → hide → finish); different calls run side by side.
  const chains = new Map<string, Promise<void>>();
  const follow = (change: CallChange, run: () => Promise<void>) => {
    const { linkedId } = change.call;
    const next = (chains.get(linkedId) ?? Promise.resolve())
      .then(run)
      .catch((error: unknown) => log.error('calls: follow-up failed', { linkedId, error }))
      .finally(() => {
        if (change.kind === 'ended') registering.delete(linkedId);
        if (chains.get(linkedId) === next) chains.delete(linkedId);
      });
    chains.set(linkedId, next);
  };
  // An incoming call's card moves as the phones ring, ahead of the journal (CallTracking emits 'card' at once).
  tracking.on('card', (change: CallChange) => follow(change, () => runUrgent(() => followCard(db, tracking, change))));
  tracking.on('change', (change: CallChange) => {
    const { call } = change;
    // Bitrix24 registered a click-to-call itself (its CALL_ID is on the call); an incoming call registers when it
    // rings a user (its card); every other call is registered here once its number is known.
    const wantsRegistration =
      call.origin !== 'incoming' && call.b24CallId === null && call.number !== null && !registering.has(call.linkedId);
    if (!wantsRegistration && change.kind !== 'ended') return;
    if (wantsRegistration) registering.add(call.linkedId);
    follow(change, () => handle(db, change, wantsRegistration));
  });
}

async function followCard(db: Db, tracking: CallTracking, { call, detail }: CallChange): Promise<void> {
  if (!detail) return;
  const { portalId, lineNumber } = await tracking.cardContext(call);
  await showIncomingCard({
    db,
    portalId,
    linkedId: call.linkedId,
    action: detail.action === 'hide' ? 'hide' : 'show',
    leg: String(detail.leg),
    extension: String(detail.extension),
    number: call.number,
    lineNumber,
    startedAt: new Date(call.startedAt),
  });
}

async function handle(db: Db, { kind, call }: CallChange, register: boolean): Promise<void> {
  const row = await db.call.findUnique({
    where: { linkedId: call.linkedId },
    select: {
      id: true,
      portalId: true,
      trunkId: true,
      decision: true,
      carrierInn: true,
      portal: { select: { status: true } },
      user: { select: { b24UserId: true } },
    },
  });
  if (!row) return;
  const bitrix24 = row.portal.status === 'active';
  const lineNumber = async () =>
    row.trunkId
      ? ((await db.trunk.findUnique({ where: { id: row.trunkId }, select: { lineNumber: true } }))?.lineNumber ?? null)
      : null;
  if (bitrix24 && register) {
    await registerCallInBitrix24({
      db,
      portalId: row.portalId,
      linkedId: call.linkedId,
      direction: call.direction,
      number: call.number!,
      extension: call.extension,
      lineNumber: await lineNumber(),
      callback: call.origin === 'callback',
      startedAt: new Date(call.startedAt),
    });
  }
  if (kind !== 'ended') return;
  const { costKopecks, baselineCostKopecks } = await priceEndedCall(
    db,
    row.portalId,
    row.trunkId,
    row.decision,
    row.carrierInn,
    call.talkSec ?? 0,
  );
  await db.call.update({ where: { linkedId: call.linkedId }, data: { costKopecks, baselineCostKopecks } });
  // The card registered the call while the journal may not have had its row yet: the flag follows the outbox.
  if (
    call.origin === 'incoming' &&
    (await db.outboxMessage.count({ where: { dedupeKey: registerKey(call.linkedId) } }))
  )
    await db.call.updateMany({
      where: { linkedId: call.linkedId, registered: { not: true } },
      data: { registered: true },
    });
  // Nobody answered an incoming call: finished as missed for the client's manager, who gets the call-back task.
  const missedBy =
    bitrix24 && call.origin === 'incoming' && call.answeredAt === null
      ? await assignMissedCall({
          db,
          portalId: row.portalId,
          linkedId: call.linkedId,
          number: call.number,
          lineNumber: await lineNumber(),
          startedAt: new Date(call.startedAt),
        })
      : null;
  if (bitrix24)
    await finishCallInBitrix24({
      db,
      portalId: row.portalId,
      linkedId: call.linkedId,
      b24UserId: missedBy ?? row.user?.b24UserId ?? null,
      extension: call.extension,
      durationSec: call.talkSec ?? 0,
      statusCode:
        call.b24StatusCode ??
        b24StatusCode({ answered: call.answeredAt !== null, direction: call.direction, cause: call.hangupCause }),
      costKopecks,
    });
  // The end is followed up: findLostFollowUps leaves this call alone from now on.
  await db.callEvent.create({ data: { callId: row.id, kind: FOLLOWED_UP_EVENT } });
  // Recorded (MixMonitor started): the PBX uploads the file once it is closed (receiveCallRecording), never read here.
  if (call.recordingPath) expectRecording({ db, callId: row.id, linkedId: call.linkedId, waitMs: recordingWaitMs() });
}

/** Cost by the trunk's tariff (on-net when the decision said so), and the same call through the default trunk. */
async function priceEndedCall(
  db: Db,
  portalId: number,
  trunkId: number | null,
  decision: unknown,
  carrierInn: string | null,
  talkSec: number,
) {
  const { settings } = (await getRoutingContext({ db, portalId })).compiled;
  const trunk = settings.trunks.find((t) => t.id === String(trunkId));
  const clientGroup = carrierInn ? settings.carrierGroups.find((g) => g.inns.includes(carrierInn)) : undefined;
  const onNet =
    (decision as { onNet?: boolean } | null)?.onNet ?? (!!trunk && trunk.carrierGroupId === clientGroup?.id);
  return {
    costKopecks: trunk ? priceCall({ talkSec, onNet, tariff: trunk.tariff }) : null,
    baselineCostKopecks: priceBaseline({ talkSec, clientGroupId: clientGroup?.id, settings }),
  };
}

function recordingWaitMs(): number {
  return getConfig().RECORDING_WAIT_MINUTES * 60_000;
}
