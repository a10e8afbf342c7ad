import http from 'node:http';
import { readLiveSimLoad } from '../calls/read-live-sim-load';
import { getConfig } from '../config/load-config';
import { getDb } from '../db/client';
import { getNumberingData } from '../numbering/store/get-numbering-data';
import { findRoutingPortal } from '../portals/find-routing-portal';
import { answerDialplanRequest, type ReadSimLoad } from './answer-dialplan-request';
import { getRoutingContext } from './settings/get-routing-context';

const holder = globalThis as typeof globalThis & { __dialplanListener?: http.Server };
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export type StartDialplanListenerOptions = {
  listen?: string;
  /** Default: this thread's call tracking. The dialplan worker passes the load the main thread posts to it. */
  readSimLoad?: ReadSimLoad;
};

/**
 * The dialplan's own door to the routing decision, beside Next.js: a bare node:http server answering
 * GET /api/asterisk/route exactly like the Next.js route (same function), at a fraction of the latency (measured in
 * bench/route-endpoint.bench.ts). Started once per process from instrumentation.ts and kept on globalThis.
 */
export function startDialplanListener({ listen = getConfig().DIALPLAN_LISTEN, readSimLoad = readLiveSimLoad }: StartDialplanListenerOptions = {}): http.Server | null {
  if (listen === 'off') return null;
  if (holder.__dialplanListener) return holder.__dialplanListener;
  const colon = listen.lastIndexOf(':');
  const host = listen.slice(0, colon).replace(/^\[|\]$/g, '');
  const port = Number(listen.slice(colon + 1));
  const server = http.createServer((req, res) => void handle(req, res, readSimLoad));
  server.keepAliveTimeout = 5_000;
  server.on('error', (error) => console.error(`[dialplan] listener on ${listen} failed: ${error.message}`));
  server.listen(port, host);
  holder.__dialplanListener = server;
  warmUp(readSimLoad);
  return server;
}

/**
 * Load the registry index, the database client, the routing settings and the SIM load now, not on the first desk-phone call: cold,
 * that call can take longer than the dialplan's 1 s timeout and would leave through the default trunk.
 */
function warmUp(readSimLoad: ReadSimLoad): void {
  const db = getDb();
  const portalData = (portalId: number) => Promise.all([getRoutingContext({ portalId, db }), readSimLoad(db, portalId)]);
  Promise.all([getNumberingData({ db }), findRoutingPortal({ db }).then(portalData)]).catch((error: unknown) =>
    console.error(`[dialplan] warm-up failed (the first calls may use the default trunk): ${(error as Error).message}`),
  );
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse, readSimLoad: ReadSimLoad): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', 'http://dialplan');
    if (req.method !== 'GET' || url.pathname !== '/api/asterisk/route') return send(res, 404, 'text/plain', 'ERROR NOT_FOUND');
    const q = url.searchParams;
    const number = q.get('number');
    if (!number || number.length > 40) return send(res, 400, 'text/plain', 'ERROR INVALID_INPUT');
    const response = await answerDialplanRequest({
      number,
      ext: q.get('ext')?.slice(0, 20) || undefined,
      line: q.get('line')?.slice(0, 50) || undefined,
      portal: q.get('portal')?.slice(0, 100) || undefined,
      lang: q.get('lang') ?? undefined,
      json: q.get('format') === 'json' || (req.headers.accept ?? '').includes('application/json'),
      secret: (req.headers['x-dialplan-secret'] as string | undefined) ?? q.get('secret'),
      fromLoopback: LOOPBACK.has(req.socket.remoteAddress ?? ''),
      readSimLoad,
    });
    send(res, response.status, response.contentType, response.body);
  } catch (error) {
    console.error('[dialplan] unexpected error', error);
    send(res, 500, 'text/plain', 'ERROR INTERNAL');
  }
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
