import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoPortal } from './demo-portal';
import { startEmulator, type EmulatorHandle } from './start-emulator';
import { callRest } from './test-client';

const MEMBER = 'demo-member-0001';
let emulator: EmulatorHandle;
let admin: string;
let operator: string;

beforeAll(async () => {
  const seed = createDemoPortal(MEMBER);
  for (let id = 10; id < 130; id += 1) seed.users.push({ ID: id, NAME: `User ${id}`, UF_DEPARTMENT: [2] });
  emulator = await startEmulator({
    portals: [seed, { memberId: 'other-portal', users: [{ ID: 1, NAME: 'Olga' }] }],
    appUrl: 'http://127.0.0.1:1',
  });
  admin = emulator.issueTokens(MEMBER, 1).accessToken;
  operator = emulator.issueTokens(MEMBER, 2).accessToken;
});
afterAll(() => emulator.close());

describe('auth and envelope', () => {
  it('answers user.current with {result, time} and records the call', async () => {
    const reply = await callRest(emulator.url, 'user.current', {}, operator);
    expect(reply.status).toBe(200);
    expect(reply.body.result).toMatchObject({ ID: '2', NAME: 'Борис', UF_PHONE_INNER: '101', UF_DEPARTMENT: [2] });
    expect(Object.keys(reply.body.time)).toEqual(
      expect.arrayContaining(['start', 'finish', 'duration', 'operating_reset_at', 'operating']),
    );
    expect(emulator.callsTo('user.current').at(-1)).toMatchObject({
      auth: operator,
      portal: MEMBER,
      userId: 2,
      status: 200,
    });
  });

  it('accepts auth in the query and the .json suffix, form bodies too', async () => {
    const query = await fetch(`${emulator.url}/rest/user.admin.json?auth=${admin}`);
    expect(await query.json()).toMatchObject({ result: true });
    const form = await callRest(emulator.url, 'user.admin', {}, operator, 'form');
    expect(form.body.result).toBe(false);
  });

  it('keeps portals apart by token', async () => {
    const other = emulator.issueTokens('other-portal', 1).accessToken;
    expect((await callRest(emulator.url, 'user.current', {}, other)).body.result.NAME).toBe('Olga');
  });

  it('rejects missing, unknown and expired tokens with 401', async () => {
    expect(await callRest(emulator.url, 'user.current', {}, undefined)).toMatchObject({
      status: 401,
      body: { error: 'NO_AUTH_FOUND' },
    });
    expect(await callRest(emulator.url, 'user.current', {}, 'nope')).toMatchObject({
      status: 401,
      body: { error: 'invalid_token' },
    });
    const victim = emulator.issueTokens('other-portal', 1);
    emulator.expireToken('other-portal');
    expect(await callRest(emulator.url, 'user.current', {}, victim.accessToken)).toMatchObject({
      status: 401,
      body: { error: 'expired_token' },
    });
  });

  it('answers unknown methods with 404 ERROR_METHOD_NOT_FOUND', async () => {
    expect(await callRest(emulator.url, 'crm.nothing', {}, admin)).toMatchObject({
      status: 404,
      body: { error: 'ERROR_METHOD_NOT_FOUND' },
    });
  });

  it('answers the CORS preflight of the cross-origin iframe', async () => {
    const response = await fetch(`${emulator.url}/rest/user.current`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:3100' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('users and departments', () => {
  it('filters user.get by UF_PHONE_INNER, ID and UF_DEPARTMENT', async () => {
    const byInner = await callRest(emulator.url, 'user.get', { filter: { UF_PHONE_INNER: '102' } }, operator);
    expect(byInner.body.result.map((user: { ID: string }) => user.ID)).toEqual(['3']);
    const byId = await callRest(emulator.url, 'user.get', { ID: 1 }, operator);
    expect(byId.body.result[0].NAME).toBe('Анна');
    const byDepartment = await callRest(emulator.url, 'user.get', { FILTER: { UF_DEPARTMENT: 1 } }, operator);
    expect(byDepartment.body).toMatchObject({ total: 1, result: [{ ID: '1' }] });
  });

  it('pages list methods 50 at a time with total and next', async () => {
    const first = await callRest(emulator.url, 'user.get', {}, operator);
    expect(first.body).toMatchObject({ total: 123, next: 50 });
    expect(first.body.result).toHaveLength(50);
    const last = await callRest(emulator.url, 'user.get', { start: 100 }, operator);
    expect(last.body.result).toHaveLength(23);
    expect(last.body.next).toBeUndefined();
  });

  it('returns departments with string ids', async () => {
    const reply = await callRest(emulator.url, 'department.get', { PARENT: 1 }, operator);
    expect(reply.body).toMatchObject({
      total: 1,
      result: [{ ID: '2', NAME: 'Отдел продаж', PARENT: '1', UF_HEAD: '3' }],
    });
  });
});

describe('options, events, placements', () => {
  it('lets only admins set app options', async () => {
    expect(await callRest(emulator.url, 'app.option.set', { options: { mode: 'ami' } }, operator)).toMatchObject({
      status: 403,
      body: { error: 'ACCESS_DENIED' },
    });
    await callRest(emulator.url, 'app.option.set', { options: { mode: 'ami' } }, admin);
    expect((await callRest(emulator.url, 'app.option.get', { option: 'mode' }, operator)).body.result).toBe('ami');
    expect((await callRest(emulator.url, 'app.option.get', { option: 'missing' }, operator)).body.result).toBeNull();
  });

  it('binds events once and lists them', async () => {
    const bind = { event: 'OnExternalCallStart', handler: 'http://127.0.0.1:3100/api/b24/events' };
    expect((await callRest(emulator.url, 'event.bind', bind, admin)).body.result).toBe(true);
    expect(await callRest(emulator.url, 'event.bind', bind, admin)).toMatchObject({
      status: 400,
      body: { error: 'ERROR_CORE' },
    });
    expect((await callRest(emulator.url, 'event.get', {}, admin)).body.result).toEqual([
      { event: 'ONEXTERNALCALLSTART', handler: bind.handler, auth_type: '1', offline: 0 },
    ]);
    expect(
      (await callRest(emulator.url, 'event.bind', { event: 'NoSuchEvent', handler: bind.handler }, admin)).body.error,
    ).toBe('ERROR_EVENT_NOT_FOUND');
    expect((await callRest(emulator.url, 'event.unbind', bind, admin)).body.result).toEqual({ count: 1 });
  });

  it('refuses a duplicate placement with "Handler already binded" and non-admin binds', async () => {
    const bind = { PLACEMENT: 'CALL_CARD', HANDLER: 'http://127.0.0.1:3100/b24/call-card', TITLE: 'Carrier' };
    expect((await callRest(emulator.url, 'placement.bind', bind, admin)).body.result).toBe(true);
    const again = await callRest(emulator.url, 'placement.bind', bind, admin);
    expect(again.body.error_description).toContain('Handler already binded');
    expect((await callRest(emulator.url, 'placement.bind', bind, operator)).body.error).toBe('ACCESS_DENIED');
    expect((await callRest(emulator.url, 'placement.get', {}, admin)).body.result).toHaveLength(1);
    expect((await callRest(emulator.url, 'placement.unbind', { PLACEMENT: 'CALL_CARD' }, admin)).body.result).toEqual({
      count: 1,
    });
  });
});

describe('OAuth refresh', () => {
  it('gives a new pair and invalidates the old refresh token', async () => {
    const pair = emulator.issueTokens(MEMBER, 1);
    const refresh = (refreshToken: string, secret = emulator.state.clientSecret) =>
      fetch(`${emulator.url}/oauth/token/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          client_id: emulator.state.clientId,
          client_secret: secret,
          refresh_token: refreshToken,
        }),
      });
    const first = await refresh(pair.refreshToken);
    const body = (await first.json()) as Record<string, string>;
    expect(body).toMatchObject({ member_id: MEMBER, user_id: 1, client_endpoint: `${emulator.url}/rest/` });
    expect(body.refresh_token).not.toBe(pair.refreshToken);
    expect((await callRest(emulator.url, 'user.current', {}, body.access_token)).status).toBe(200);
    expect((await callRest(emulator.url, 'user.current', {}, pair.accessToken)).status).toBe(401);
    expect(await (await refresh(pair.refreshToken)).json()).toMatchObject({ error: 'invalid_grant' });
    expect(await (await refresh(body.refresh_token!, 'wrong')).json()).toMatchObject({ error: 'invalid_client' });
  });
});

describe('failure injection', () => {
  it('fails the next calls with the requested error, then recovers', async () => {
    emulator.failNext('user.current', 'QUERY_LIMIT_EXCEEDED', 2);
    emulator.failNext('*', 'OPERATION_TIME_LIMIT');
    expect((await callRest(emulator.url, 'user.current', {}, admin)).status).toBe(503);
    expect((await callRest(emulator.url, 'user.current', {}, admin)).status).toBe(503);
    expect(await callRest(emulator.url, 'user.admin', {}, admin)).toMatchObject({
      status: 429,
      body: { error: 'OPERATION_TIME_LIMIT' },
    });
    expect((await callRest(emulator.url, 'user.current', {}, admin)).status).toBe(200);
    emulator.failNext('user.current', 'expired_token');
    expect((await callRest(emulator.url, 'user.current', {}, admin)).body.error).toBe('expired_token');
    emulator.failNext('user.current', 'internal');
    expect((await callRest(emulator.url, 'user.current', {}, admin)).status).toBe(500);
  });

  it('drops the connection for a network failure', async () => {
    emulator.failNext('user.current', 'network');
    await expect(callRest(emulator.url, 'user.current', {}, admin)).rejects.toThrow();
    expect((await callRest(emulator.url, 'user.current', {}, admin)).status).toBe(200);
  });

  it('fails a seeded share of calls', async () => {
    emulator.setFailureRate(0.5, ['QUERY_LIMIT_EXCEEDED'], 42);
    const statuses = [];
    for (let index = 0; index < 20; index += 1)
      statuses.push((await callRest(emulator.url, 'user.admin', {}, admin)).status);
    emulator.setFailureRate(0);
    expect(statuses).toContain(503);
    expect(statuses).toContain(200);
  });

  it('enforces the leaky bucket when enabled', async () => {
    emulator.setRateLimit({ burst: 3, drainPerSecond: 0.001 });
    const statuses = [];
    for (let index = 0; index < 5; index += 1)
      statuses.push((await callRest(emulator.url, 'user.admin', {}, admin)).status);
    emulator.setRateLimit(undefined);
    expect(statuses).toEqual([200, 200, 200, 503, 503]);
  });
});
