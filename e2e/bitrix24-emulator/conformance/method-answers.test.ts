/**
 * The emulator answers every method the app calls in the shape of the official docs' sample answer (the vendored
 * spec's resultExample, or the page's sample in fixtures/). A failure names the doc page the emulator departs from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_LINE } from '../default-line';
import { createDemoPortal } from '../demo-portal';
import { startEmulator, type EmulatorHandle } from '../start-emulator';
import { callRest } from '../test-client';
import { compareShape, type CompareShapeOptions } from './compare-shape';
import { documentedAnswer, loadDocFixture } from './load-doc-fixture';

const MEMBER = 'conformance-member';
let emulator: EmulatorHandle;
let admin: string;

beforeAll(async () => {
  emulator = await startEmulator({ portals: [createDemoPortal(MEMBER)], appUrl: 'http://127.0.0.1:1' });
  admin = emulator.issueTokens(MEMBER, 1).accessToken;
});
afterAll(() => emulator?.close());

/** Fields the portal adds only when they hold a value, which the docs' sample rows happen not to have. */
const FILLED_ONLY: Record<string, CompareShapeOptions> = {
  'user.get': { extraKeys: ['UF_PHONE_INNER'] },
  // user-current.md's row is a shorter user.get row (fields without values are left out) and types
  // LAST_ACTIVITY_DATE as a string where user-get.md has a DateTime object.
  'user.current': {
    extraKeys: [
      ...['SECOND_NAME', 'TIME_ZONE', 'TIMESTAMP_X', 'PERSONAL_WWW', 'PERSONAL_MOBILE', 'PERSONAL_CITY'],
      ...['WORK_PHONE', 'UF_PHONE_INNER', 'USER_TYPE'],
    ],
    anyTypeKeys: ['LAST_ACTIVITY_DATE'],
  },
  'department.get': { extraKeys: ['UF_HEAD'] },
};

async function expectDocumentedAnswer(method: string, params: Record<string, unknown>): Promise<Record<string, any>> {
  const { doc, sample } = documentedAnswer(method);
  const reply = await callRest(emulator.url, method, params, admin);
  expect(reply.status, `${method}: ${JSON.stringify(reply.body)}`).toBe(200);
  const problems = compareShape(sample.result, reply.body.result, FILLED_ONLY[method]);
  expect(problems, `${method} departs from ${doc}`).toEqual([]);
  return reply.body.result;
}

describe('method answers in the shape of the docs', () => {
  it('user.admin, user.current, user.get, department.get, app.info', async () => {
    await expectDocumentedAnswer('user.admin', {});
    await expectDocumentedAnswer('user.current', {});
    await expectDocumentedAnswer('user.get', { filter: { ID: 2 } });
    await expectDocumentedAnswer('department.get', { ID: 2 });
    await expectDocumentedAnswer('app.info', {});
  });

  it('event.bind, event.get (auth_type a string), placement.bind, placement.get', async () => {
    await expectDocumentedAnswer('event.bind', { event: 'ONEXTERNALCALLSTART', handler: 'https://app.example/events' });
    const [bound] = (await expectDocumentedAnswer('event.get', {})) as unknown as Array<Record<string, unknown>>;
    expect(typeof bound?.auth_type, 'event-get.md: auth_type is a string').toBe('string');
    await expectDocumentedAnswer('placement.bind', { PLACEMENT: 'CALL_CARD', HANDLER: 'https://app.example/card' });
    await expectDocumentedAnswer('placement.get', {});
  });

  it('telephony.externalLine.add, update, get, delete', async () => {
    await expectDocumentedAnswer('telephony.externalLine.add', { NUMBER: '74951234567', NAME: 'Линия' });
    await expectDocumentedAnswer('telephony.externalLine.update', { NUMBER: '74951234567', NAME: 'Линия 2' });
    await expectDocumentedAnswer('telephony.externalLine.get', {});
    await expectDocumentedAnswer('telephony.externalLine.delete', { NUMBER: '74951234567' });
  });

  it('telephony.externalCall.register, show, hide, searchCrmEntities, finish, attachRecord', async () => {
    const registered = await expectDocumentedAnswer('telephony.externalCall.register', {
      USER_ID: 2,
      PHONE_NUMBER: '+79161234567',
      TYPE: 2,
      LINE_NUMBER: '74951234567',
      EXTERNAL_CALL_ID: 'conformance-1',
    });
    const CALL_ID = registered.CALL_ID as string;
    await expectDocumentedAnswer('telephony.externalCall.show', { CALL_ID, USER_ID: 2 });
    await expectDocumentedAnswer('telephony.externalCall.hide', { CALL_ID, USER_ID: 2 });
    await expectDocumentedAnswer('telephony.externalCall.searchCrmEntities', { PHONE_NUMBER: '+79161234567' });
    const finished = await expectDocumentedAnswer('telephony.externalCall.finish', {
      CALL_ID,
      USER_ID: 2,
      DURATION: 95,
      STATUS_CODE: '200',
      VOTE: 5,
    });
    expect(typeof finished.PORTAL_USER_ID, 'telephony-external-call-finish.md: PORTAL_USER_ID').toBe('number');
    await expectDocumentedAnswer('telephony.externalCall.attachRecord', {
      CALL_ID,
      FILENAME: 'call.mp3',
      FILE_CONTENT: Buffer.from('ID3').toString('base64'),
    });
  });
});

describe('the default outgoing line (voximplant-line-*.md)', () => {
  it("voximplant.line.get, voximplant.line.outgoing.get and .set answer in the docs' shapes", async () => {
    await expectDocumentedAnswer('voximplant.line.get', {});
    expect(await expectDocumentedAnswer('voximplant.line.outgoing.get', {})).toBe(APP_LINE);
    await expectDocumentedAnswer('voximplant.line.outgoing.set', { LINE_ID: 'sip7' });
    expect((await callRest(emulator.url, 'voximplant.line.outgoing.get', {}, admin)).body.result).toBe('sip7');
    // voximplant-line-outgoing-set.md: `1` for a line the portal does not list, and nothing changes.
    await expectDocumentedAnswer('voximplant.line.outgoing.set', { LINE_ID: APP_LINE });
    expect((await callRest(emulator.url, 'voximplant.line.outgoing.get', {}, admin)).body.result).toBe('sip7');
    emulator.setDefaultLine(MEMBER, APP_LINE);
  });

  it('only a user who manages numbers: ACCESS_DENIED, 403, for an operator', async () => {
    const operator = emulator.issueTokens(MEMBER, 2).accessToken;
    const reply = await callRest(emulator.url, 'voximplant.line.outgoing.get', {}, operator);
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({ error: 'ACCESS_DENIED', error_description: 'Access denied!' });
  });
});

describe('refusals in the shape of the docs', () => {
  it('a missing required argument: placement-bind.md ERROR_ARGUMENT with argument', async () => {
    const { doc, sample } = loadDocFixture('placement.bind.error.json');
    const reply = await callRest(emulator.url, 'placement.bind', { HANDLER: 'https://app.example/x' }, admin);
    expect(compareShape(sample, reply.body), doc).toEqual([]);
    expect(reply.body).toMatchObject({ error: 'ERROR_ARGUMENT', argument: 'PLACEMENT' });
  });

  it('register without USER_ID and USER_PHONE_INNER: telephony-external-call-register.md ERROR_CORE', async () => {
    const reply = await callRest(
      emulator.url,
      'telephony.externalCall.register',
      { PHONE_NUMBER: '+74951234567', TYPE: 1 },
      admin,
    );
    expect(reply.body).toEqual({ error: 'ERROR_CORE', error_description: 'USER_ID or USER_PHONE_INNER should be set' });
  });

  it('deleting an unknown line: telephony-external-line-delete.md ERROR_CORE', async () => {
    const reply = await callRest(emulator.url, 'telephony.externalLine.delete', { NUMBER: 'no-such-line' }, admin);
    expect(reply.body).toEqual({
      error: 'ERROR_CORE',
      error_description: 'Could not find line with number no-such-line',
    });
  });

  it('a parameter of the wrong type, per the spec: ERROR_ARGUMENT naming it', async () => {
    const reply = await callRest(
      emulator.url,
      'telephony.externalCall.register',
      { USER_ID: 'boss', PHONE_NUMBER: '1', TYPE: 1 },
      admin,
    );
    expect(reply.body).toMatchObject({ error: 'ERROR_ARGUMENT', argument: 'USER_ID' });
  });

  it('im.notify.system.add: the new id; a TAG replaces the earlier notification (im-notify-system-add.md)', async () => {
    const params = { USER_ID: 1, MESSAGE: ' SIM 2 ', TAG: 'b24cc-sim-out-1-1' };
    const first = await expectDocumentedAnswer('im.notify.system.add', params);
    const second = await expectDocumentedAnswer('im.notify.system.add', { ...params, MESSAGE: 'again' });
    expect(second).not.toBe(first);
    const kept = emulator.state.portals.get(MEMBER)!.notifications.filter((n) => n.TAG === params.TAG);
    expect(kept.map((n) => n.MESSAGE)).toEqual(['again']);
    const empty = await callRest(emulator.url, 'im.notify.system.add', { USER_ID: 1, MESSAGE: ' ' }, admin);
    expect(empty.body).toMatchObject({ error: 'MESSAGE_EMPTY' });
  });
});
