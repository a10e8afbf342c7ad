/**
 * Incoming-call card latency against the real Asterisk pair and the Bitrix24 emulator (`eval "$(npm run -s peers --
 * up)"` first, under the shared PBX lock): `npx tsx bench/incoming-card.bench.ts`. Target: the app adds ≤ 20 ms p99.
 *
 * CALLS incoming calls, AT_ONCE ringing at a time, come in through the gateway simulator on the MTS line, whose group
 * rings phones 101–103; every phone rings without answering and each client gives up after RING_MS. The calls arrive
 * one every RING_MS / AT_ONCE, so AT_ONCE ring at any moment; --burst makes them arrive AT_ONCE in the same instant,
 * wave after wave (the worst case: every card of a wave competes for the same milliseconds). Measured per call:
 *  - from the AMI DialBegin that rings the first user (as the app's AMI manager hands it over) to the `register`
 *    request leaving the app (handed to the kernel whole): it carries that user's card (SHOW=1); also when the
 *    emulator, in this process and on its event loop, reads register;
 *  - for each later user rung, from their DialBegin to their `show` leaving. A show needs register's CALL_ID, so the
 *    app's own part is counted from the later of the ring and register's answer (its outbox row done);
 *  - the floor, in the same run and under the same load: an AMI Ping round trip on the same connection, every 20 ms.
 * First AT_ONCE calls warm the app up (the first after a start compile each query shape and open the REST client and
 * connections): printed apart as the cold start, left out of everything else, the floor included.
 * The emulator answers at once (it runs in this process, so its work is counted in the app's time) and the outbox is
 * not held to Bitrix24's 2 requests/s per portal (a burst of 20 calls' cards would otherwise queue behind the limit:
 * that is Bitrix24's time, not the app's). --rate-limited keeps the limit. Nothing asserted.
 */
import type { AmiMessage } from '../lib/asterisk/ami/ami-message';
import { callIntoPbx } from '../lib/calls/testing/call-into-pbx';
import { startBitrix24ClickToCall } from '../lib/calls/testing/bitrix24-click-to-call-harness';
import { watchOutgoingRequests } from './support/watch-outgoing-requests';

const CALLS = 200;
const AT_ONCE = 20;
const RING_MS = 2_500;

const limited = process.argv.includes('--rate-limited');
const burst = process.argv.includes('--burst');
const b = await startBitrix24ClickToCall(limited ? {} : { outboxRate: { ratePerSecond: 1_000, burst: 1_000 } });
await b.db.listEntry.create({ data: { portalId: b.portalId, list: 'whitelist_department', value: '1' } });
for (const ext of ['101', '102', '103']) await b.h.setGateway(`PHONE_MODE_${ext}`, 'noanswer');

const ringAt = new Map<string, number>();
/** When each user was first rung, by `${linkedId}/${b24UserId}`. */
const userRingAt = new Map<string, number>();
const userOfExtension = new Map(
  (await b.db.user.findMany({ where: { portalId: b.portalId }, select: { extension: true, b24UserId: true } })).map(
    (user) => [user.extension, user.b24UserId],
  ),
);
const cardAt = new Map<string, number>();
b.h.tracking.on('card', (change: { call: { linkedId: string } }) => {
  if (!cardAt.has(change.call.linkedId)) cardAt.set(change.call.linkedId, performance.timeOrigin + performance.now());
});
b.h.manager.on('event', (event: AmiMessage) => {
  if (event.Event !== 'DialBegin' || !/^PJSIP\/10[1-3]-/.test(String(event.DestChannel ?? ''))) return;
  const linkedId = String(event.DestLinkedid ?? event.Linkedid ?? '');
  const now = performance.timeOrigin + performance.now();
  if (!ringAt.has(linkedId)) ringAt.set(linkedId, now);
  const userKey = `${linkedId}/${userOfExtension.get(String(event.DestChannel).slice(6, 9))}`;
  if (!userRingAt.has(userKey)) userRingAt.set(userKey, now);
});

const pings: number[] = [];
let pinging = true;
const pinger = (async () => {
  while (pinging) {
    const start = performance.now();
    // The watchdog rejects a Ping left unanswered 1.5 s (a blocked event loop): that is a sample too, not a crash.
    await b.h.manager.action({ Action: 'Ping' }).catch(() => undefined);
    pings.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
})();

const outgoing = watchOutgoingRequests();
const call = (n: number) =>
  callIntoPbx({
    gateway: b.h.gateway,
    through: 'mts',
    lineNumber: '74950000003',
    from: `7903${String(n).padStart(7, '0')}`,
    abandonAfterMs: RING_MS,
  });

// Warm-up, not in the figures: the first calls after the app starts pay once for compiling each query shape, the
// portal's REST client and the first connections. Their cards are printed apart, as the cold start.
const warmUp: Promise<void>[] = [];
// In the shape measured: one wave with --burst (its requests open the connections a wave needs), else one by one.
for (let n = 0; n < AT_ONCE; n++) {
  warmUp.push(call(9_000_000 + n));
  if (!burst) await new Promise((resolve) => setTimeout(resolve, RING_MS / AT_ONCE));
}
await Promise.all(warmUp);
await new Promise((resolve) => setTimeout(resolve, RING_MS + 1_500));
const coldCards = [...ringAt].flatMap(([linkedId, ring]) => {
  const sent = outgoing.requests.find((r) => r.path.includes('externalcall.register') && r.body.includes(linkedId));
  return sent ? [sent.at - ring] : [];
});
ringAt.clear();
userRingAt.clear();
cardAt.clear();
pings.length = 0;
const started = Date.now();
if (burst)
  for (let wave = 0; wave < CALLS / AT_ONCE; wave++) {
    await Promise.all(Array.from({ length: AT_ONCE }, (_, i) => call(wave * AT_ONCE + i)));
    await new Promise((resolve) => setTimeout(resolve, RING_MS + 1_500));
  }
else {
  // A call every RING_MS / AT_ONCE, each ringing RING_MS: AT_ONCE ringing at any moment once the first have come in.
  const placed: Promise<void>[] = [];
  for (let n = 0; n < CALLS; n++) {
    placed.push(call(n));
    await new Promise((resolve) => setTimeout(resolve, RING_MS / AT_ONCE));
  }
  await Promise.all(placed);
  await new Promise((resolve) => setTimeout(resolve, RING_MS + 1_500));
}
await b.waitForOutboxDrained().catch((error: Error) => console.warn(error.message));
pinging = false;
await pinger;

/** When each call's first request of a method reached the emulator or left the app, by linkedId. */
const callIds = new Map<string, string>();
const reachedEmulator = new Map<string, number>();
for (const call of b.emulator.callsTo('telephony.externalcall.register')) {
  const linkedId = String(call.params.EXTERNAL_CALL_ID ?? '');
  const callId = (call.response as { result?: { CALL_ID?: string } } | undefined)?.result?.CALL_ID;
  if (call.time < started) continue;
  if (callId) callIds.set(callId, linkedId);
  if (!reachedEmulator.has(linkedId)) reachedEmulator.set(linkedId, call.time);
}
const leftApp = (method: string) => {
  const byLinkedId = new Map<string, number>();
  for (const request of outgoing.requests) {
    if (!request.path.includes(method)) continue;
    const linkedId =
      method === 'telephony.externalcall.register'
        ? [...ringAt.keys()].find((id) => request.body.includes(id))
        : callIds.get([...callIds.keys()].find((callId) => request.body.includes(callId)) ?? '');
    if (linkedId && !byLinkedId.has(linkedId)) byLinkedId.set(linkedId, request.at);
  }
  return byLinkedId;
};
const registerLeft = leftApp('telephony.externalcall.register');
const sinceRing = (at: Map<string, number>) =>
  [...at].flatMap(([linkedId, time]) => (ringAt.has(linkedId) ? [time - ringAt.get(linkedId)!] : []));

/** The app's own part (the card decided → `register` durably enqueued) and the outbox's (enqueued → sent). */
const registrations = await b.db.outboxMessage.findMany({
  where: { method: 'telephony.externalcall.register', createdAt: { gte: new Date(started) } },
  select: { dedupeKey: true, createdAt: true },
});
const enqueuedAt = new Map(registrations.map((row) => [row.dedupeKey.slice('register:'.length), +row.createdAt]));
const answeredAt = new Map(
  (
    await b.db.outboxMessage.findMany({
      where: { method: 'telephony.externalcall.register', createdAt: { gte: new Date(started) } },
      select: { dedupeKey: true, doneAt: true },
    })
  ).flatMap((row) => (row.doneAt ? [[row.dedupeKey.slice('register:'.length), +row.doneAt] as const] : [])),
);
/** Each later user's `show`: from their ring, and the app's own part (from the ring or register's answer, later). */
const showSinceRing: number[] = [];
const showOwn: number[] = [];
for (const request of outgoing.requests) {
  if (!request.path.includes('telephony.externalcall.show')) continue;
  const params = readBody(request.body);
  const linkedId = callIds.get(String(params.CALL_ID));
  const rang = userRingAt.get(`${linkedId}/${params.USER_ID}`);
  if (!linkedId || rang === undefined) continue;
  showSinceRing.push(request.at - rang);
  showOwn.push(request.at - Math.max(rang, answeredAt.get(linkedId) ?? rang));
}
const split = (from: Map<string, number>, to: Map<string, number>) =>
  [...from].flatMap(([linkedId, at]) => (to.has(linkedId) ? [to.get(linkedId)! - at] : []));

function readBody(body: string): Record<string, string> {
  try {
    return Object.fromEntries(Object.entries(JSON.parse(body) as object).map(([key, value]) => [key, String(value)]));
  } catch {
    return Object.fromEntries(new URLSearchParams(body));
  }
}
const stats = (samples: number[]) => {
  const sorted = [...samples].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? Number.NaN, n: sorted.length };
};
const line = (label: string, s: ReturnType<typeof stats>) =>
  console.log(
    `  ${label.padEnd(40)} p50 ${s.p50.toFixed(1)} ms   p99 ${s.p99.toFixed(1)} ms   max ${s.max.toFixed(1)} ms   ` +
      `(n=${s.n})`,
  );

console.log(
  `Incoming calls: ${CALLS}, ${AT_ONCE} ringing at once (${burst ? 'arriving together, wave after wave' : 'arriving one by one'}), real Asterisk, emulator answering at once, journal on ` +
    `${process.env.C2C_TEST_DB ?? 'sqlite'}, outbox ${limited ? "at Bitrix24's 2 requests/s" : 'not rate-limited'}`,
);
const floor = stats(pings);
const register = stats(sinceRing(registerLeft));
const show = stats(showSinceRing);
const own = stats(showOwn);
line('cold start: the first 20 calls, ring → register left', stats(coldCards));
line('floor: AMI Ping round trip', floor);
line('first user rings → register (their card) leaves', register);
line('a later user rings → their show leaves', show);
line("  of which the app's: ring or CALL_ID back → left", own);
line('user rings → the emulator reads register', stats(sinceRing(reachedEmulator)));
line('  of which: user rings → card decided', stats(split(ringAt, cardAt)));
line('  of which: card decided → register enqueued', stats(split(cardAt, enqueuedAt)));
line('  of which: register enqueued → left', stats(split(enqueuedAt, registerLeft)));
console.log(
  `  register p99 = ${(register.p99 / floor.p99).toFixed(1)}× the floor's p99, the app adds ` +
    `${(register.p99 - floor.p99).toFixed(1)} ms; a later user's show: the app's own part p99 ` +
    `${own.p99.toFixed(1)} ms (${(own.p99 / floor.p99).toFixed(1)}× the floor's p99), the rest waits for register's CALL_ID`,
);
// The slowest cards, each split into its parts and placed in the run: a stall of the whole process shows as several
// slow cards at the same second (and a slow Ping beside them).
const slowest = [...registerLeft]
  .flatMap(([linkedId, at]) => (ringAt.has(linkedId) ? [{ linkedId, ms: at - ringAt.get(linkedId)! }] : []))
  .sort((x, y) => y.ms - x.ms)
  .slice(0, 4);
for (const { linkedId, ms } of slowest) {
  const ring = ringAt.get(linkedId)!;
  const part = (at: number | undefined, from: number | undefined) =>
    at !== undefined && from !== undefined ? `${(at - from).toFixed(0)}` : '?';
  console.log(
    `  slow card at ${((ring - started) / 1000).toFixed(1)} s: ${ms.toFixed(0)} ms = decided ` +
      `${part(cardAt.get(linkedId), ring)} + enqueued ${part(enqueuedAt.get(linkedId), cardAt.get(linkedId))} + left ` +
      `${part(registerLeft.get(linkedId), enqueuedAt.get(linkedId))}`,
  );
}
const perCall = new Map<string, number>();
for (const request of outgoing.requests) {
  const method = request.path.split('?')[0]!.split('/').pop()!;
  perCall.set(method, (perCall.get(method) ?? 0) + 1 / CALLS);
}
console.log(`  requests per call: ${[...perCall].map(([method, n]) => `${method} ${n.toFixed(1)}`).join(', ')}`);
for (const ext of ['101', '102', '103']) await b.h.setGateway(`PHONE_MODE_${ext}`, '');
await b.close();
process.exit(0);
