import type { RecordedCall } from '../../../e2e/bitrix24-emulator/types';

export type CardMove = { action: 'show' | 'hide'; user: string };

/**
 * An incoming call's card as Bitrix24 accepted its moves, in order: a register with SHOW=1 shows it to the register's
 * USER_ID (telephony-external-call-register.md), then each `show` and `hide` for the call's CALL_ID.
 */
export function cardMoves(calls: readonly RecordedCall[], callId: string): CardMove[] {
  const moves: CardMove[] = [];
  for (const call of calls) {
    if (call.status !== 200) continue;
    const method = call.method.toLowerCase();
    const user = String(call.params.USER_ID);
    if (method === 'telephony.externalcall.register') {
      const registered = (call.response as { result?: { CALL_ID?: string } } | undefined)?.result?.CALL_ID;
      if (registered === callId && String(call.params.SHOW ?? '1') !== '0') moves.push({ action: 'show', user });
    } else if (call.params.CALL_ID === callId && method === 'telephony.externalcall.show')
      moves.push({ action: 'show', user });
    else if (call.params.CALL_ID === callId && method === 'telephony.externalcall.hide')
      moves.push({ action: 'hide', user });
  }
  return moves;
}

/** The users shown (or hidden) the card, in order. */
export const cardUsers = (calls: readonly RecordedCall[], callId: string, action: CardMove['action']) =>
  cardMoves(calls, callId)
    .filter((move) => move.action === action)
    .map((move) => move.user);
