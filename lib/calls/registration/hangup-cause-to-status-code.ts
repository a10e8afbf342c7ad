export type HangupCauseToStatusCodeOptions = { cause: number | null | undefined; answered: boolean; direction: 'outbound' | 'inbound' };

/**
 * Asterisk hangup cause (Q.850) → Bitrix24 `STATUS_CODE` (reference §1.4, the mapping asterlink uses): answered calls
 * are 200 whatever the cause; unanswered normal clearing is "missed" (304) for incoming, "cancelled" (603-S) for outgoing.
 */
export function hangupCauseToStatusCode({ cause, answered, direction }: HangupCauseToStatusCodeOptions): string {
  if (answered) return '200';
  switch (cause) {
    case 1:
      return '404';
    case 3:
    case 28:
      return '484';
    case 17:
      return '486';
    case 18:
    case 19:
      return '480';
    case 21:
      return '603';
    case 34:
    case 42:
      return '503';
    case 0:
      return '603-S';
    default:
      return direction === 'inbound' ? '304' : '603-S';
  }
}
