import type { CallChange, TrackedCall } from '../call-tracker-state';
import { decideCardMoves, type CardEvent, type CardLeg } from './decide-card-moves';

/** An incoming call's card follows its users' legs (decideCardMoves); outgoing calls have none to move. */
export function moveCard(call: TrackedCall, event: CardEvent): CallChange[] {
  if (call.direction !== 'inbound') return [];
  const moves = decideCardMoves({ ringing: call.ringing, holder: call.cardHolder, consulting: call.consulting }, event);
  call.ringing = moves.ringing;
  call.cardHolder = moves.holder;
  call.consulting = moves.consulting;
  const card = (action: 'show' | 'hide') => (item: CardLeg) => ({
    kind: 'card' as const,
    call,
    detail: { action, leg: item.leg, extension: item.extension },
  });
  return [...moves.hide.map(card('hide')), ...moves.show.map(card('show'))];
}
