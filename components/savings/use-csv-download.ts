'use client';

import { useCallback, useState } from 'react';
import { useB24Frame } from '@/components/bitrix24/frame-provider';

/**
 * Downloads a CSV export as the viewer: inside Bitrix24 a plain link would carry no proof of the portal session, so
 * the file is fetched with the frame's member id and token (as useAdminApi does) and handed to the browser as a blob.
 */
export function useCsvDownload(): {
  busy: boolean;
  error: string | null;
  download(path: string, fileName: string): Promise<void>;
} {
  const { status, b24, lang } = useB24Frame();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = useCallback(
    async (path: string, fileName: string) => {
      setBusy(true);
      setError(null);
      try {
        const headers: Record<string, string> = { 'Accept-Language': lang };
        const auth = status === 'frame' && b24 ? b24.auth.getAuthData() : false;
        if (auth) {
          headers['X-B24-Member-Id'] = auth.member_id;
          headers['X-B24-Auth'] = auth.access_token;
        }
        const response = await fetch(path, { headers, cache: 'no-store' });
        if (!response.ok)
          throw new Error(
            ((await response.json().catch(() => ({}))) as { message?: string }).message ?? `HTTP ${response.status}`,
          );
        const url = URL.createObjectURL(await response.blob());
        const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
      } finally {
        setBusy(false);
      }
    },
    [status, b24, lang],
  );
  return { busy, error, download };
}
