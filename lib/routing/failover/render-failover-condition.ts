import { FAILOVER_RULE } from './failover-rule';

const regex = (values: readonly (string | number)[], variable: string) =>
  `\${REGEX("^(${values.join('|')})$" \${${variable}})}`;

/**
 * The same rule in dialplan terms, over the variables the drop-in's [b24-dial-lines] sets after each Dial():
 * DIALSTATUS, B24_CAUSE (the line channel's Q.850 cause) and B24_SIP (its SIP response code, when any).
 * `stop` is tested first, as in classifyDialAttempt.
 */
export function renderFailoverCondition(): { stop: string; next: string } {
  const { stopDialStatuses, stopCauses, stopSipCodes, nextDialStatuses, nextCauses, nextSipCodes } = FAILOVER_RULE;
  return {
    stop: `$[${regex(stopDialStatuses, 'DIALSTATUS')} | ${regex(stopCauses, 'B24_CAUSE')} | ${regex(stopSipCodes, 'B24_SIP')}]`,
    next: `$[${regex(nextDialStatuses, 'DIALSTATUS')} | ${regex(nextCauses, 'B24_CAUSE')} | ${regex(nextSipCodes, 'B24_SIP')}]`,
  };
}
