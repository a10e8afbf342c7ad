/**
 * The emulated portal page speaks the frame protocol as the docs describe it: installFinish is not answered but
 * reloads the app with install_finished=Y, FIRST_RUN is per user, a placement subscribes only its own interface
 * events, and CallCard::CallStateChanged passes the state string alone.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDemoPortal } from '../demo-portal';
import { startEmulator, type EmulatorHandle } from '../start-emulator';
import { callRest } from '../test-client';
import { loadPortalPage } from './load-portal-page';

const MEMBER = 'page-member';
const FRESH = 'fresh-member';
let emulator: EmulatorHandle;

beforeAll(async () => {
  emulator = await startEmulator({
    portals: [createDemoPortal(MEMBER), { ...createDemoPortal(FRESH), installed: false }],
    appUrl: 'http://127.0.0.1:1',
  });
});
afterAll(() => emulator?.close());

async function initData(replies: string[], callbackId: string): Promise<Record<string, unknown>> {
  const reply = await vi.waitFor(() => {
    const found = replies.find((message) => message.startsWith(`${callbackId}:`));
    if (!found) throw new Error('no answer yet');
    return found;
  });
  return JSON.parse(reply.slice(callbackId.length + 1)) as Record<string, unknown>;
}

describe('the emulated portal page', () => {
  it('setInstallFinish is unanswered; the app reloads with install_finished=Y (bx24-install-finish.md)', async () => {
    const page = await loadPortalPage({ emulatorUrl: emulator.url, query: { portal: FRESH, user: '1' } });
    page.send('getInitData', undefined, 'init');
    expect(await initData(page.replies, 'init')).toMatchObject({ INSTALL: true });
    page.send('setInstallFinish', undefined, 'finish');
    await vi.waitFor(() => expect(page.submissions).toHaveLength(2));
    expect(page.replies.some((message) => message.startsWith('finish:'))).toBe(false);
    expect(page.submissions).toHaveLength(2);
    expect(new URL(page.submissions[1]!.action).searchParams.get('install_finished')).toBe('Y');
    expect(emulator.portal(FRESH).installed).toBe(true);
  });

  it('FIRST_RUN is true on each user’s first open only', async () => {
    const firstRun = async (user: string) => {
      const page = await loadPortalPage({ emulatorUrl: emulator.url, query: { portal: MEMBER, user } });
      page.send('getInitData', undefined, 'init');
      return (await initData(page.replies, 'init')).FIRST_RUN;
    };
    expect(await firstRun('1')).toBe(true);
    expect(await firstRun('1')).toBe(false);
    expect(await firstRun('2')).toBe(true);
  });

  it('the call card subscribes only its own events and passes the state string alone', async () => {
    const page = await loadPortalPage({
      emulatorUrl: emulator.url,
      query: { portal: MEMBER, user: '2', placement: 'CALL_CARD' },
    });
    page.send('placementBindEvent', { event: 'CallCard::CallStateChanged' }, 'state');
    page.send('placementBindEvent', { event: 'BackgroundCallCard::initialized' }, 'other');
    expect(page.window.__firePlacementEvent('BackgroundCallCard::initialized', {})).toBe(0);
    expect(page.window.__fireCallState('idle')).toBe(1);
    expect(page.replies).toContain('state:"idle"');
  });

  it('a page outside the call card subscribes no call card event (bx24-placement-bind-event.md)', async () => {
    const page = await loadPortalPage({ emulatorUrl: emulator.url, query: { portal: MEMBER, user: '2' } });
    page.send('placementBindEvent', { event: 'CallCard::CallStateChanged' }, 'state');
    expect(page.window.__fireCallState('connected')).toBe(0);
  });

  it('each user sees the cards show/hide left shown to them (telephony-external-call-show.md, -hide.md)', async () => {
    const token = (user: number) => emulator.issueTokens(MEMBER, user).accessToken;
    const rest = (method: string, params: Record<string, unknown>) => callRest(emulator.url, method, params, token(1));
    const cardsOf = async (user: number) => {
      const response = await fetch(`${emulator.url}/portal/api/cards`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ auth: token(user) }),
      });
      return ((await response.json()) as { cards: Array<{ CALL_ID: string }> }).cards.map((card) => card.CALL_ID);
    };
    const registered = await rest('telephony.externalCall.register', {
      USER_ID: 2,
      PHONE_NUMBER: '+79031112233',
      TYPE: 2,
      SHOW: 0,
    });
    const callId = String(registered.body.result.CALL_ID);
    expect(await cardsOf(2)).toEqual([]);
    await rest('telephony.externalCall.show', { CALL_ID: callId, USER_ID: [2, 3] });
    expect(await cardsOf(2)).toEqual([callId]);
    expect(await cardsOf(3)).toEqual([callId]);
    await rest('telephony.externalCall.hide', { CALL_ID: callId, USER_ID: 3 });
    expect(await cardsOf(3)).toEqual([]);
    await rest('telephony.externalCall.finish', { CALL_ID: callId, USER_ID: 2, DURATION: 5 });
    expect(await cardsOf(2)).toEqual([]);
  });
});
