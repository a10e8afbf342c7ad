export type PickRouteUrlOptions = { publicUrl: string; dialplanListen: string };

const ROUTE_PATH = '/api/asterisk/route';
const ANY_ADDRESS = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The URL the PBX asks for a desk-phone route. The dedicated listener answers faster than Next.js, so it wins when it
 * is on; listening on every address, it is reached at the public host name on the listener's port.
 */
export function pickRouteUrl({ publicUrl, dialplanListen }: PickRouteUrlOptions): string {
  if (dialplanListen === 'off') return new URL(ROUTE_PATH, publicUrl).toString();
  const split = dialplanListen.lastIndexOf(':');
  const host = dialplanListen.slice(0, split);
  const port = dialplanListen.slice(split + 1);
  const reachable = ANY_ADDRESS.has(host) ? new URL(publicUrl).hostname : host;
  return `http://${reachable}:${port}${ROUTE_PATH}`;
}
