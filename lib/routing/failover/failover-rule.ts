/**
 * The one list of "the gateway could not carry the call" versus "the client was reached". The classifier below and
 * the dialplan's condition (renderFailoverCondition, checked against the drop-in and the FreePBX kit) are both built
 * from it, so the app's wording and the PBX's retry can never disagree.
 */
export const FAILOVER_RULE = {
  /** Dial() results that mean the client (or the caller) was reached or gave up: never another line. */
  stopDialStatuses: ['ANSWER', 'BUSY', 'NOANSWER', 'CANCEL', 'DONTCALL', 'TORTURE'],
  /** Q.850 causes from the client's side: busy, no user responding, no answer. */
  stopCauses: [17, 18, 19],
  /** SIP answers from the client's side: busy here, busy everywhere, declined. */
  stopSipCodes: [486, 600, 603],
  /** Dial() results where the line itself failed. */
  nextDialStatuses: ['CHANUNAVAIL', 'CONGESTION'],
  /** Q.850 causes of a gateway that could not carry the call (congestion, network out of order, temporary failure…). */
  nextCauses: [34, 38, 41, 42, 44, 58],
  /** SIP answers of a gateway with no free channel, a broken upstream, or no answer at all. */
  nextSipCodes: [502, 503, 408],
} as const;
