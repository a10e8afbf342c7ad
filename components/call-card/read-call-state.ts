/**
 * The state CallCard::CallStateChanged reports. The portal calls the handler with the state string alone
 * (`idle`, `connecting`, `connected`), then an object of additional params; anything else is not a state.
 */
export const CALL_STATES = ['idle', 'connecting', 'connected'] as const;

export function readCallState(payload: unknown): string | null {
  return typeof payload === 'string' && payload.trim() ? payload.trim() : null;
}
