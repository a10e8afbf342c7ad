import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoPortal } from './demo-portal';
import { startEmulator, type EmulatorHandle } from './start-emulator';
import { callRest } from './test-client';

const MEMBER = 'demo-member-0001';
let emulator: EmulatorHandle;
let rest: (method: string, params?: Record<string, unknown>) => ReturnType<typeof callRest>;

beforeAll(async () => {
  emulator = await startEmulator({ portals: [createDemoPortal(MEMBER)], appUrl: 'http://127.0.0.1:1' });
  const token = emulator.issueTokens(MEMBER, 1).accessToken;
  rest = (method, params = {}) => callRest(emulator.url, method, params, token);
});
afterAll(() => emulator.close());

describe('telephony.externalLine.*', () => {
  it('adds, refuses duplicates, updates, lists and deletes lines', async () => {
    expect((await rest('telephony.externalLine.add', { NUMBER: 'line-1', NAME: 'MTS SIM' })).body.result).toEqual({
      ID: expect.any(Number),
    });
    expect((await rest('telephony.externalLine.add', { NUMBER: 'line-1' })).body.error_description).toBe(
      'Line already exists',
    );
    expect((await rest('telephony.externalLine.add', { NUMBER: '' })).body.error_description).toBe(
      'NUMBER should not be empty',
    );
    expect((await rest('telephony.externalLine.update', { NUMBER: 'line-1' })).body.error_description).toBe(
      'There are no fields to update',
    );
    expect((await rest('telephony.externalLine.update', { NUMBER: 'nope', NAME: 'x' })).body.error_description).toBe(
      'Could not find line with number nope',
    );
    expect(
      (await rest('telephony.externalLine.update', { NUMBER: 'line-1', CRM_AUTO_CREATE: 'N' })).body.result,
    ).toEqual({
      ID: expect.any(String),
    });
    expect((await rest('telephony.externalLine.get')).body.result).toEqual([
      { NUMBER: 'line-1', NAME: 'MTS SIM', CRM_AUTO_CREATE: 'N' },
    ]);
    expect((await rest('telephony.externalLine.delete', { NUMBER: 'line-1' })).body.result).toEqual([]);
    expect((await rest('telephony.externalLine.get')).body.result).toEqual([]);
  });
});

describe('telephony.externalCall.register', () => {
  it.each([
    [{ PHONE_NUMBER: '+79160000000', TYPE: 1 }, 'USER_ID or USER_PHONE_INNER should be set'],
    [{ USER_ID: 99, PHONE_NUMBER: '+79160000000', TYPE: 1 }, 'User is not found or is not active'],
    [{ USER_ID: 2, PHONE_NUMBER: 'abc', TYPE: 1 }, 'Unsupported phone number format'],
    [{ USER_ID: 2, PHONE_NUMBER: '+79160000000', TYPE: 9 }, 'Unknown TYPE'],
    [
      { USER_ID: 2, PHONE_NUMBER: '+79160000000', TYPE: 2, CALL_START_DATE: '07.03.2026' },
      'CALL_START_DATE should be in the ISO-8601 format',
    ],
  ])('validates %j', async (params, message) => {
    expect(await rest('telephony.externalCall.register', params)).toMatchObject({
      status: 400,
      body: { error: 'ERROR_CORE', error_description: message },
    });
  });

  it('registers by USER_PHONE_INNER, finds the CRM contact and returns a CALL_ID', async () => {
    const reply = await rest('telephony.externalCall.register', {
      USER_PHONE_INNER: '101',
      PHONE_NUMBER: '89161234567',
      TYPE: 2,
      LINE_NUMBER: 'line-in',
      EXTERNAL_CALL_ID: 'asterisk-1',
      CALL_START_DATE: '2026-03-07T10:20:30+03:00',
    });
    expect(reply.body.result).toMatchObject({
      CALL_ID: expect.stringMatching(/^externalCall\.[0-9a-f]{32}\.\d+$/),
      CRM_ENTITY_TYPE: 'CONTACT',
      CRM_ENTITY_ID: 501,
      CRM_CREATED_LEAD: null,
    });
    // An unknown LINE_NUMBER silently becomes a line of the app.
    expect((await rest('telephony.externalLine.get')).body.result).toContainEqual(
      expect.objectContaining({ NUMBER: 'line-in' }),
    );
  });

  it('collapses a repeat within 30 minutes into the same CALL_ID, but not with another EXTERNAL_CALL_ID', async () => {
    const params = { USER_ID: 3, PHONE_NUMBER: '+79990001122', TYPE: 2, EXTERNAL_CALL_ID: 'a' };
    const first = (await rest('telephony.externalCall.register', params)).body.result.CALL_ID;
    expect((await rest('telephony.externalCall.register', params)).body.result.CALL_ID).toBe(first);
    const other = (await rest('telephony.externalCall.register', { ...params, EXTERNAL_CALL_ID: 'b' })).body.result
      .CALL_ID;
    expect(other).not.toBe(first);
  });

  it('creates a lead only when asked', async () => {
    const plain = await rest('telephony.externalCall.register', { USER_ID: 2, PHONE_NUMBER: '+79995550001', TYPE: 2 });
    expect(plain.body.result).toMatchObject({ CRM_ENTITY_ID: null, CRM_CREATED_ENTITIES: [] });
    const lead = await rest('telephony.externalCall.register', {
      USER_ID: 2,
      PHONE_NUMBER: '+79995550002',
      TYPE: 2,
      CRM_CREATE: 1,
    });
    expect(lead.body.result).toMatchObject({ CRM_ENTITY_TYPE: 'LEAD', CRM_CREATED_LEAD: expect.any(Number) });
  });
});

describe('finish, show/hide, attachRecord, searchCrmEntities', () => {
  it('finishes once; the second finish says the call is not found', async () => {
    const callId = (
      await rest('telephony.externalCall.register', {
        USER_ID: 2,
        PHONE_NUMBER: '+79161234567',
        TYPE: 1,
        EXTERNAL_CALL_ID: 'f1',
      })
    ).body.result.CALL_ID;
    expect((await rest('telephony.externalCall.show', { CALL_ID: callId, USER_ID: [1, 3] })).body.result).toBe(true);
    expect((await rest('telephony.externalCall.hide', { CALL_ID: callId, USER_ID: 3 })).body.result).toBe(true);
    expect(
      (await rest('telephony.externalCall.attachRecord', { CALL_ID: callId, RECORD_URL: 'http://127.0.0.1/r.mp3' }))
        .body.error_description,
    ).toBe('Call is not found in the statistic table. Looks like it is not finished yet.');
    const finish = await rest('telephony.externalCall.finish', {
      CALL_ID: callId,
      USER_ID: 2,
      DURATION: 42,
      STATUS_CODE: '200',
    });
    // Numbers where telephony-external-call-finish.md's answer has numbers.
    expect(finish.body.result).toMatchObject({
      CALL_ID: callId,
      CALL_DURATION: 42,
      CALL_STATUS: 1,
      CALL_FAILED_CODE: '200',
      PORTAL_USER_ID: 2,
      COST: 0,
    });
    const again = await rest('telephony.externalCall.finish', { CALL_ID: callId, USER_ID: 2 });
    expect(again.body).toEqual({
      error: 'ERROR_CORE',
      error_description: 'Call is not found (call should be registered prior to finishing',
    });
    expect((await rest('telephony.externalCall.show', { CALL_ID: callId })).body.result).toBe(false);
    expect(
      (await rest('telephony.externalCall.attachRecord', { CALL_ID: callId, RECORD_URL: 'http://127.0.0.1/r.mp3' }))
        .body.result,
    ).toEqual({
      FILE_ID: expect.any(Number),
    });
    expect(
      (await rest('telephony.externalCall.attachRecord', { CALL_ID: callId, FILENAME: 'r.wav' })).body.result,
    ).toMatchObject({
      fieldName: 'file',
    });
  });

  it('defaults STATUS_CODE to 304 without duration and needs CALL_ID as a string', async () => {
    const callId = (
      await rest('telephony.externalCall.register', { USER_ID: 2, PHONE_NUMBER: '+79160000001', TYPE: 2 })
    ).body.result.CALL_ID;
    expect((await rest('telephony.externalCall.finish', { CALL_ID: 12, USER_ID: 2 })).body.error).toBe(
      'INVALID_ARGUMENT',
    );
    const finish = await rest('telephony.externalCall.finish', { CALL_ID: callId, USER_ID: 2 });
    expect(finish.body.result).toMatchObject({
      CALL_FAILED_CODE: '304',
      CALL_STATUS: 0,
      PORTAL_NUMBER: 'REST_APP:local.emulator-app',
    });
  });

  it('finds CRM entities with the responsible manager', async () => {
    const reply = await rest('telephony.externalCall.searchCrmEntities', { PHONE_NUMBER: '+7 916 123-45-67' });
    expect(reply.body.result).toEqual([
      expect.objectContaining({
        CRM_ENTITY_TYPE: 'CONTACT',
        CRM_ENTITY_ID: 501,
        ASSIGNED_BY: expect.objectContaining({ USER_PHONE_INNER: '101' }),
      }),
    ]);
  });
});

describe('batch', () => {
  it('runs commands with $result references and reports per-command errors', async () => {
    const reply = await rest('batch', {
      halt: 0,
      cmd: {
        me: 'user.current',
        byInner: 'user.get?filter%5BUF_PHONE_INNER%5D=101',
        same: 'user.get?ID=$result[byInner][0][ID]',
        broken: 'telephony.externalCall.finish?CALL_ID=x&USER_ID=2',
        nested: 'batch?cmd[a]=user.current',
      },
    });
    expect(reply.status).toBe(200);
    const { result, result_error: errors, result_total: totals } = reply.body.result;
    expect(result.me.ID).toBe('1');
    expect(result.same[0].NAME).toBe('Борис');
    expect(totals).toMatchObject({ byInner: 1, same: 1 });
    expect(errors.broken.error).toBe('ERROR_CORE');
    expect(errors.nested.error).toBe('ERROR_BATCH_METHOD_NOT_ALLOWED');
    expect(emulator.calls.filter((call) => call.viaBatch).map((call) => call.method)).toContain('user.get');
  });

  it('stops at the first error with halt=1 and refuses more than 50 commands', async () => {
    const halted = await rest('batch', { halt: 1, cmd: { a: 'nope.method', b: 'user.current' } });
    expect(halted.body.result.result).toEqual([]);
    expect(Object.keys(halted.body.result.result_error)).toEqual(['a']);
    const cmd = Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`c${index}`, 'user.current']));
    expect((await rest('batch', { cmd })).body.error).toBe('ERROR_BATCH_LENGTH_EXCEEDED');
  });

  it('accepts the form-encoded cmd the PHP SDKs send', async () => {
    const token = emulator.issueTokens(MEMBER, 2).accessToken;
    const reply = await callRest(
      emulator.url,
      'batch',
      { halt: 0, cmd: { 0: 'user.current', 1: 'user.admin' } },
      token,
      'form',
    );
    expect(reply.body.result.result).toEqual([expect.objectContaining({ ID: '2' }), false]);
  });
});
