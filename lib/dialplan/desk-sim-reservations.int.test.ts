import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimLoad } from '../calls/get-sim-load';
import { createTestDatabase, type TestDatabase } from '../db/testing/create-test-database';
import { loadRoutingSettings } from '../routing/settings/load-routing-settings';
import { saveRoutingSettings } from '../routing/settings/save-routing-settings';
import { seedDemoPortal } from '../routing/settings/seed-demo-portal';
import { answerDialplanRequest } from './answer-dialplan-request';

/**
 * Six desk phones dialling MTS clients at the same moment onto the 4-SIM MTS line whose SIMs each have their own
 * template: the endpoint answers each with the dial string of a different SIM, at most four of them, and sends the
 * rest to the next line. No call has shown up yet in the live load (it is empty): only the reservations hold.
 */
let test: TestDatabase;
const idleLoad: SimLoad = { occupancy: {}, usage: {} };
beforeAll(async () => {
  test = await createTestDatabase({ kind: 'sqlite' });
  process.env.DATABASE_URL = `file:${test.database.kind === 'sqlite' ? test.database.file : ''}`;
  const db = test.db();
  const { portalId } = await seedDemoPortal({ db });
  const settings = await loadRoutingSettings({ db, portalId });
  const mts = settings.trunks.find((trunk) => trunk.dial === 'PJSIP/{number}@gw_mts')!;
  mts.simDials = [1, 2, 3, 4].map((port) => `PJSIP/${port}#{number}@gw_mts`);
  await saveRoutingSettings({ db, portalId, settings });
});
afterAll(() => test?.dispose());

const ask = (number: string, json = false) =>
  answerDialplanRequest({
    number,
    ext: '101',
    json,
    // What the shipped drop-in asks: the first choice, then the fallbacks.
    dials: true,
    fromLoopback: true,
    readSimLoad: async () => idleLoad,
  });

describe('concurrent desk-phone decisions', () => {
  it('six at once onto a 4-SIM line book at most four SIMs, each a different one', async () => {
    const answers = await Promise.all(['1', '2', '3', '4', '5', '6'].map((n) => ask(`7915123000${n}`)));
    const dialled = answers.map((answer) => answer.body.split('^')[0]!);
    const mts = dialled.filter((dial) => dial.endsWith('@gw_mts'));
    expect(mts).toHaveLength(4);
    expect(new Set(mts.map((dial) => dial.slice(0, dial.indexOf('#'))))).toEqual(
      new Set(['PJSIP/1', 'PJSIP/2', 'PJSIP/3', 'PJSIP/4']),
    );
    expect(dialled.filter((dial) => dial.endsWith('@gw_beeline'))).toHaveLength(2);
  });

  it("a person's JSON question neither takes a SIM nor is refused one: it sees the held SIMs as busy", async () => {
    const why = JSON.parse((await ask('79151230007', true)).body) as { trunk: { id: string; name: string } };
    expect(why.trunk.name).toBe('Билайн');
  });
});
