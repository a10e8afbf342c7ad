/**
 * Click-to-call latency benchmark against the real Asterisk (`eval "$(npm run -s peers -- up)"` first):
 * `npx tsx bench/ami-originate.bench.ts`. Target: "click-to-call requested" → Originate written to the
 * AMI socket, p99 ≤ 30 ms.
 *
 * Measured paths, each N times, one request every GAP_MS (a click is not a tight loop):
 *  - full: placeOutgoingCall — live SIM load from the journal (SQLite) + routing decision + journal row + originate
 *    (tracker, Originate bytes handed to the socket);
 *  - originate only: the same without the load and the decision;
 *  - baseline: a bare AMI Ping written on the same connection (the floor of any action).
 * The Originate targets extension 999, which the PBX does not have: Asterisk answers at once with a failure and no call
 * rings anywhere, so the bench can run hundreds of times without flooding the test phones. Nothing is asserted.
 */
import { AmiManager } from '../lib/asterisk/ami-manager';
import { testPbx } from '../lib/asterisk/testing/pbx-process';
import { CallTracking } from '../lib/calls/call-tracking';
import { originate } from '../lib/calls/originate-call';
import { placeOutgoingCall } from '../lib/calls/place-outgoing-call';
import { createTestDatabase } from '../lib/db/testing/create-test-database';
import { seedDemoPortal } from '../lib/routing/settings/seed-demo-portal';

const N = 300;
const GAP_MS = 10;

const testDb = await createTestDatabase({ kind: 'sqlite' });
const db = testDb.db();
const { portalId } = await seedDemoPortal({ db });
const manager = new AmiManager({ pbx: testPbx(), log: () => undefined });
const tracking = new CallTracking({ manager, db, log: () => undefined });
manager.start();
await manager.waitConnected(5000);

async function measure(label: string, run: (onWritten: () => void) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < N + 20; i++) {
    let written = 0;
    const start = performance.now();
    await run(() => (written = performance.now())).catch(() => undefined);
    if (i >= 20 && written) samples.push(written - start); // first 20: warm-up (JIT, prepared statements)
    await new Promise((resolve) => setTimeout(resolve, GAP_MS));
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  console.log(
    `  ${label.padEnd(44)} p50 ${at(0.5).toFixed(2)} ms   p99 ${at(0.99).toFixed(2)} ms   ` +
      `max ${samples.at(-1)!.toFixed(2)} ms   (n=${samples.length})`,
  );
  return [at(0.5), at(0.99)];
}

console.log(
  `Click-to-call → Originate on the AMI socket, real Asterisk ${testPbx().host}:${testPbx().port}, journal on SQLite`,
);
const numbers = ['79031234567', '79261234567', '79161234567', '79401234567'];
const ami = new Map([[manager.name, { manager, tracking }]]);
const [, fullP99] = await measure('full (SIM load + decision + originate)', (onWritten) => {
  const number = numbers[Math.floor(Math.random() * 4)]!;
  return placeOutgoingCall({ db, portalId, extension: '999', number, origin: 'click_to_call', ami, onWritten });
});
await measure('originate only', (onWritten) =>
  originate({
    extension: '999',
    number: '79161234567',
    dial: 'PJSIP/{number}@gw_mts',
    portalId,
    manager,
    tracking,
    onWritten,
  }),
);
const [, pingP99] = await measure('baseline: bare AMI Ping on the same socket', (onWritten) =>
  manager.action({ Action: 'Ping' }, { onWritten }),
);
console.log(
  `  target p99 ≤ 30 ms: ${fullP99! <= 30 ? 'met' : 'NOT met'}; ` +
    `full p99 / Ping p99 = ${(fullP99! / pingP99!).toFixed(1)}×`,
);

await tracking.flushed();
manager.stop();
await testDb.dispose();
