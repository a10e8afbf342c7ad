/**
 * Events: the emulator posts them with the keys of the docs' sample bodies, delivers them only when the docs say the
 * portal does, and the app's own parser finds every field its handlers read in the docs' samples.
 */
import { APP_LINE } from '../default-line';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBracketBody, readBracketString, type BracketTree } from '../../../lib/bitrix24/parse-bracket-body';
import { encodeBracketParams } from '../bracket-params';
import { createDemoPortal } from '../demo-portal';
import { startEmulator, type EmulatorHandle } from '../start-emulator';
import { captureDeliveries, type DeliveryCapture } from './capture-deliveries';
import { compareShape } from './compare-shape';
import { loadDocFixture } from './load-doc-fixture';

const MEMBER = 'events-member';
const NOT_INSTALLED = 'not-installed-member';
let emulator: EmulatorHandle;
let capture: DeliveryCapture;

beforeAll(async () => {
  capture = await captureDeliveries();
  emulator = await startEmulator({
    portals: [createDemoPortal(MEMBER), { ...createDemoPortal(NOT_INSTALLED), installed: false }],
    appUrl: 'http://127.0.0.1:1',
  });
  for (const event of ['ONEXTERNALCALLSTART', 'ONEXTERNALCALLBACKSTART']) {
    emulator.portal(MEMBER).events.push({ event, handler: capture.url, auth_type: 0, offline: 0 });
    emulator.portal(NOT_INSTALLED).events.push({ event, handler: capture.url, auth_type: 0, offline: 0 });
  }
});
afterAll(async () => {
  await emulator?.close();
  await capture?.close();
});

/** A JSON sample as the portal posts it: form-encoded with bracket keys, every scalar a string. */
function asPosted(sample: Record<string, unknown>): BracketTree {
  return parseBracketBody(encodeBracketParams(sample));
}

async function fired(event: string, run: () => Promise<unknown>): Promise<BracketTree> {
  const before = capture.bodies.length;
  await run();
  expect(capture.bodies.length, `${event} was not delivered`).toBe(before + 1);
  return parseBracketBody(capture.bodies.at(-1)!);
}

const EVENTS: Array<{ event: string; fixture: string; fire: (data: Record<string, unknown>) => Promise<unknown> }> = [
  {
    event: 'ONEXTERNALCALLSTART',
    fixture: 'ONEXTERNALCALLSTART.event.json',
    fire: (data) => emulator.fireEvent(MEMBER, 'ONEXTERNALCALLSTART', data, { userId: 1 }),
  },
  {
    event: 'ONEXTERNALCALLBACKSTART',
    fixture: 'ONEXTERNALCALLBACKSTART.event.json',
    fire: (data) => emulator.fireEvent(MEMBER, 'ONEXTERNALCALLBACKSTART', data, { userId: 1 }),
  },
  {
    event: 'ONAPPINSTALL',
    fixture: 'ONAPPINSTALL.event.json',
    fire: (data) => emulator.fireEvent(MEMBER, 'ONAPPINSTALL', data, { handler: capture.url, userId: 1 }),
  },
  {
    event: 'ONAPPUNINSTALL',
    fixture: 'ONAPPUNINSTALL.event.json',
    fire: (data) => emulator.fireEvent(MEMBER, 'ONAPPUNINSTALL', data, { handler: capture.url }),
  },
  {
    event: 'ONAPPUPDATE',
    fixture: 'ONAPPUPDATE.event.json',
    fire: (data) =>
      emulator.updateApp(MEMBER, {
        handler: capture.url,
        version: String(data.VERSION),
        previousVersion: String(data.PREVIOUS_VERSION),
      }),
  },
];

describe('the emulator posts events with the keys of the docs’ samples', () => {
  for (const { event, fixture, fire } of EVENTS) {
    it(`${event} (${loadDocFixture(fixture).doc})`, async () => {
      const { doc, sample } = loadDocFixture(fixture);
      const body = await fired(event, () => fire(sample.data));
      expect(compareShape(asPosted(sample), body), `${event} departs from ${doc}`).toEqual([]);
      expect(readBracketString(body, 'auth', 'user_id'), `${doc}: auth carries no user_id`).toBe('');
    });
  }

  it('an update brings a new application_token and drops the old version’s handlers (event-bind.md)', async () => {
    const oldToken = emulator.portal(MEMBER).applicationToken;
    const body = await fired('ONAPPUPDATE', () =>
      emulator.updateApp(MEMBER, { handler: capture.url, version: '2.1.0', previousVersion: '2.0.3' }),
    );
    expect(readBracketString(body, 'auth', 'application_token')).not.toBe(oldToken);
    expect(emulator.portal(MEMBER).events).toEqual([]);
    for (const event of ['ONEXTERNALCALLSTART', 'ONEXTERNALCALLBACKSTART']) {
      emulator.portal(MEMBER).events.push({ event, handler: capture.url, auth_type: 0, offline: 0 });
    }
  });

  it('ONAPPINSTALL lists the scopes space-separated (on-app-install.md)', async () => {
    const body = await fired('ONAPPINSTALL', () =>
      emulator.fireEvent(MEMBER, 'ONAPPINSTALL', { VERSION: '1' }, { handler: capture.url, userId: 1 }),
    );
    expect(readBracketString(body, 'auth', 'scope')).toMatch(/^\S+( \S+)+$/);
  });

  it('a CRM-form callback has no user behind it: auth without tokens (auth-params-in-events.md)', async () => {
    const { sample } = loadDocFixture('ONEXTERNALCALLBACKSTART.event.json');
    const body = await fired('ONEXTERNALCALLBACKSTART', () => emulator.fireCrmFormCallback(MEMBER, sample.data));
    const auth = body.auth as BracketTree;
    expect(Object.keys(auth).sort()).toEqual(
      ['application_token', 'client_endpoint', 'domain', 'member_id', 'scope', 'server_endpoint', 'status'].sort(),
    );
  });
});

describe('the emulator delivers only when the docs say the portal does', () => {
  it('nothing before the installation is finished, not even ONAPPINSTALL (installation-finish.md)', async () => {
    const before = capture.bodies.length;
    await emulator.fireEvent(NOT_INSTALLED, 'ONEXTERNALCALLSTART', { CALL_ID: 'x', USER_ID: '1' });
    await emulator.fireEvent(NOT_INSTALLED, 'ONAPPINSTALL', { VERSION: '1' }, { handler: capture.url });
    expect(capture.bodies.length).toBe(before);
  });

  it('ONEXTERNALCALLSTART only to the default outgoing line’s app (on-external-call-start.md)', async () => {
    const before = capture.bodies.length;
    emulator.setDefaultLine(MEMBER, 'sip7');
    await emulator.fireEvent(MEMBER, 'ONEXTERNALCALLSTART', { CALL_ID: 'x', USER_ID: '2' });
    expect(capture.bodies.length).toBe(before);
    emulator.setDefaultLine(MEMBER, APP_LINE, 2);
    await emulator.fireEvent(MEMBER, 'ONEXTERNALCALLSTART', { CALL_ID: 'x', USER_ID: '2' });
    expect(capture.bodies.length).toBe(before + 1);
    emulator.setDefaultLine(MEMBER, APP_LINE);
  });
});

/** The fields lib/bitrix24/events/* read from each event, by path. */
const FIELDS_THE_APP_READS: Record<string, string[][]> = {
  'ONEXTERNALCALLSTART.event.json': [
    ['auth', 'member_id'],
    ['auth', 'application_token'],
    ['data', 'CALL_ID'],
    ['data', 'USER_ID'],
    ['data', 'PHONE_NUMBER_INTERNATIONAL'],
    ['data', 'PHONE_NUMBER'],
    ['data', 'LINE_NUMBER'],
  ],
  'ONEXTERNALCALLBACKSTART.event.json': [
    ['auth', 'member_id'],
    ['auth', 'application_token'],
    ['data', 'PHONE_NUMBER'],
    ['data', 'LINE_NUMBER'],
    ['data', 'TEXT'],
    ['data', 'CRM_ENTITY_TYPE'],
    ['data', 'CRM_ENTITY_ID'],
  ],
  'ONAPPINSTALL.event.json': [
    ['auth', 'member_id'],
    ['auth', 'application_token'],
    ['auth', 'refresh_token'],
    ['data', 'LANGUAGE_ID'],
  ],
  'ONAPPUNINSTALL.event.json': [
    ['auth', 'member_id'],
    ['auth', 'application_token'],
    ['data', 'CLEAN'],
  ],
  'ONAPPUPDATE.event.json': [
    ['auth', 'member_id'],
    ['auth', 'application_token'],
    ['data', 'VERSION'],
  ],
};

describe('the app reads the docs’ sample bodies', () => {
  for (const [fixture, paths] of Object.entries(FIELDS_THE_APP_READS)) {
    it(`${fixture.replace('.event.json', '')} (${loadDocFixture(fixture).doc})`, () => {
      const { doc, sample } = loadDocFixture(fixture);
      const body = asPosted(sample);
      expect(readBracketString(body, 'event').toUpperCase()).toBe(fixture.replace('.event.json', ''));
      for (const path of paths) expect(readBracketString(body, ...path), `${doc}: ${path.join('.')}`).not.toBe('');
    });
  }

  it('ONAPPUNINSTALL: CLEAN arrives as "1", what the uninstall handler compares with (on-app-uninstall.md)', () => {
    expect(readBracketString(asPosted(loadDocFixture('ONAPPUNINSTALL.event.json').sample), 'data', 'CLEAN')).toBe('1');
  });
});
