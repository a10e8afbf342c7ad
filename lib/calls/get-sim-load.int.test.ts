import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';
import { seedDemoPortal } from '../routing/settings/seed-demo-portal';
import { callDay } from './call-day';
import { getSimLoad } from './get-sim-load';

// The stored half of the SIM load on both databases: today's counters as stored, the month summed by the database.
describe.each(['sqlite', 'postgresql'] as const)('getSimLoad on %s', (kind) => {
  let test: TestDatabase;
  let portalId: number;
  beforeAll(async () => {
    test = await createTestDatabase({ kind });
    ({ portalId } = await seedDemoPortal({ db: test.db() }));
  });
  afterAll(() => test?.dispose());

  it("today's calls and seconds per SIM, the month's seconds summed over its days, the last call's end", async () => {
    const db = test.db();
    const mts = await db.trunk.findFirstOrThrow({ where: { portalId, dial: 'PJSIP/{number}@gw_mts' } });
    const now = Date.UTC(2026, 10, 20, 12); // 20 Nov, 15:00 Moscow
    const today = callDay(now);
    const at = (iso: string) => new Date(iso);
    await db.simUsage.createMany({
      data: [
        {
          portalId,
          trunkId: mts.id,
          simIndex: 0,
          day: '2026-11-03',
          calls: 40,
          seconds: 600,
          lastCallAt: at('2026-11-03T10:00:00Z'),
        },
        {
          portalId,
          trunkId: mts.id,
          simIndex: 0,
          day: '2026-11-19',
          calls: 50,
          seconds: 900,
          lastCallAt: at('2026-11-19T15:00:00Z'),
        },
        {
          portalId,
          trunkId: mts.id,
          simIndex: 0,
          day: today,
          calls: 7,
          seconds: 120,
          lastCallAt: at('2026-11-20T11:59:58Z'),
        },
        {
          portalId,
          trunkId: mts.id,
          simIndex: 1,
          day: '2026-11-10',
          calls: 3,
          seconds: 60,
          lastCallAt: at('2026-11-10T09:00:00Z'),
        },
        {
          portalId,
          trunkId: mts.id,
          simIndex: 2,
          day: '2026-10-31',
          calls: 99,
          seconds: 9999,
          lastCallAt: at('2026-10-31T09:00:00Z'),
        }, // last month
      ],
    });
    const { usage, occupancy } = await getSimLoad({ db, portalId, trackers: [], now });
    const sims = usage[String(mts.id)]!;
    expect(sims).toHaveLength(mts.channels);
    expect(sims[0]).toEqual({
      busy: false,
      callsToday: 7,
      secondsToday: 120,
      secondsThisMonth: 1620,
      lastCallEndedAt: Date.parse('2026-11-20T11:59:58Z'),
    });
    expect(sims[1]).toEqual({
      busy: false,
      callsToday: 0,
      secondsToday: 0,
      secondsThisMonth: 60,
      lastCallEndedAt: Date.parse('2026-11-10T09:00:00Z'),
    });
    expect(sims[2]).toEqual({
      busy: false,
      callsToday: 0,
      secondsToday: 0,
      secondsThisMonth: 0,
      lastCallEndedAt: null,
    });
    expect(occupancy[String(mts.id)]).toBe(0);
  });
});
