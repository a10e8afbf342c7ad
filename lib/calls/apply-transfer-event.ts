import { amiField as field, type AmiMessage } from '../asterisk/ami/ami-message';
import type { CallChange, CallTrackerState, TrackedCall } from './call-tracker-state';
import { moveCard } from './incoming/move-card';

/**
 * A BlindTransfer or AttendedTransfer of a tracked call (the reducer's part, applyAmiEvent): the `transfer` change
 * and, for an attended transfer that succeeded, the card and the responsible manager moved to the user it went to.
 * A blind transfer's new user is rung by a Dial, which moves the card when they answer.
 */
export function applyTransferEvent(state: CallTrackerState, event: AmiMessage): CallChange[] {
  const call = state.calls.get(field(event, 'TransfererLinkedid') ?? field(event, 'OrigTransfererLinkedid') ?? '');
  if (!call) return [];
  const result = field(event, 'Result') ?? null;
  // A real attended transfer merging two bridges names neither the target's channel nor its extension: the colleague
  // the answerer consulted is the one it went to.
  const consulted = result === 'Success' && field(event, 'Event') === 'AttendedTransfer' ? call.consulting : null;
  const to = field(event, 'Extension') || consulted?.extension || field(event, 'SecondTransfererExten') || null;
  const changes: CallChange[] = [{ kind: 'transfer', call, detail: { result, to } }];
  if (call.status === 'ended') return changes;
  const target = field(event, 'TransferTargetChannel') ?? '';
  const targetLeg = field(event, 'TransferTargetUniqueid');
  const extension = target && result === 'Success' ? state.match.extensionOf(target) : null;
  const taker = extension && targetLeg ? { leg: targetLeg, extension } : consulted;
  if (taker) {
    call.extension = taker.extension;
    changes.push(...moveCard(call, { kind: 'answer', leg: taker.leg, extension: taker.extension }));
  }
  return changes;
}

/**
 * Whether the user holding an incoming call's card (not `extension`) still has a leg of it up: a colleague answering
 * then is consulted for an attended transfer, not taking the call yet.
 */
export function holderOnLine(state: CallTrackerState, call: TrackedCall, extension: string): boolean {
  const holder = call.cardHolder?.extension;
  if (!holder || holder === extension) return false;
  for (const channel of state.channels.values())
    if (channel.linkedId === call.linkedId && !channel.isTrunk && state.match.extensionOf(channel.name) === holder)
      return true;
  return false;
}
