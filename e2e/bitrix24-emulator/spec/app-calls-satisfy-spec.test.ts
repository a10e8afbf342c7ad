/**
 * Every REST call the app makes in its flows (installer: binds and lines; a call: register, show, finish,
 * attachRecord; the user lookup) satisfies the vendored spec of its method: known names, required present, types.
 * The emulator records the calls as the portal receives them, batched commands included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorHandle } from '../start-emulator';
import { type InstalledPortal, startInstalledPortal } from '../../../lib/bitrix24/testing/start-installed-portal';
import { setUpPortal } from '../../../lib/bitrix24/install/set-up-portal';
import { runOutboxOnce } from '../../../lib/bitrix24/outbox/run-outbox-once';
import { resolveUserExtension } from '../../../lib/bitrix24/users/resolve-user-extension';
import { finishCallInBitrix24 } from '../../../lib/calls/registration/finish-call-in-bitrix24';
import { registerCallInBitrix24 } from '../../../lib/calls/registration/register-call-in-bitrix24';
import type { Db } from '../../../lib/db/client';
import { seedDemoPortal } from '../../../lib/routing/settings/seed-demo-portal';
import { checkCallAgainstSpec } from './check-call-against-spec';
import { loadMethodSpec } from './load-method-spec';

const MEMBER = 'spec-member';
let emulator: EmulatorHandle;
let portal: InstalledPortal;
let db: Db;
let portalId: number;

beforeAll(async () => {
  portal = await startInstalledPortal({ memberId: MEMBER, clientId: 'app.spec' });
  ({ emulator, db, portalId } = portal);
  await seedDemoPortal({ db, portalId });
}, 60_000);
afterAll(async () => portal?.close());

/** Sends until nothing is pending; messages waiting for a referenced one are made due again at once. */
async function drainOutbox(): Promise<void> {
  for (let round = 0; round < 10; round += 1) {
    await runOutboxOnce({ db, ratePerSecond: 1000, burst: 1000, log: () => undefined });
    const pending = await db.outboxMessage.updateMany({
      where: { status: 'pending' },
      data: { nextAttemptAt: new Date() },
    });
    if (pending.count === 0) return;
  }
}

describe('the app’s REST calls satisfy the docs’ spec', () => {
  it('installer, a registered call with its finish and record, and the user lookup', async () => {
    await setUpPortal({ portalId, publicUrl: 'https://calls.example.test', db });
    const linkedId = `spec-${Date.now()}`;
    const decision = await registerCallInBitrix24({
      portalId,
      linkedId,
      direction: 'inbound',
      number: '+79161234567',
      b24UserId: 2,
      lineNumber: 'auto',
      lists: [{ list: 'whitelist_user', value: '2', isPattern: false }],
      db,
    });
    expect(decision.register).toBe(true);
    await drainOutbox();
    await finishCallInBitrix24({
      portalId,
      linkedId,
      b24UserId: 2,
      durationSec: 42,
      statusCode: '200',
      costKopecks: 150,
      recording: { fileName: 'call.mp3', contentBase64: Buffer.from('ID3').toString('base64') },
      db,
    });
    await drainOutbox();
    await resolveUserExtension({ db, portalId, b24UserId: 99 }); // not cached: asks user.get

    const methods = new Set(emulator.calls.map((call) => call.method.toLowerCase()));
    for (const method of [
      'event.bind',
      'user.get',
      'telephony.externalline.add',
      'telephony.externalcall.register',
      'telephony.externalcall.show',
      'telephony.externalcall.finish',
      'telephony.externalcall.attachrecord',
    ]) {
      expect(methods, `the flows should have called ${method}`).toContain(method);
    }
    const checked = emulator.calls
      .filter((call) => call.method.toLowerCase() !== 'batch')
      .map((call) => ({ call, spec: loadMethodSpec(call.method) }))
      .filter((item) => item.spec !== undefined);
    expect(checked.length).toBeGreaterThan(5);
    for (const { call, spec } of checked) {
      const violations = checkCallAgainstSpec({ spec: spec!, params: call.params });
      expect(violations, `${call.method} ${JSON.stringify(call.params)} against ${spec!.source.file}`).toEqual([]);
      expect(call.status, `${call.method}: ${JSON.stringify(call.response)}`).toBe(200);
    }
  });
});
