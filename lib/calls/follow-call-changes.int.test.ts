import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';
import { seedDemoPortal } from '../routing/settings/seed-demo-portal';
import { type CallChange, newTrackedCall, type TrackedCall } from './call-tracker-state';
import type { CallTracking } from './call-tracking';
import { followCallChanges } from './follow-call-changes';
import { FOLLOWED_UP_EVENT } from './find-lost-follow-ups';
import { writeCallChange } from './write-call-change';

function deskCall(linkedId: string, overrides: Partial<TrackedCall> = {}): TrackedCall {
  return newTrackedCall({
    linkedId,
    pbxName: 'pbx',
    origin: 'desk_phone',
    direction: 'outbound',
    status: 'answered',
    startedAt: Date.UTC(2026, 11, 1, 9),
    answeredAt: Date.UTC(2026, 11, 1, 9, 0, 5),
    number: '79039990001',
    extension: '101',
    trunkEndpoint: 'gw_mts',
    trunkUniqueid: `${linkedId}.2`,
    liveChannels: 2,
    ...overrides,
  });
}

describe('following a desk-phone call up in Bitrix24', () => {
  let testDb: TestDatabase;
  let portalId: number;
  beforeAll(async () => {
    testDb = await createTestDatabase({ kind: 'postgresql' });
    const db = testDb.db();
    ({ portalId } = await seedDemoPortal({ db }));
    await db.portal.update({ where: { id: portalId }, data: { status: 'active' } });
    await db.listEntry.create({ data: { portalId, list: 'whitelist_extension', value: '101' } });
  });
  afterAll(async () => testDb?.dispose());

  async function outboxFor(linkedId: string) {
    const db = testDb.db();
    const messages = await db.outboxMessage.findMany({ where: { dedupeKey: { endsWith: `:${linkedId}` } } });
    return messages.map((message) => message.dedupeKey).sort();
  }

  it('an end arriving while the registration is still being enqueued is finished after it, once', async () => {
    const db = testDb.db();
    const tracking = new EventEmitter() as unknown as CallTracking;
    followCallChanges({ tracking, db });
    const calls = Array.from({ length: 20 }, (_, i) => `desk-race-${i}`);
    for (const linkedId of calls) {
      const answered: CallChange = { kind: 'answered', call: deskCall(linkedId) };
      const ended: CallChange = {
        kind: 'ended',
        call: deskCall(linkedId, { status: 'ended', endedAt: Date.UTC(2026, 11, 1, 9, 1), talkSec: 55 }),
      };
      await writeCallChange({ db, change: answered, context: { portalId } });
      await writeCallChange({ db, change: ended, context: { portalId } });
      // Both changes as the tracker emits them: back to back, without waiting for the first follow-up.
      tracking.emit('change', answered);
      tracking.emit('change', ended);
    }
    const deadline = Date.now() + 10_000;
    const followed = async () =>
      db.call.count({ where: { linkedId: { in: calls }, events: { some: { kind: FOLLOWED_UP_EVENT } } } });
    while ((await followed()) < calls.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    for (const linkedId of calls)
      expect(await outboxFor(linkedId)).toEqual([
        `finish:register:${linkedId}`,
        `register:${linkedId}`,
        `show:${linkedId}`,
      ]);
  });
});
