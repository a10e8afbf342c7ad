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

  const call = useCallback(
    async <T,>(path: string, init: { method?: string; body?: unknown } = {}): Promise<ApiResult<T>> => {
      if (status === 'error') return { ok: false, status: 0, message: FRAME_ERROR, fields: {} };
      const currentToken = () => (status === 'frame' && b24 ? b24.auth.getAuthData() : false);
      const send = async (): Promise<{ response: Response; token?: string }> => {
        const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Accept-Language': lang };
        const auth = currentToken();
        if (auth) {
          headers['X-B24-Member-Id'] = auth.member_id;
          headers['X-B24-Auth'] = auth.access_token;
        }
        const body = init.body === undefined ? undefined : JSON.stringify(init.body);
        return { response: await fetch(path, { method: init.method ?? 'GET', headers, body, cache: 'no-store' }), token: auth ? auth.access_token : undefined };
      };
      try {
        let { response, token } = await send();
        if (response.status === 401 && status === 'frame' && b24) {
          // A refresh replaces the token pair; concurrent requests that failed with the old token must not refresh again
          // (that would revoke the pair the first refresh just got), so only the first one refreshes.
          const latest = currentToken();
          if (!latest || latest.access_token === token) await refreshOnce(() => b24.auth.refreshAuth());
          ({ response } = await send());
        }
        const data = (await response.json().catch(() => ({}))) as { message?: string; fields?: Record<string, string> };
        if (response.ok) return { ok: true, data: data as T };
        return { ok: false, status: response.status, message: data.message ?? `HTTP ${response.status}`, fields: data.fields ?? {} };
      } catch {
        return { ok: false, status: 0, message: NETWORK_ERROR, fields: {} };
      }
    },
    [status, b24, lang],
  );

  return { ready: status !== 'loading', lang, call };
}
