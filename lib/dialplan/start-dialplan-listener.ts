import { log } from '../log/log';
import { STATUS_CODES } from 'node:http';
import net from 'node:net';
import { getConfig } from '../config/load-config';
import { getDb } from '../db/client';
import { getNumberingData } from '../numbering/store';
import { findRoutingPortal } from '../portals/find-routing-portal';
import { AppError } from '../errors/app-error';
import { answerDialplanRequest, TEXT, type DialplanAnswer, type ReadSimLoad } from './answer-dialplan-request';
import { answerIncomingRequest } from './answer-incoming-request';
import { authoriseDialplanPeer } from './authorise-dialplan-peer';
import { guardDialplanConnections, LOOPBACK_ADDRESSES, trustedDialplanAddresses } from './guard-dialplan-connections';
import {
  isHeadRejection,
  MAX_HEAD_BYTES,
  parseDialplanRequestHead,
  type DialplanRequestHead,
} from './parse-dialplan-request-head';
import { getRoutingContext } from '../routing/settings/get-routing-context';

const holder = globalThis as typeof globalThis & { __dialplanListener?: net.Server };
/**
 * The whole request head must have arrived by then, counted from the connection, however it trickles in (node:http
 * allows 60 s; a PBX sends its ~150 bytes at once, and gives up after 1 s itself).
 */
const HEAD_DEADLINE_MS = 1_000;
/** Once the head is in: the answer normally takes milliseconds; this only ends a connection nobody will finish. */
const ANSWER_TIMEOUT_MS = 5_000;
const MAX_CONNECTIONS = 1_024;
/** Slots only the PBX's own addresses may use (loopback, the configured PBX hosts). */
const RESERVED_FOR_PBX = 128;
/** Connections at once from one address that is not the PBX's. */
const MAX_PER_ADDRESS = 16;

export type StartDialplanListenerOptions = {
  listen?: string;
  /** Where the live SIM load comes from: the dialplan process passes what the app sends it, a test its own tracking. */
  readSimLoad: ReadSimLoad;
  /** Extensions on a call now, for incoming calls' manager-first answer (default: none known). */
  readBusyExtensions?: () => readonly string[];
};

/**
 * The dialplan's own door to the routing decision, beside Next.js: GET /api/asterisk/route answered exactly like the
 * Next.js route (same function), at a fraction of the latency. Started once per process (the dialplan process) and
 * kept on globalThis.
 *
 * It speaks HTTP/1.x over `net` itself instead of node:http: one request per connection (`Connection: close`, which
 * is what CURL() does anyway), a GET without a body, a head of at most 8 KB. On the bench machine (2 cores) node:http
 * alone — a server answering a constant — has a p99 of 0.9–2.7 ms at 500 new connections/s, a bare `net` server
 * 0.7–1.9 ms, and node:http's per-request objects tripled this process's garbage (a 3–6 ms young-generation pause every
 * 1.5 s at that rate). bench/route-endpoint.bench.ts measures the whole endpoint against the node:http baseline.
 */
export function startDialplanListener({
  listen = getConfig().DIALPLAN_LISTEN,
  readSimLoad,
  readBusyExtensions = () => [],
}: StartDialplanListenerOptions): net.Server | null {
  if (listen === 'off') return null;
  if (holder.__dialplanListener) return holder.__dialplanListener;
  const colon = listen.lastIndexOf(':');
  const host = listen.slice(0, colon).replace(/^\[|\]$/g, '');
  const port = Number(listen.slice(colon + 1));
  const guard = guardDialplanConnections({
    trusted: trustedDialplanAddresses(getConfig().pbxes.map((pbx) => pbx.host)),
    maxConnections: MAX_CONNECTIONS,
    reservedForTrusted: RESERVED_FOR_PBX,
    maxPerAddress: MAX_PER_ADDRESS,
  });
  const server = net.createServer((socket) => {
    const address = socket.remoteAddress ?? '';
    if (!guard.admit(address)) return socket.destroy();
    socket.once('close', () => guard.release(address));
    serveConnection(socket, { readSimLoad, readBusyExtensions });
  });
  // A backstop only: the guard refuses first, and keeps its reserve for the PBX.
  server.maxConnections = MAX_CONNECTIONS + 1;
  server.on('error', (error) => log.error('dialplan: listener failed', { listen, error }));
  server.listen(port, host);
  holder.__dialplanListener = server;
  warmUp(readSimLoad);
  return server;
}

/**
 * Load the registry index, the database client, the routing settings and the SIM load now, not on the first desk-phone
 * call: cold, that call can take longer than the dialplan's 1 s timeout and would leave through the default trunk.
 */
function warmUp(readSimLoad: ReadSimLoad): void {
  const db = getDb();
  const portalData = (portalId: number) =>
    Promise.all([getRoutingContext({ portalId, db }), readSimLoad(db, portalId)]);
  Promise.all([getNumberingData({ db }), findRoutingPortal({ db }).then(portalData)]).catch((error: unknown) =>
    log.error('dialplan: warm-up failed (the first calls may use the default trunk)', { error }),
  );
}

/**
 * Reads one request head (latin1: header bytes are octets) within the deadline, answers it, closes. A peer that is not
 * on this machine is checked for the secret before anything else in its request is looked at.
 */
type LiveReaders = { readSimLoad: ReadSimLoad; readBusyExtensions: () => readonly string[] };

function serveConnection(socket: net.Socket, live: LiveReaders): void {
  let received = '';
  const fromLoopback = LOOPBACK_ADDRESSES.has(socket.remoteAddress ?? '');
  socket.setNoDelay(true);
  const deadline = setTimeout(() => socket.destroy(), HEAD_DEADLINE_MS);
  socket.once('close', () => clearTimeout(deadline));
  socket.on('error', () => socket.destroy());
  const onData = (chunk: Buffer) => {
    received += chunk.toString('latin1');
    const end = received.indexOf('\r\n\r\n');
    if (end < 0 && received.length <= MAX_HEAD_BYTES) return;
    socket.off('data', onData);
    clearTimeout(deadline);
    socket.setTimeout(ANSWER_TIMEOUT_MS, () => socket.destroy());
    const head = parseDialplanRequestHead(end < 0 ? received : received.slice(0, end));
    if (isHeadRejection(head)) {
      const refused = fromLoopback ? null : refuseStranger(null);
      return reply(socket, refused ?? { status: head.status, contentType: TEXT, body: `ERROR ${head.code}` });
    }
    const refused = fromLoopback ? null : refuseStranger(head.secret);
    if (refused) return reply(socket, refused);
    void answer(head, fromLoopback, live).then((response) => reply(socket, response));
  };
  socket.on('data', onData);
}

/** A peer from elsewhere without the right X-Dialplan-Secret header gets this answer and nothing more. */
function refuseStranger(secret: string | null): DialplanAnswer | null {
  try {
    authoriseDialplanPeer({ secret, fromLoopback: false });
    return null;
  } catch (error) {
    if (!AppError.is(error)) throw error;
    return { status: error.status, contentType: TEXT, body: `ERROR ${error.code}` };
  }
}

async function answer(head: DialplanRequestHead, fromLoopback: boolean, live: LiveReaders): Promise<DialplanAnswer> {
  try {
    const incoming = head.path === '/api/asterisk/incoming';
    if (head.method !== 'GET' || (head.path !== '/api/asterisk/route' && !incoming))
      return { status: 404, contentType: TEXT, body: 'ERROR NOT_FOUND' };
    const q = head.query;
    const number = q.get('number');
    if (!number || number.length > 40) return { status: 400, contentType: TEXT, body: 'ERROR INVALID_INPUT' };
    if (incoming)
      return await answerIncomingRequest({
        number,
        portal: q.get('portal')?.slice(0, 100) || undefined,
        secret: head.secret,
        fromLoopback,
        readBusyExtensions: live.readBusyExtensions,
      });
    const { readSimLoad } = live;
    return await answerDialplanRequest({
      number,
      ext: q.get('ext')?.slice(0, 20) || undefined,
      line: q.get('line')?.slice(0, 50) || undefined,
      portal: q.get('portal')?.slice(0, 100) || undefined,
      lang: q.get('lang') ?? undefined,
      json: q.get('format') === 'json' || head.accept.includes('application/json'),
      dial: q.get('format') === 'dial',
      dials: q.get('format') === 'dials',
      record: q.get('format') === 'record' ? { linkedId: q.get('call')?.slice(0, 101) ?? '' } : undefined,
      secret: head.secret,
      fromLoopback,
      readSimLoad,
    });
  } catch (error) {
    log.error('dialplan: unexpected error', { error });
    return { status: 500, contentType: TEXT, body: 'ERROR INTERNAL' };
  }
}

function reply(socket: net.Socket, { status, contentType, body }: DialplanAnswer): void {
  if (socket.destroyed) return;
  const head =
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nContent-Type: ${contentType}\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
  socket.end(head + body);
}
