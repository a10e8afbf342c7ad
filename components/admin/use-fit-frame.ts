'use client';

import { useEffect } from 'react';
import { useB24Frame } from '@/components/bitrix24/frame-provider';

/**
 * Inside Bitrix24 the portal sizes the app's iframe; a long settings table would be cut off at the portal's default
 * height. Whenever the page's content changes size, ask the portal to fit the frame to it (BX24.fitWindow).
 */
export function useFitFrame(): void {
  const { status, b24 } = useB24Frame();
  useEffect(() => {
    if (status !== 'frame' || !b24) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fitToContent = () => {
      clearTimeout(timer);
      // Coalesce a burst of layout changes (typing, rows added) into one message to the portal.
      timer = setTimeout(() => void b24.parent.fitWindow().catch(() => undefined), 100);
    };
    const observer = new ResizeObserver(fitToContent);
    observer.observe(document.body);
    fitToContent();
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [status, b24]);
}
