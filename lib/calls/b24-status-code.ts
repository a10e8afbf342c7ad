/**
 * Bitrix24's STATUS_CODE for `telephony.externalCall.finish` (its documented list: see b24-status-code.test.ts), worked
 * out once per call by the tracker when the call ends; the journal, the `finish` and the call card all read that value.
 */
export const B24_STATUS_CODES = [
  '200',
  '304',
  '603',
  '603-S',
  '403',
  '404',
  '486',
  '484',
  '503',
  '480',
  '402',
  '423',
  'OTHER',
] as const;
export type B24StatusCode = (typeof B24_STATUS_CODES)[number];

/** A click-to-call that never reached the PBX (no line, no PBX connection, Originate refused): 503. */
export const NOT_PLACED_STATUS_CODE: B24StatusCode = '503';

export type B24StatusCodeOptions = {
  answered: boolean;
  direction: 'outbound' | 'inbound';
  /** Asterisk's DIALSTATUS of our Dial towards the client, when there was one. */
  dialStatus?: string | null;
  /** The Q.850 cause of the client leg (of the last leg when there was no client leg). */
  cause?: number | null;
};

/**
 * Causes that say more than DIALSTATUS (CONGESTION covers a wrong number and a full network alike). Our trunks are GSM
 * gateways, which pass the mobile network's cause on: 3GPP TS 24.008 #8 "operator determined barring" is how a carrier
 * refuses a SIM it has blocked, and #68 "ACM equal to or greater than ACMmax" a SIM whose credit is used up.
 */
const BY_CAUSE: Readonly<Record<number, B24StatusCode>> = {
  1: '404', // unallocated number
  2: '404', // no route to the transit network
  3: '484', // no route to destination
  8: '423', // operator determined barring (GSM)
  17: '486', // user busy
  18: '480', // no user responding
  19: '480', // no answer from user (alerted)
  20: '480', // subscriber absent
  21: '603', // call rejected
  22: '404', // number changed
  27: '503', // destination out of order
  28: '484', // invalid number format
  31: '480', // normal, unspecified
  34: '503', // no circuit available
  38: '503', // network out of order
  41: '503', // temporary failure
  42: '503', // switching equipment congestion
  44: '503', // requested channel not available
  47: '503', // resource unavailable
  50: '403', // requested facility not subscribed
  52: '423', // outgoing calls barred
  53: '423', // outgoing calls barred within the closed user group
  54: '423', // incoming calls barred
  55: '423', // incoming calls barred within the closed user group
  57: '403', // bearer capability not authorised
  58: '503', // bearer capability not presently available
  68: '402', // ACM equal to or greater than ACMmax (GSM): no credit left
  87: '403', // user not member of the closed user group
};

const BY_DIAL_STATUS: Readonly<Record<string, B24StatusCode>> = {
  BUSY: '486',
  NOANSWER: '480',
  CANCEL: '603-S',
  CONGESTION: '503',
  CHANUNAVAIL: '503',
  DONTCALL: '603',
  TORTURE: '603',
  INVALIDARGS: '484',
};

/** Normal clearing, or no cause at all: somebody hung up, nothing failed. */
const isNormalClearing = (cause: number | null | undefined) => cause == null || cause === 0 || cause === 16;

/**
 * Answered calls are 200 whatever the cause. An incoming call nobody answered is missed (304). An outgoing one takes
 * the most specific answer known: a cause the table knows, then the DIALSTATUS, then "cancelled" (603-S) when it was
 * cleared normally before anyone answered; a cause we cannot read is OTHER.
 */
export function b24StatusCode({ answered, direction, dialStatus, cause }: B24StatusCodeOptions): B24StatusCode {
  if (answered) return '200';
  if (direction === 'inbound') return '304';
  const byCause = cause == null ? undefined : BY_CAUSE[cause];
  if (byCause) return byCause;
  const byDialStatus = dialStatus ? BY_DIAL_STATUS[dialStatus] : undefined;
  if (byDialStatus) return byDialStatus;
  return isNormalClearing(cause) ? '603-S' : 'OTHER';
}
