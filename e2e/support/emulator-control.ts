/** Talks to the current PBX profile's emulator over its test-only control API (`/__emulator/*`) from Playwright workers. */
import type { APIRequestContext } from '@playwright/test';
import type { RecordedCall } from '../bitrix24-emulator/types';
import { currentProfile } from './current-profile';
import { emulatorUrl } from './e2e-env';

export function emulatorControl(request: APIRequestContext) {
  const url = emulatorUrl(currentProfile().emulatorPortVar);
  const base = `${url}/__emulator`;
  const post = async (action: string, data: Record<string, unknown>) => {
    const response = await request.post(`${base}/${action}`, { data });
    if (!response.ok()) throw new Error(`emulator ${action}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as unknown;
  };
  return {
    url,
    calls: async (method?: string) =>
      (await (
        await request.get(`${base}/calls${method ? `?method=${encodeURIComponent(method)}` : ''}`)
      ).json()) as RecordedCall[],
    resetCalls: () => post('reset-calls', {}),
    failNext: (method: string, error: string, count = 1) => post('fail-next', { method, error, count }),
    expireToken: (portal?: string) => post('expire-token', { portal }),
    issueTokens: (userId: number, portal?: string) =>
      post('issue-tokens', { userId, portal }) as Promise<{ accessToken: string; refreshToken: string }>,
    fireEvent: (event: string, data: Record<string, unknown>, options: Record<string, unknown> = {}, portal?: string) =>
      post('fire-event', { event, data, options, portal }) as Promise<Array<{ handler: string; status: number }>>,
    /** ONEXTERNALCALLBACKSTART from a CRM form: no user behind it, so no tokens in `auth`. */
    fireCrmFormCallback: (data: Record<string, unknown>, portal?: string) =>
      post('fire-crm-form-callback', { data, portal }) as Promise<Array<{ handler: string; status: number }>>,
    /** `REST_APP:1` makes this app the default outgoing line; anything else takes ONEXTERNALCALLSTART away from it. */
    setDefaultLine: (line: string, userId?: number, portal?: string) => post('default-line', { line, userId, portal }),
    /** A version update: new application_token, bound events dropped, ONAPPUPDATE posted to `handler`. */
    updateApp: (
      options: { handler: string; version: string; previousVersion: string; userId?: number },
      portal?: string,
    ) => post('update-app', { ...options, portal }) as Promise<Array<{ handler: string; status: number }>>,
  };
}
