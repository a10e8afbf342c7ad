/** The emulator's in-memory world: portals, OAuth tokens, the call log and injected failures. */
import { APP_LINE } from './default-line';
import { randomBytes } from 'node:crypto';
import type { InjectedFailure, Portal, PortalSeed, RecordedCall, TokenRecord, UserSeed } from './types';

export const ACCESS_TOKEN_TTL_SECONDS = 3600;
export const DEFAULT_SCOPE = ['telephony', 'user', 'user_brief', 'department', 'placement', 'crm', 'call', 'app', 'im'];

export type PlannedFailure = { method: string; error: InjectedFailure; remaining: number };

export type EmulatorState = {
  /** Base URL `http://127.0.0.1:<port>`, known once the server listens. */
  url: string;
  /** `127.0.0.1:<port>`: the DOMAIN the SDK in the iframe talks to. */
  host: string;
  appUrl: string;
  clientId: string;
  clientSecret: string;
  portals: Map<string, Portal>;
  tokens: Map<string, TokenRecord>;
  refreshTokens: Map<string, TokenRecord>;
  calls: RecordedCall[];
  plannedFailures: PlannedFailure[];
  failureRate: { rate: number; errors: InjectedFailure[]; random: () => number };
  /** Requests to /oauth/token/: auto-renewal.md documents a GET. */
  oauthRequests: Array<{ method: string; grantType: string }>;
  rateLimit?: { burst: number; drainPerSecond: number; buckets: Map<string, { level: number; at: number }> };
};

export function createPortal(seed: PortalSeed, host: string): Portal {
  return {
    memberId: seed.memberId,
    domain: seed.domain ?? host,
    users: seed.users.map((user) => ({ ACTIVE: true, UF_DEPARTMENT: [], ...user })),
    departments: seed.departments ?? [],
    crm: seed.crm ?? [],
    appOptions: { ...(seed.appOptions ?? {}) },
    userOptions: new Map(),
    scope: seed.scope ?? DEFAULT_SCOPE,
    installed: seed.installed ?? true,
    applicationToken: seed.applicationToken ?? randomHex(16),
    defaultLine: seed.defaultLine ?? APP_LINE,
    userDefaultLines: new Map(),
    openedBy: new Set(),
    status: seed.status ?? 'L',
    lang: seed.lang ?? 'ru',
    events: [],
    placements: [],
    lines: [],
    calls: [],
    notifications: [],
    nextId: 1,
  };
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** Portal by member_id or domain (several portals may share the emulator's host, so member_id wins). */
export function findPortal(state: EmulatorState, key: string): Portal {
  const portal = state.portals.get(key) ?? [...state.portals.values()].find((item) => item.domain === key);
  if (!portal) throw new Error(`Bitrix24 emulator: no portal "${key}"`);
  return portal;
}

export function findUser(portal: Portal, userId: number): UserSeed {
  const user = portal.users.find((item) => item.ID === userId);
  if (!user) throw new Error(`Bitrix24 emulator: portal ${portal.memberId} has no user ${userId}`);
  return user;
}

/** A fresh access/refresh pair for one user of one portal, as OAuth or the portal's frame would hand out. */
export function issueTokens(state: EmulatorState, memberId: string, userId: number): TokenRecord {
  findUser(findPortal(state, memberId), userId);
  const record: TokenRecord = {
    accessToken: randomHex(32),
    refreshToken: randomHex(32),
    memberId,
    userId,
    expiresAt: Date.now() + ACCESS_TOKEN_TTL_SECONDS * 1000,
  };
  state.tokens.set(record.accessToken, record);
  state.refreshTokens.set(record.refreshToken, record);
  return record;
}

/** Every refresh returns a new pair and invalidates the old refresh token (settings/oauth/auto-renewal.md). */
export function refreshTokens(state: EmulatorState, refreshToken: string): TokenRecord | undefined {
  const old = state.refreshTokens.get(refreshToken);
  if (!old) return undefined;
  state.refreshTokens.delete(refreshToken);
  state.tokens.delete(old.accessToken);
  return issueTokens(state, old.memberId, old.userId);
}

/**
 * Everything known about a token pair, for tests that seed an installed portal (`installAuth`). Events carry fewer
 * keys: see describeEventAuth in fire-event.ts.
 */
export function describeTokens(state: EmulatorState, portal: Portal, record: TokenRecord): Record<string, string> {
  return {
    access_token: record.accessToken,
    expires: String(Math.floor(record.expiresAt / 1000)),
    expires_in: String(ACCESS_TOKEN_TTL_SECONDS),
    scope: portal.scope.join(','),
    domain: portal.domain,
    server_endpoint: `${state.url}/rest/`,
    status: portal.status,
    client_endpoint: `${state.url}/rest/`,
    member_id: portal.memberId,
    user_id: String(record.userId),
    refresh_token: record.refreshToken,
    application_token: portal.applicationToken,
  };
}
