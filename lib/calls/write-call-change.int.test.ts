import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';
import { seedDemoPortal } from '../routing/settings/seed-demo-portal';
import { applyAmiEvent } from './apply-ami-event';
import { createCallTrackerState, type CallChange } from './call-tracker-state';
import { loadEventStream } from './testing/load-event-stream';
import { trackOriginatedCall } from './track-originated-call';
import { writeCallChange } from './write-call-change';
import { demoTrunks } from '../routing/demo-routing-settings';
import { matchCallChannel } from './match-call-channel';

describe.each(['sqlite', 'postgresql'] as const)('the calls journal on %s', (kind) => {
  let testDb: TestDatabase;
  let portalId: number;
  let trunkId: number;
  beforeAll(async () => {
    testDb = await createTestDatabase({ kind });
    ({ portalId } = await seedDemoPortal({ db: testDb.db() }));
    trunkId = (await testDb.db().trunk.findFirstOrThrow({ where: { portalId, dial: 'PJSIP/{number}@gw_beeline' } })).id;
  });
  afterAll(async () => testDb?.dispose());

  function changesOfRecordedCall(): CallChange[] {
    const state = createCallTrackerState({
      pbxName: 'pbx',
      match: matchCallChannel({ templates: demoTrunks.map((t) => t.dial), extensions: [] }),
    });
    const started = trackOriginatedCall(state, {
      linkedId: 'c2c-capture-answered-beeline',
      extension: '101',
      number: '79031234567',
      trunkEndpoint: 'gw_beeline',
      sim: 2,
      b24CallId: null,
      now: Date.UTC(2026, 10, 25, 9),
    });
    // Snapshots, as CallTracking.record takes them.
    const changes: CallChange[] = [{ ...started, call: { ...started.call } }];
    for (const [i, event] of loadEventStream('answered-beeline').entries()) {
      changes.push(
        ...applyAmiEvent(state, event, Date.UTC(2026, 10, 25, 9) + (i + 1) * 200).changes.map((c) => ({
          ...c,
          call: { ...c.call },
        })),
      );
    }
    return changes;
  }

  it('writes a call as it happens and converges to one row; SIM usage grows once per ended trunk call', async () => {
    const db = testDb.db();
    const context = { portalId, trunkId, decision: { reasons: [{ code: 'carrier' }] } };
    for (const change of changesOfRecordedCall()) await writeCallChange({ db, change, context });
    const row = await db.call.findUniqueOrThrow({
      where: { linkedId: 'c2c-capture-answered-beeline' },
      include: { events: true },
    });
    expect(row).toMatchObject({
      status: 'ended',
      origin: 'click_to_call',
      trunkId,
      b24StatusCode: '200',
      number: '79031234567',
      decision: { reasons: [{ code: 'carrier' }] },
    });
    expect(row.talkSec).toBeGreaterThan(0);
    expect(row.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['started', 'answered', 'ended']));
    const usage = await db.simUsage.findUniqueOrThrow({
      where: { trunkId_simIndex_day: { trunkId, simIndex: 2, day: '2026-11-25' } },
    });
    expect(usage).toMatchObject({ calls: 1, seconds: row.talkSec });
  });

  it('replaying the same changes (a second writer, a retry) keeps one Call row with the same figures', async () => {
    const db = testDb.db();
    const before = await db.call.findUniqueOrThrow({ where: { linkedId: 'c2c-capture-answered-beeline' } });
    for (const change of changesOfRecordedCall()) await writeCallChange({ db, change, context: { portalId, trunkId } });
    expect(await db.call.count({ where: { linkedId: 'c2c-capture-answered-beeline' } })).toBe(1);
    const after = await db.call.findUniqueOrThrow({ where: { linkedId: 'c2c-capture-answered-beeline' } });
    const usage = await db.simUsage.findUniqueOrThrow({
      where: { trunkId_simIndex_day: { trunkId, simIndex: 2, day: '2026-11-25' } },
    });
    expect(usage.calls).toBe(1);
    expect({ ...after, updatedAt: undefined }).toMatchObject({
      ...before,
      decision: before.decision,
      updatedAt: undefined,
    });
  });
});
