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
      const send = async (): Promise<Response> => {
        const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Accept-Language': lang };
        const auth = status === 'frame' && b24 ? b24.auth.getAuthData() : false;
        if (auth) {
          headers['X-B24-Member-Id'] = auth.member_id;
          headers['X-B24-Auth'] = auth.access_token;
        }
        const body = init.body === undefined ? undefined : JSON.stringify(init.body);
        return fetch(path, { method: init.method ?? 'GET', headers, body, cache: 'no-store' });
      };
      try {
        let response = await send();
        if (response.status === 401 && status === 'frame' && b24) {
          await b24.auth.refreshAuth();
          response = await send();
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
