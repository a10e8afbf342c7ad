import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { parseBracketParams } from '../bitrix24-emulator/bracket-params';
import { createDemoPortal } from '../bitrix24-emulator/demo-portal';
import { startEmulator } from '../bitrix24-emulator/start-emulator';
import { emulatorControl } from '../support/emulator-control';

type Received = { contentType: string; body: string };

/** A throwaway loopback listener standing in for the app's event handler. */
async function startListener(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ contentType: String(request.headers['content-type']), body });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`, received, server };
}

test('a fired event reaches the bound handler as a form with bracket keys', async ({ request }) => {
  const listener = await startListener();
  const emulator = await startEmulator({ portals: [createDemoPortal('member-api-1')], appUrl: 'http://127.0.0.1:1' });
  try {
    const admin = emulator.issueTokens('member-api-1', 1).accessToken;
    const bind = await request.post(`${emulator.url}/rest/event.bind`, {
      data: { event: 'ONEXTERNALCALLSTART', handler: listener.url, auth: admin },
    });
    expect(await bind.json()).toMatchObject({ result: true });

    const deliveries = await emulator.fireEvent('member-api-1', 'ONEXTERNALCALLSTART', {
      PHONE_NUMBER: '+79161234567',
      USER_ID: '2',
      CALL_ID: 'externalCall.abc.1',
      LINE_NUMBER: '',
    });
    expect(deliveries).toEqual([expect.objectContaining({ handler: listener.url, status: 200 })]);

    const [event] = listener.received;
    expect(event?.contentType).toBe('application/x-www-form-urlencoded');
    expect(event?.body).toContain('data%5BPHONE_NUMBER%5D=%2B79161234567');
    const parsed = parseBracketParams(event?.body ?? '');
    const portal = emulator.portal('member-api-1');
    expect(parsed).toMatchObject({
      event: 'ONEXTERNALCALLSTART',
      data: { PHONE_NUMBER: '+79161234567', USER_ID: '2', CALL_ID: 'externalCall.abc.1', LINE_NUMBER: '' },
      ts: expect.stringMatching(/^\d+$/),
      auth: { application_token: portal.applicationToken, member_id: 'member-api-1', domain: portal.domain },
    });
    // _includes/auth-params-in-events.md: an event's auth carries the user's tokens, refresh_token included.
    expect((parsed.auth as Record<string, string>).refresh_token).toEqual(expect.any(String));
  } finally {
    await emulator.close();
    listener.server.close();
  }
});

test('events are not delivered before the installer finishes', async () => {
  const listener = await startListener();
  const emulator = await startEmulator({
    portals: [{ ...createDemoPortal('member-api-2'), installed: false }],
    appUrl: 'http://127.0.0.1:1',
  });
  try {
    const deliveries = await emulator.fireEvent(
      'member-api-2',
      'ONEXTERNALCALLSTART',
      { PHONE_NUMBER: '1' },
      { handler: listener.url },
    );
    expect(deliveries).toEqual([]);
    expect(listener.received).toEqual([]);
  } finally {
    await emulator.close();
    listener.server.close();
  }
});

test('the run-wide emulator fires events through its control API', async ({ request }) => {
  const listener = await startListener();
  try {
    const emulator = emulatorControl(request);
    const deliveries = await emulator.fireEvent(
      'ONAPPINSTALL',
      { VERSION: '1', ACTIVE: 'Y', INSTALLED: 'Y', LANGUAGE_ID: 'ru' },
      {
        handler: listener.url,
        userId: 1,
      },
    );
    expect(deliveries).toEqual([expect.objectContaining({ status: 200 })]);
    const parsed = parseBracketParams(listener.received[0]?.body ?? '');
    expect(parsed).toMatchObject({
      event: 'ONAPPINSTALL',
      data: { VERSION: '1', LANGUAGE_ID: 'ru' },
      auth: { client_endpoint: `${emulator.url}/rest/`, refresh_token: expect.any(String) },
    });
    const user = await request.get(`${emulator.url}/rest/user.current`, {
      params: { auth: String((parsed.auth as Record<string, string>).access_token) },
    });
    expect(await user.json()).toMatchObject({ result: { ID: '1' } });
  } finally {
    listener.server.close();
  }
});
