/**
 * The Bitrix24 cloud emulator for tests: one loopback HTTP server hosting several portals (REST at /rest/<method>,
 * OAuth at /oauth/token/, an emulated portal page at /portal/app that frames the app like Bitrix24 does).
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmulatorState } from './emulator-state';
import { createPortal, describeTokens, findPortal, issueTokens } from './emulator-state';
import { executeRestCall } from './execute-rest-call';
import type { Delivery, FireEventOptions } from './fire-event';
import { fireEvent } from './fire-event';
import { answerControlApi } from './control-api';
import { answerOAuthToken } from './oauth-token';
import { setDefaultLine } from './default-line';
import { updateApp, type UpdateAppOptions } from './update-app';
import { answerPortalApi } from './portal-api';
import { readParams } from './read-request';
import type { InjectedFailure, Portal, PortalSeed, RecordedCall, TokenRecord } from './types';

export type StartEmulatorOptions = {
  /** 0 = any free port. Always bound to 127.0.0.1. */
  port?: number;
  portals: PortalSeed[];
  /** Origin (+ optional base path) of the app; frames load `<appUrl>/b24<path>`. */
  appUrl: string;
  clientId?: string;
  clientSecret?: string;
};

export type EmulatorHandle = {
  url: string;
  host: string;
  state: EmulatorState;
  readonly calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  portal(key: string): Portal;
  fireEvent(
    portal: string,
    event: string,
    data: Record<string, unknown>,
    options?: FireEventOptions,
  ): Promise<Delivery[]>;
  /** ONEXTERNALCALLBACKSTART as a CRM form's visitor orders it: no user behind the hit, so no tokens in `auth`. */
  fireCrmFormCallback(portal: string, data: Record<string, unknown>): Promise<Delivery[]>;
  /** The portal's default outgoing line (`REST_APP:1` = this app), or one user's own choice when `userId` is given. */
  setDefaultLine(portal: string, line: string, userId?: number): void;
  /** A version update: new application_token, bound events dropped, ONAPPUPDATE to `handler`. */
  updateApp(portal: string, options: UpdateAppOptions): Promise<Delivery[]>;
  failNext(method: string, error: InjectedFailure, count?: number): void;
  setFailureRate(rate: number, errors?: InjectedFailure[], seed?: number): void;
  setRateLimit(limit: { burst: number; drainPerSecond: number } | undefined): void;
  expireToken(portal: string): void;
  issueTokens(portal: string, userId: number): TokenRecord;
  /** The auth block an install callback carries: tokens of `userId` plus application_token, endpoints, member_id. */
  installAuth(portal: string, userId: number): Record<string, string>;
  close(): Promise<void>;
};

const PAGE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'portal-page');
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization, X-Requested-With, X-Sdk',
  'Access-Control-Max-Age': '600',
};

function send(response: ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8') {
  response.writeHead(status, { ...CORS_HEADERS, 'Content-Type': type });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Deterministic PRNG so a seeded failure rate gives the same sequence on every run. */
function seededRandom(seed: number): () => number {
  let value = seed >>> 0 || 1;
  return () => {
    value = (Math.imul(value, 1664525) + 1013904223) >>> 0;
    return value / 2 ** 32;
  };
}

async function route(state: EmulatorState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', state.url);
  // The SDK joins client_endpoint ("…/rest/") and the method with another "/"; the real portal accepts "//".
  url.pathname = url.pathname.replace(/\/{2,}/g, '/');
  if (request.method === 'OPTIONS') {
    response.writeHead(204, CORS_HEADERS);
    response.end();
    return;
  }
  const restMatch = /^\/rest\/(.+?)\/?$/.exec(url.pathname);
  if (restMatch?.[1]) {
    const { auth, ...params } = await readParams(request, url);
    const outcome = executeRestCall(state, decodeURIComponent(restMatch[1]), params, auth ? String(auth) : undefined);
    if (outcome.kind === 'network-drop') {
      request.socket.destroy();
      return;
    }
    send(response, outcome.status, outcome.body);
    return;
  }
  if (url.pathname === '/oauth/token/' || url.pathname === '/oauth/token') {
    state.oauthRequests.push({ method: request.method ?? '', grantType: url.searchParams.get('grant_type') ?? '' });
    const outcome = answerOAuthToken(state, await readParams(request, url));
    send(response, outcome.status, outcome.body);
    return;
  }
  if (url.pathname === '/portal/app') {
    send(response, 200, await readFile(path.join(PAGE_DIR, 'app.html'), 'utf8'), 'text/html; charset=utf-8');
    return;
  }
  if (url.pathname === '/portal/parent.js') {
    send(response, 200, await readFile(path.join(PAGE_DIR, 'parent.js'), 'utf8'), 'text/javascript; charset=utf-8');
    return;
  }
  const apiMatch = /^\/portal\/api\/(\w+)$/.exec(url.pathname);
  if (apiMatch?.[1] && request.method === 'POST') {
    const outcome = answerPortalApi(state, apiMatch[1], await readParams(request, url));
    send(response, outcome.status, outcome.body);
    return;
  }
  const controlMatch = /^\/__emulator\/([\w-]+)$/.exec(url.pathname);
  if (controlMatch?.[1]) {
    const outcome = await answerControlApi(state, controlMatch[1], await readParams(request, url), url.searchParams);
    send(response, outcome.status, outcome.body);
    return;
  }
  send(response, 404, { error: 'NOT_FOUND', error_description: `No route ${url.pathname}` });
}

export async function startEmulator(options: StartEmulatorOptions): Promise<EmulatorHandle> {
  const state: EmulatorState = {
    url: '',
    host: '',
    appUrl: options.appUrl.replace(/\/$/, ''),
    clientId: options.clientId ?? 'local.emulator-app',
    clientSecret: options.clientSecret ?? 'emulator-secret',
    portals: new Map(),
    tokens: new Map(),
    refreshTokens: new Map(),
    calls: [],
    plannedFailures: [],
    failureRate: { rate: 0, errors: [], random: Math.random },
    oauthRequests: [],
  };
  const server = createServer((request, response) => {
    route(state, request, response).catch((error: unknown) => {
      console.error('[bitrix24-emulator]', error);
      if (!response.headersSent)
        send(response, 500, { error: 'INTERNAL_SERVER_ERROR', error_description: String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  state.host = `127.0.0.1:${port}`;
  state.url = `http://${state.host}`;
  for (const seed of options.portals) state.portals.set(seed.memberId, createPortal(seed, state.host));

  return {
    url: state.url,
    host: state.host,
    state,
    get calls() {
      return state.calls;
    },
    callsTo: (method) => state.calls.filter((call) => call.method.toLowerCase() === method.toLowerCase()),
    portal: (key) => findPortal(state, key),
    fireEvent: (portal, event, data, fireOptions) => fireEvent(state, portal, event, data, fireOptions),
    fireCrmFormCallback: (portal, data) =>
      fireEvent(state, portal, 'ONEXTERNALCALLBACKSTART', data, { withTokens: false }),
    setDefaultLine: (portal, line, userId) => setDefaultLine(findPortal(state, portal), line, userId),
    updateApp: (portal, updateOptions) => updateApp(state, portal, updateOptions),
    failNext: (method, error, count = 1) => state.plannedFailures.push({ method, error, remaining: count }),
    setFailureRate: (rate, errors = ['QUERY_LIMIT_EXCEEDED'], seed) => {
      state.failureRate = { rate, errors, random: seed === undefined ? Math.random : seededRandom(seed) };
    },
    setRateLimit: (limit) => {
      state.rateLimit = limit && { ...limit, buckets: new Map() };
    },
    expireToken: (portal) => {
      const memberId = findPortal(state, portal).memberId;
      for (const token of state.tokens.values()) if (token.memberId === memberId) token.expiresAt = Date.now() - 1000;
    },
    issueTokens: (portal, userId) => issueTokens(state, findPortal(state, portal).memberId, userId),
    installAuth: (portal, userId) => {
      const found = findPortal(state, portal);
      return describeTokens(state, found, issueTokens(state, found.memberId, userId));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
