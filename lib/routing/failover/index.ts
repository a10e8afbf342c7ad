export { classifyDialAttempt, type DialAttemptVerdict, type DialAttemptWhy } from './classify-dial-attempt';
export { FAILOVER_RULE } from './failover-rule';
export { renderFailoverCondition } from './render-failover-condition';
