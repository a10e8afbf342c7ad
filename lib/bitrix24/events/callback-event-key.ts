export type CallbackEventFields = {
  /** The event's `ts` (Unix seconds when Bitrix24 raised it): the same in every delivery of one event. */
  ts: string;
  phoneNumber: string;
  crmEntityType: string;
  crmEntityId: string;
  lineNumber: string;
};

/**
 * ONEXTERNALCALLBACKSTART has no CALL_ID, so a replayed delivery is recognised by what is the same in every copy of
 * one event and differs between two orders: when it was raised (`ts`), the number, the CRM entity and the line. The
 * handler id is left out — two handlers of one app get the same event. Without `ts` (not a Bitrix24 body), the
 * minute it arrived stands in, so a replay within that minute is still dropped.
 */
export function callbackEventKey(fields: CallbackEventFields, now = Date.now()): string {
  const ts = /^\d{1,12}$/.test(fields.ts) ? fields.ts : `minute-${Math.floor(now / 60_000)}`;
  return ['callback', ts, fields.phoneNumber, fields.crmEntityType, fields.crmEntityId, fields.lineNumber].join('\n');
}
