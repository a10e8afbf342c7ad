/**
 * Test-only HTTP control of a running emulator (`/__emulator/*`), for Playwright workers that don't share the
 * process hosting it: read the call log, fire events, inject failures, expire or issue tokens.
 */
import type { EmulatorState } from './emulator-state';
import { findPortal, issueTokens } from './emulator-state';
import { fireEvent } from './fire-event';
import { APP_LINE, setDefaultLine } from './default-line';
import { updateApp, type UpdateAppOptions } from './update-app';
import type { InjectedFailure } from './types';

export type ControlOutcome = { status: number; body: unknown };

function describePortal(state: EmulatorState, key: string): unknown {
  const portal = findPortal(state, key);
  return { ...portal, userOptions: Object.fromEntries(portal.userOptions) };
}

export async function answerControlApi(
  state: EmulatorState,
  action: string,
  body: Record<string, unknown>,
  query: URLSearchParams,
): Promise<ControlOutcome> {
  const portalKey = String(body.portal ?? query.get('portal') ?? [...state.portals.keys()][0] ?? '');
  switch (action) {
    case 'calls': {
      const method = query.get('method')?.toLowerCase();
      return {
        status: 200,
        body: method ? state.calls.filter((call) => call.method.toLowerCase() === method) : state.calls,
      };
    }
    case 'reset-calls':
      state.calls.length = 0;
      return { status: 200, body: { ok: true } };
    case 'portal':
      return { status: 200, body: describePortal(state, portalKey) };
    case 'fire-event':
      return {
        status: 200,
        body: await fireEvent(
          state,
          portalKey,
          String(body.event),
          (body.data ?? {}) as Record<string, unknown>,
          body.options ?? {},
        ),
      };
    case 'fire-crm-form-callback':
      return {
        status: 200,
        body: await fireEvent(
          state,
          portalKey,
          'ONEXTERNALCALLBACKSTART',
          (body.data ?? {}) as Record<string, unknown>,
          {
            withTokens: false,
          },
        ),
      };
    case 'default-line':
      setDefaultLine(
        findPortal(state, portalKey),
        String(body.line ?? APP_LINE),
        body.userId === undefined ? undefined : Number(body.userId),
      );
      return { status: 200, body: { ok: true } };
    case 'update-app':
      return { status: 200, body: await updateApp(state, portalKey, body as unknown as UpdateAppOptions) };
    case 'fail-next':
      state.plannedFailures.push({
        method: String(body.method ?? '*'),
        error: String(body.error) as InjectedFailure,
        remaining: Number(body.count ?? 1),
      });
      return { status: 200, body: { ok: true } };
    case 'expire-token': {
      const memberId = findPortal(state, portalKey).memberId;
      for (const token of state.tokens.values()) if (token.memberId === memberId) token.expiresAt = Date.now() - 1000;
      return { status: 200, body: { ok: true } };
    }
    case 'issue-tokens':
      return { status: 200, body: issueTokens(state, findPortal(state, portalKey).memberId, Number(body.userId ?? 1)) };
    default:
      return { status: 404, body: { error: `unknown control action ${action}` } };
  }
}
