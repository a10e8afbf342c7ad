/** A click-to-call stored before Bitrix24 is answered, not placed yet; no PBX owns it until it is. */
export const QUEUED_STATUS = 'queued';

/**
 * Until the call is placed its decision holds what closing Bitrix24's card needs, and, once handed to the instance
 * that owns the PBX (pbxName set), what placing it needs; placing it overwrites this.
 */
export type QueuedCallRequest = {
  queuedFor: {
    b24UserId: number;
    requestedLine?: string | null;
    origin?: 'click_to_call' | 'callback';
    /**
     * A CRM-form callback (no CALL_ID): its event's key, which is its journal key, and what to tell the manager; once
     * deferred for want of a free line (deferCallback), until when it is tried and when next (epoch ms).
     */
    callback?: {
      eventKey: string;
      managerText: string | null;
      managerVoice: string | null;
      retryUntil?: number;
      nextTryAt?: number;
    };
  };
};
