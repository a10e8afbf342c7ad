import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForCallLogEntry } from '../../scripts/peers/test-support/wait-for-call-log-entry';
import type { RouteDecision } from '../routing/decide-route';
import { loadSavingsReport } from '../savings/load-savings-report';
import { describeCallCard } from './card/describe-call-card';
import {
  gatewayCallLog,
  startBitrix24ClickToCall,
  waitFor,
  type Bitrix24ClickToCallHarness,
} from './testing/bitrix24-click-to-call-harness';

/**
 * A click-to-call whose carrier line is full: HR calls an MTS number, and HR's MTS line (HR-2, one SIM) is held by a
 * real call ringing at the gateway. The call must leave through HR's other line (HR-1), and everything that names the
 * line afterwards — the journal row and its decision, the call card, the savings report — must name HR-1, the line
 * actually dialled, with the reason HR-2 was passed over.
 */
const run = `${process.pid}-${Date.now().toString(36)}`;
let b: Bitrix24ClickToCallHarness;
beforeAll(async () => {
  b = await startBitrix24ClickToCall();
}, 120_000);
afterAll(async () => b?.close());

/** Hangs up every channel of a call still up on the PBX (the held call never answers by itself). */
async function hangUp(linkedId: string): Promise<void> {
  const channels = [...b.h.tracking.state.channels.values()].filter((channel) => channel.linkedId === linkedId);
  await Promise.all(
    channels.map((channel) => b.h.manager.action({ Action: 'Hangup', Channel: channel.name }).catch(() => undefined)),
  );
}

describe("click-to-call with every SIM of the client's carrier line busy", () => {
  it('leaves through the fallback line; journal, card and savings name that line', { timeout: 120_000 }, async () => {
    // A number ending in 9 rings at the gateway and is never answered: HR-2's only SIM stays taken while it rings.
    const holdId = `hold-${run}`;
    const held = await b.h.place({ extension: '201', number: '79161230029', b24CallId: holdId });
    expect(held.decision.trunk?.name).toBe('HR-2');
    try {
      await waitForCallLogEntry({
        path: gatewayCallLog(),
        matches: (e) => e.b24CallId === holdId && e.gateway === 'hr2',
        timeoutMs: 20_000,
      });

      const number = '79161230038';
      const { callId } = await b.clickToCall(5, number, '');
      const entry = await waitForCallLogEntry({
        path: gatewayCallLog(),
        matches: (e) => e.b24CallId === callId,
        timeoutMs: 20_000,
      });
      expect(entry).toMatchObject({ gateway: 'hr1', number });

      const [finish] = await waitFor(
        () => (b.finishesOf(callId).length ? b.finishesOf(callId) : undefined),
        60_000,
        `finish of ${callId}`,
      );
      expect(b.backgroundErrors).toEqual([]);
      const hr1 = await b.db.trunk.findFirstOrThrow({ where: { portalId: b.portalId, name: 'HR-1' } });
      const row = await b.db.call.findFirstOrThrow({ where: { b24CallId: callId } });
      expect(row).toMatchObject({
        status: 'ended',
        trunkName: 'HR-1',
        trunkId: hr1.id,
        registered: true,
        requestedLine: null,
      });
      expect(await b.db.call.count({ where: { b24CallId: callId } })).toBe(1);
      const decision = row.decision as unknown as RouteDecision;
      expect(decision.trunk).toMatchObject({ name: 'HR-1', dial: 'PJSIP/{number}@gw_hr1' });
      expect(decision.reasons).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: 'busy', trunk: 'HR-2' })]),
      );
      // One status for the call: what the journal holds is what Bitrix24 was sent.
      expect(finish!.params.STATUS_CODE).toBe(row.b24StatusCode);

      const card = await describeCallCard({
        db: b.db,
        portalId: b.portalId,
        extension: '202',
        callId,
        number: null,
        lang: 'en',
        ami: b.h.ami,
      });
      expect(card.journal).toMatchObject({ trunkName: 'HR-1', b24StatusCode: row.b24StatusCode });
      expect(card.journal!.reasons.at(-1)).toContain('HR-1');
      expect(card.journal!.reasons.some((reason) => reason.includes('HR-2'))).toBe(true);

      const savings = await loadSavingsReport({ db: b.db, portalId: b.portalId, range: { from: null, to: null } });
      const hr1Calls = await b.db.call.count({ where: { portalId: b.portalId, trunkName: 'HR-1' } });
      // HR-1 is a Beeline line and the client is on MTS: an off-net call, priced and counted as one.
      expect(decision.onNet).toBe(false);
      expect(savings.trunks.find((trunk) => trunk.name === 'HR-1')).toMatchObject({
        trunkId: hr1.id,
        calls: hr1Calls,
        onNetCalls: 0,
      });
      expect(savings.sims).toEqual(
        expect.arrayContaining([expect.objectContaining({ trunkName: 'HR-1', sim: decision.trunk!.sim })]),
      );
    } finally {
      await hangUp(held.linkedId);
      await b.h.tracking.waitForEnd(held.linkedId, 30_000);
    }
  });
});
