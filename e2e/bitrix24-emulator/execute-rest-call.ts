/**
 * One REST request through the emulated cloud: injected failures, auth, rate limit, scope, the method itself,
 * the `{result, time}` envelope — and a record of it in `state.calls` for assertions.
 */
import type { EmulatorState } from './emulator-state';
import { findPortal, findUser } from './emulator-state';
import type { MethodContext, MethodResult, MethodTable } from './method-context';
import { RestError, restErrors } from './rest-error';
import { refuseBySpec } from './spec/refuse-by-spec';
import { bindingMethods } from './methods/binding-methods';
import { callMethods } from './methods/call-methods';
import { lineMethods } from './methods/line-methods';
import { notifyMethods } from './methods/notify-methods';
import { voximplantLineMethods } from './methods/voximplant-line-methods';
import { runBatch } from './methods/batch-method';
import { statisticMethods } from './methods/statistic-methods';
import { userMethods } from './methods/user-methods';
import type { InjectedFailure, TokenRecord } from './types';

/** Method names are case-insensitive in Bitrix24 (`telephony.externalCall.register` = `…externalcall…`). */
const ALL_METHODS = {
  ...userMethods,
  ...bindingMethods,
  ...lineMethods,
  ...voximplantLineMethods,
  ...callMethods,
  ...statisticMethods,
  ...notifyMethods,
};
const METHODS: MethodTable = Object.fromEntries(
  Object.entries(ALL_METHODS).map(([name, entry]) => [name.toLowerCase(), entry]),
);

export type RestOutcome =
  | { kind: 'response'; status: number; body: Record<string, unknown> }
  | { kind: 'network-drop' };

function timeBlock(startedAt: number): Record<string, unknown> {
  const finishedAt = Date.now();
  const seconds = (ms: number) => ms / 1000;
  return {
    start: seconds(startedAt),
    finish: seconds(finishedAt),
    duration: seconds(finishedAt - startedAt),
    processing: seconds(finishedAt - startedAt),
    date_start: new Date(startedAt).toISOString(),
    date_finish: new Date(finishedAt).toISOString(),
    operating_reset_at: Math.floor(finishedAt / 1000) + 600,
    operating: 0,
  };
}

function failureError(failure: InjectedFailure): RestError {
  switch (failure) {
    case 'expired_token':
      return restErrors.expiredToken();
    case 'QUERY_LIMIT_EXCEEDED':
      return restErrors.queryLimit();
    case 'OPERATION_TIME_LIMIT':
      return restErrors.operationLimit();
    default:
      return restErrors.internal();
  }
}

/** Planned failures first (`failNext`), then the random failure rate. */
export function takeInjectedFailure(state: EmulatorState, method: string): InjectedFailure | undefined {
  const planned = state.plannedFailures.find(
    (item) => item.remaining > 0 && (item.method === '*' || item.method.toLowerCase() === method.toLowerCase()),
  );
  if (planned) {
    planned.remaining -= 1;
    state.plannedFailures = state.plannedFailures.filter((item) => item.remaining > 0);
    return planned.error;
  }
  const { rate, errors, random } = state.failureRate;
  if (rate > 0 && errors.length > 0 && random() < rate) return errors[Math.floor(random() * errors.length)];
  return undefined;
}

function authenticate(state: EmulatorState, auth: string | undefined): TokenRecord {
  if (!auth) throw restErrors.noAuth();
  const token = state.tokens.get(auth);
  if (!token) throw restErrors.invalidToken();
  if (token.expiresAt <= Date.now()) throw restErrors.expiredToken();
  return token;
}

/** Leaky bucket per portal, only when the test enabled it. */
function checkRateLimit(state: EmulatorState, memberId: string): void {
  const limit = state.rateLimit;
  if (!limit) return;
  const now = Date.now();
  const bucket = limit.buckets.get(memberId) ?? { level: 0, at: now };
  bucket.level = Math.max(0, bucket.level - ((now - bucket.at) / 1000) * limit.drainPerSecond);
  bucket.at = now;
  limit.buckets.set(memberId, bucket);
  if (bucket.level + 1 > limit.burst) throw restErrors.queryLimit();
  bucket.level += 1;
}

function runMethod(context: MethodContext, method: string): MethodResult {
  const name = method.replace(/\.json$/i, '').toLowerCase();
  if (name === 'batch') {
    return runBatch(context, (subMethod, subParams) => {
      const startedAt = Date.now();
      try {
        const injected = takeInjectedFailure(context.state, subMethod);
        if (injected) throw failureError(injected);
        const value = runMethod({ ...context, params: subParams }, subMethod);
        recordCall(context, subMethod, subParams, 200, value, true);
        return { ok: true, value, time: timeBlock(startedAt) };
      } catch (error) {
        const restError = error instanceof RestError ? error : restErrors.internal();
        recordCall(context, subMethod, subParams, restError.status, { error: restError.code }, true);
        return { ok: false, error: restError };
      }
    });
  }
  const entry = METHODS[name];
  if (!entry) throw restErrors.methodNotFound();
  if (!context.portal.scope.includes(entry.scope)) throw restErrors.insufficientScope();
  const refusal = refuseBySpec(name, context.params);
  if (refusal) throw refusal;
  return entry.handler(context);
}

function recordCall(
  context: Pick<MethodContext, 'state' | 'token'>,
  method: string,
  params: Record<string, unknown>,
  status: number,
  response: unknown,
  viaBatch = false,
): void {
  context.state.calls.push({
    method,
    params,
    auth: context.token.accessToken,
    portal: context.token.memberId,
    userId: context.token.userId,
    time: Date.now(),
    status,
    response,
    ...(viaBatch ? { viaBatch } : {}),
  });
}

export function executeRestCall(
  state: EmulatorState,
  method: string,
  params: Record<string, unknown>,
  auth: string | undefined,
): RestOutcome {
  const startedAt = Date.now();
  const cleanMethod = method.replace(/\.json$/i, '');
  const record = (status: number, body: Record<string, unknown>, token?: TokenRecord) =>
    state.calls.push({
      method: cleanMethod,
      params,
      auth,
      portal: token?.memberId,
      userId: token?.userId,
      time: startedAt,
      status,
      response: body,
    });
  const injected = takeInjectedFailure(state, cleanMethod);
  if (injected === 'network') {
    record(0, { network: 'dropped' });
    return { kind: 'network-drop' };
  }
  let token: TokenRecord | undefined;
  try {
    if (injected) throw failureError(injected);
    token = authenticate(state, auth);
    const portal = findPortal(state, token.memberId);
    checkRateLimit(state, portal.memberId);
    const user = findUser(portal, token.userId);
    const value = runMethod({ state, portal, user, token, params }, cleanMethod);
    const body: Record<string, unknown> = { result: value.result };
    if (value.next !== undefined) body.next = value.next;
    if (value.total !== undefined) body.total = value.total;
    body.time = timeBlock(startedAt);
    record(200, body, token);
    return { kind: 'response', status: 200, body };
  } catch (error) {
    const restError = error instanceof RestError ? error : restErrors.internal();
    const body = { error: restError.code, error_description: restError.description, ...restError.extra };
    record(restError.status, body, token);
    return { kind: 'response', status: restError.status, body };
  }
}
