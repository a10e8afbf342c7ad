/**
 * Bitrix24 STATUS_CODE for telephony.externalCall.finish (reference bitrix24.md §1.4), from how the client leg ended.
 * DIALSTATUS is preferred when we saw it (the gateway's answer to our Dial); the Q.850 cause covers the rest —
 * for a manager-leg failure (busy 17, no answer 19) there is no trunk leg and only the cause is known.
 */
export type B24StatusCode = '200' | '304' | '403' | '404' | '480' | '484' | '486' | '503' | '603' | '603-S' | 'OTHER';

const byDialStatus: Record<string, B24StatusCode> = {
  ANSWER: '200',
  BUSY: '486',
  NOANSWER: '304',
  CANCEL: '603-S',
  CONGESTION: '503',
  CHANUNAVAIL: '503',
  DONTCALL: '603',
  TORTURE: '603',
  INVALIDARGS: '484',
};

const byCause: Record<number, B24StatusCode> = {
  1: '404', // unallocated number
  3: '484', // no route to destination
  17: '486', // user busy
  18: '480', // no user responding
  19: '304', // no answer
  20: '480', // subscriber absent
  21: '603', // call rejected
  22: '404', // number changed
  27: '503', // destination out of order
  28: '484', // invalid number format
  34: '503', // no circuit available
  38: '503', // network out of order
  41: '503', // temporary failure
  42: '503', // switching equipment congestion
};

export type HangupStatusOptions = { answered: boolean; dialStatus?: string | null; cause?: number | null };

export function hangupStatusCode({ answered, dialStatus, cause }: HangupStatusOptions): B24StatusCode {
  if (answered) return '200';
  const fromDial = dialStatus ? byDialStatus[dialStatus] : undefined;
  if (fromDial && fromDial !== '200') return fromDial;
  if (cause != null && byCause[cause]) return byCause[cause];
  // Normal clearing (16) or nothing (0) on a call nobody answered: the manager or the client gave up ringing.
  return '304';
}
