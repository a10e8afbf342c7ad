import type { B24Frame } from '@bitrix24/b24jssdk';

/** How the page relates to Bitrix24, decided once per page load. */
export type FrameConnection =
  | { status: 'frame'; b24: B24Frame }
  | { status: 'standalone' }
  | { status: 'error'; error: string };

/** The SDK's getInitData never times out: give up on a silent parent after this long. */
export const FRAME_INIT_TIMEOUT_MS = 10_000;

let connection: Promise<FrameConnection> | null = null;

/**
 * Connects to the portal at most once per page. The promise lives at module level so React StrictMode's double
 * effects (and every consumer) share one SDK instance, which is never destroyed: after `destroy()` the SDK hands out
 * the same dead instance again.
 */
export function connectB24Frame(): Promise<FrameConnection> {
  connection ??= openConnection();
  return connection;
}

async function openConnection(): Promise<FrameConnection> {
  // The portal names the iframe DOMAIN|PROTOCOL|APP_SID; a top-level window or any other name means "not in Bitrix24".
  if (window.parent === window || !window.name.includes('|')) return { status: 'standalone' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const { initializeB24Frame } = await import('@bitrix24/b24jssdk');
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('Bitrix24 did not answer getInitData')), FRAME_INIT_TIMEOUT_MS);
    });
    const b24 = await Promise.race([initializeB24Frame(), timeout]);
    return { status: 'frame', b24 };
  } catch (error) {
    return { status: 'error', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
