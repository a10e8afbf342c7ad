import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';
import { seedDemoPortal } from '../routing/settings/seed-demo-portal';
import { demoTrunks } from '../routing/demo-routing-settings';
import { applyAmiEvent } from './apply-ami-event';
import { createCallTrackerState, type CallChange } from './call-tracker-state';
import { createJournalLookups } from './create-journal-lookups';
import { matchCallChannel } from './match-call-channel';
import { loadEventStream } from './testing/load-event-stream';
import { trackOriginatedCall } from './track-originated-call';
import type { CallContext } from './write-call-change';
import { writeTrackedChange } from './write-tracked-change';

/** A line deleted while its call goes on (the admin saved the lines): the call's record is still written to its end. */
describe.each(['sqlite', 'postgresql'] as const)('a call whose line is deleted mid-call, on %s', (kind) => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase({ kind });
  });
  afterAll(async () => testDb?.dispose());

  it('is journalled to its end, without the line, once the cached line id fails its foreign key', async () => {
    const db = testDb.db();
    const { portalId } = await seedDemoPortal({ db });
    const trunk = await db.trunk.findFirstOrThrow({ where: { portalId, dial: 'PJSIP/{number}@gw_beeline' } });
    const state = createCallTrackerState({
      pbxName: 'pbx',
      match: matchCallChannel({ templates: demoTrunks.map((t) => t.dial), extensions: [] }),
    });
    const now = Date.UTC(2026, 11, 2, 9);
    const linkedId = 'c2c-capture-answered-beeline'; // the recorded stream's call
    const started = trackOriginatedCall(state, {
      ...{ linkedId, extension: '101', number: '79031234567', trunkEndpoint: 'gw_beeline', sim: 1 },
      ...{ b24CallId: null, now },
    });
    const changes: CallChange[] = [{ ...started, call: { ...started.call } }];
    for (const [i, event] of loadEventStream('answered-beeline').entries())
      for (const change of applyAmiEvent(state, event, now + (i + 1) * 200).changes)
        changes.push({ ...change, call: { ...change.call } });
    const lookups = createJournalLookups(db);
    const known = { portalId, trunkId: trunk.id };
    await writeTrackedChange({ db, lookups, change: changes[0]!, known });
    expect((await lookups.trunk(portalId, 'gw_beeline'))?.id).toBe(trunk.id);

    await db.portalSettings.updateMany({ where: { portalId }, data: { defaultTrunkId: null } });
    await db.trunk.delete({ where: { id: trunk.id } });
    let kept: CallContext = known;
    for (const change of changes.slice(1)) kept = await writeTrackedChange({ db, lookups, change, known: kept });
    expect(kept).toMatchObject({ portalId, trunkId: null, userId: null });

    const row = await db.call.findUniqueOrThrow({ where: { linkedId }, include: { events: true } });
    expect(row).toMatchObject({ status: 'ended', trunkId: null, b24StatusCode: '200' });
    expect(row.events.map((event) => event.kind)).toEqual(expect.arrayContaining(['started', 'answered', 'ended']));
    expect(await lookups.trunk(portalId, 'gw_beeline')).toBeNull();
  });
});
