import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';
import { renderDialString } from '../routing/dial-template/check-dial-template';
import { seedDemoPortal } from '../routing/settings/seed-demo-portal';
import { type CallChange, newTrackedCall, type TrackedCall } from './call-tracker-state';
import { writeCallChange } from './write-call-change';

/**
 * The failover loop's attempts and SIM accounting: a line left because its gateway could not carry the call is a
 * failure of the SIM that dial string named (five in a row take it out of rotation, as the gateway blocking it would
 * be noticed), and the call's usage goes to the line it really left through, not the one the decision named first.
 */
const MTS_SIMS = [1, 2, 3, 4].map((port) => `PJSIP/${port}#{number}@gw_mts`);

function call(linkedId: string, fields: Partial<TrackedCall> = {}): TrackedCall {
  return newTrackedCall({
    linkedId,
    pbxName: 'pbx',
    origin: 'click_to_call',
    direction: 'outbound',
    startedAt: Date.UTC(2026, 11, 1, 9),
    number: '79161234567',
    extension: '101',
    sim: 2,
    liveChannels: 1,
    ...fields,
  });
}

describe.each(['sqlite', 'postgresql'] as const)('failover and SIM accounting on %s', (kind) => {
  let testDb: TestDatabase;
  let portalId: number;
  let mts: number;
  let beeline: number;
  beforeAll(async () => {
    testDb = await createTestDatabase({ kind });
    const db = testDb.db();
    ({ portalId } = await seedDemoPortal({ db }));
    mts = (await db.trunk.findFirstOrThrow({ where: { portalId, dial: 'PJSIP/{number}@gw_mts' } })).id;
    beeline = (await db.trunk.findFirstOrThrow({ where: { portalId, dial: 'PJSIP/{number}@gw_beeline' } })).id;
    await db.trunk.update({ where: { id: mts }, data: { simDials: MTS_SIMS } });
  });
  afterAll(async () => testDb?.dispose());

  it('five calls whose MTS SIM 3 the gateway refused: that SIM out of rotation; each call counted on Beeline', async () => {
    const db = testDb.db();
    const context = { portalId, trunkId: mts, trunkName: 'МТС' };
    for (let i = 0; i < 5; i++) {
      const linkedId = `failover-sim-${kind}-${i}`;
      const dial = renderDialString(MTS_SIMS[2]!, '79161234567');
      const changes: CallChange[] = [
        { kind: 'started', call: call(linkedId) },
        {
          kind: 'dial_attempt',
          call: call(linkedId),
          detail: {
            attempt: 1,
            count: 2,
            trunk: 'gw_mts',
            dial,
            dialStatus: 'CONGESTION',
            cause: 34,
            sip: 503,
            moved: 'next',
          },
        },
        {
          kind: 'ended',
          call: call(linkedId, {
            status: 'ended',
            answeredAt: Date.UTC(2026, 11, 1, 9, 0, 5),
            endedAt: Date.UTC(2026, 11, 1, 9, 1),
            trunkEndpoint: 'gw_beeline',
            trunkUniqueid: `${linkedId}.3`,
            b24StatusCode: '200',
            talkSec: 55,
          }),
        },
      ];
      for (const change of changes) await writeCallChange({ db, change, context });
    }
    const health = await db.simHealth.findUnique({ where: { trunkId_simIndex: { trunkId: mts, simIndex: 2 } } });
    expect(health?.disabledAt).not.toBeNull();
    const usage = await db.simUsage.findMany({ where: { trunkId: { in: [mts, beeline] } } });
    expect(usage.filter((row) => row.trunkId === mts)).toEqual([]);
    expect(usage.filter((row) => row.trunkId === beeline).reduce((sum, row) => sum + row.calls, 0)).toBe(5);
  });
});
