'use client';

import { useCallback } from 'react';
import { useB24Frame } from '@/components/bitrix24/frame-provider';
import type { Lang } from '@/lib/i18n/lang';

export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; message: string; fields: Record<string, string> };

export type AdminApi = {
  /** False until the page knows whether it runs inside a portal (requests must carry the frame's session). */
  ready: boolean;
  lang: Lang;
  call<T>(path: string, init?: { method?: string; body?: unknown }): Promise<ApiResult<T>>;
  /**
   * For a request this hook cannot send itself (an XMLHttpRequest upload, for its progress events): the same language
   * and frame-session headers `call` sends, and the token they carry (to hand to `refreshAfter401`).
   */
  authHeaders(): { headers: Record<string, string>; token?: string };
  /**
   * After such a request got 401: refresh the frame's token (once for a burst). False when there is nothing to refresh.
   */
  refreshAfter401(token?: string): Promise<boolean>;
};

let refreshing: Promise<unknown> | null = null;
function refreshOnce(refresh: () => Promise<unknown>): Promise<unknown> {
  refreshing ??= refresh().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

const NETWORK_ERROR = 'Нет связи с сервером приложения / The app server is unreachable';
const FRAME_ERROR = 'Не удалось подключиться к Битрикс24 / Could not connect to Bitrix24';

/**
 * Calls the app's settings API as the viewer. Inside Bitrix24 every request carries the frame's member id and access
 * token (the server asks the portal who that is); standalone pages send none and act on the local portal. An expired
 * token is refreshed through the portal once and the request repeated.
 */
export function useAdminApi(): AdminApi {
  const frame = useB24Frame();
  const { status, b24, lang } = frame;

  const authHeaders = useCallback((): { headers: Record<string, string>; token?: string } => {
    const headers: Record<string, string> = { 'Accept-Language': lang };
    const auth = status === 'frame' && b24 ? b24.auth.getAuthData() : false;
    if (!auth) return { headers };
    headers['X-B24-Member-Id'] = auth.member_id;
    headers['X-B24-Auth'] = auth.access_token;
    return { headers, token: auth.access_token };
  }, [status, b24, lang]);

  const refreshAfter401 = useCallback(
    async (token?: string): Promise<boolean> => {
      if (status !== 'frame' || !b24) return false;
      // A refresh replaces the token pair; concurrent requests that failed with the old token must not refresh again
      // (that would revoke the pair the first refresh just got), so only the first one refreshes.
      const latest = b24.auth.getAuthData();
      if (!latest || latest.access_token === token) await refreshOnce(() => b24.auth.refreshAuth());
      return true;
    },
    [status, b24],
  );

  const call = useCallback(
    async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<ApiResult<T>> => {
      if (status === 'error') return { ok: false, status: 0, message: FRAME_ERROR, fields: {} };
      const send = async (): Promise<{ response: Response; token?: string }> => {
        const { headers, token } = authHeaders();
        const body = init.body === undefined ? undefined : JSON.stringify(init.body);
        const response = await fetch(path, {
          method: init.method ?? 'GET',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body,
          cache: 'no-store',
        });
        return { response, token };
      };
      try {
        let { response, token } = await send();
        if (response.status === 401 && (await refreshAfter401(token))) ({ response } = await send());
        const data = (await response.json().catch(() => ({}))) as { message?: string; fields?: Record<string, string> };
        if (response.ok) return { ok: true, data: data as T };
        return {
          ok: false,
          status: response.status,
          message: data.message ?? `HTTP ${response.status}`,
          fields: data.fields ?? {},
        };
      } catch {
        return { ok: false, status: 0, message: NETWORK_ERROR, fields: {} };
      }
    },
    [status, authHeaders, refreshAfter401],
  );

  return { ready: status !== 'loading', lang, call, authHeaders, refreshAfter401 };
}
