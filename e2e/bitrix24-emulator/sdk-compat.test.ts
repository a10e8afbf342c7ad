import { B24OAuth, ParamsFactory } from '@bitrix24/b24jssdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoPortal } from './demo-portal';
import { startEmulator, type EmulatorHandle } from './start-emulator';

const MEMBER = 'sdk-member';
let emulator: EmulatorHandle;

beforeAll(async () => {
  const seed = createDemoPortal(MEMBER);
  for (let id = 10; id < 130; id += 1) seed.users.push({ ID: id, NAME: `User ${id}` });
  emulator = await startEmulator({
    portals: [seed],
    appUrl: 'http://127.0.0.1:1',
    clientId: 'app.sdk',
    clientSecret: 'sdk-secret',
  });
});
afterAll(() => emulator.close());

/** The server-side client the app builds per portal from stored install tokens. */
function serverClient(onRefresh: (accessToken: string) => void): B24OAuth {
  const auth = emulator.installAuth(MEMBER, 1);
  const b24 = new B24OAuth(
    {
      applicationToken: auth.application_token!,
      userId: 1,
      memberId: MEMBER,
      accessToken: auth.access_token!,
      refreshToken: auth.refresh_token!,
      expires: Number(auth.expires),
      expiresIn: 3600,
      scope: auth.scope!,
      domain: auth.domain!,
      clientEndpoint: auth.client_endpoint!,
      serverEndpoint: auth.server_endpoint!,
      status: 'L' as never,
    },
    { clientId: 'app.sdk', clientSecret: 'sdk-secret' },
    { restrictionParams: { ...ParamsFactory.getRealtime(), retryDelay: 10 } },
  );
  b24.setCallbackRefreshAuth(async ({ b24OAuthParams }) => onRefresh(b24OAuthParams.accessToken));
  return b24;
}

describe('the real b24jssdk (server side) against the emulator', () => {
  it('calls REST, refreshes through /oauth/token/ on expired_token and retries', async () => {
    const refreshed: string[] = [];
    const b24 = serverClient((token) => refreshed.push(token));
    const first = await b24.actions.v2.call.make<{ ID: string }>({ method: 'user.current' });
    expect(first.getData()?.result.ID).toBe('1');

    emulator.expireToken(MEMBER);
    const second = await b24.actions.v2.call.make<{ ID: string }>({ method: 'user.current' });
    expect(second.getData()?.result.ID).toBe('1');
    expect(refreshed).toHaveLength(1);
    expect(emulator.callsTo('user.current').map((call) => call.status)).toEqual([200, 401, 200]);
    expect(emulator.callsTo('user.current').at(-1)?.auth).toBe(refreshed[0]);
  });

  it('pages user.get with callList and runs a batch', async () => {
    const b24 = serverClient(() => undefined);
    const all = await b24.actions.v2.callList.make<{ ID: string }>({ method: 'user.get', params: {}, idKey: 'ID' });
    expect(all.getData()).toHaveLength(123);
    const batch = await b24.actions.v2.batch.make({
      calls: {
        me: { method: 'user.current' },
        ext: { method: 'user.get', params: { filter: { UF_PHONE_INNER: '101' } } },
      },
      options: { isHaltOnError: true },
    });
    expect(batch.isSuccess).toBe(true);
    // Without returnAjaxResult the SDK hands back each command's plain result, keyed like the request.
    const data = batch.getData() as Record<string, unknown>;
    expect(data.me).toMatchObject({ ID: '1' });
    expect(data.ext).toEqual([expect.objectContaining({ ID: '2' })]);
  });
});
