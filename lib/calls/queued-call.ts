/** A click-to-call stored before Bitrix24 is answered, not placed yet; no PBX owns it until it is. */
export const QUEUED_STATUS = 'queued';

/** Until the call is placed its decision holds what closing Bitrix24's card needs; placing it overwrites this. */
export type QueuedCallRequest = { queuedFor: { b24UserId: number } };
