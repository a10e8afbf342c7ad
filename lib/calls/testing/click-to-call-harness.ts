import { AmiConnection } from '../../asterisk/ami/ami-connection';
import { AmiManager } from '../../asterisk/ami-manager';
import { testPbx } from '../../asterisk/testing/pbx-process';
import type { PbxConfig } from '../../config/schema';
import type { Db } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { seedDemoPortal } from '../../routing/settings/seed-demo-portal';
import { CallTracking } from '../call-tracking';
import type { RouteDecision } from '../../routing/decide-route';
import type { PbxConnections } from '../pbx-connections';
import { placeOutgoingCall, type OutgoingCallRequest } from '../place-outgoing-call';

export type ClickToCallHarness = {
  testDb: TestDatabase;
  portalId: number;
  manager: AmiManager;
  tracking: CallTracking;
  /** The one test PBX, as placeOutgoingCall takes it. */
  ami: PbxConnections;
  /** placeOutgoingCall from the harness's portal on the test PBX; fails the test unless the call was placed. */
  place(request: PlaceRequest): Promise<{ linkedId: string; decision: RouteDecision }>;
  /** Sets a global on the gateway simulator (TALK_SECS, RING_SECS…) through its own AMI. */
  setGateway(variable: string, value: string): Promise<void>;
  /** The gateway simulator's AMI: what the far end saw (DTMF received…). */
  gateway: AmiConnection;
  close(): Promise<void>;
};

export type PlaceRequest = Omit<OutgoingCallRequest, 'portalId' | 'origin'> &
  Partial<Pick<OutgoingCallRequest, 'origin'>>;

/**
 * A fresh journal seeded with the reference deployment (or `seed`'s), and our AMI manager + tracking on the test PBX
 * (`pbx` overrides its configuration, e.g. how click-to-call rings the manager, or names another PBX altogether).
 */
export async function startClickToCallHarness(
  kind: 'sqlite' | 'postgresql' = 'sqlite',
  pbx: Partial<PbxConfig> = {},
  seed: (db: Db) => Promise<{ portalId: number }> = (db) => seedDemoPortal({ db }),
): Promise<ClickToCallHarness> {
  const testDb = await createTestDatabase({ kind });
  const db = testDb.db();
  const { portalId } = await seed(db);
  const manager = new AmiManager({
    pbx: { ...testPbx(), ...pbx },
    watchdog: { intervalMs: 1000, timeoutMs: 1500 },
    log: () => undefined,
  });
  const tracking = new CallTracking({ manager, db, log: (line) => console.warn(`[calls] ${line}`) });
  manager.start();
  await manager.waitConnected(5000);
  const env = process.env;
  const gateway = await AmiConnection.open({
    host: env.PEERS_GW_AMI_HOST ?? '127.0.0.1',
    port: Number(env.PEERS_GW_AMI_PORT ?? 25039),
    user: env.PEERS_GW_AMI_USER ?? 'gw',
    secret: env.PEERS_GW_AMI_SECRET ?? '',
  });
  const ami: PbxConnections = new Map([[manager.name, { manager, tracking }]]);
  return {
    testDb,
    portalId,
    manager,
    tracking,
    ami,
    gateway,
    async place(request) {
      const result = await placeOutgoingCall({ origin: 'click_to_call', ...request, db, portalId, ami });
      if (result.outcome !== 'placed')
        throw new Error(`call to ${request.number} not placed: ${JSON.stringify(result)}`);
      return { linkedId: result.linkedId, decision: result.decision };
    },
    async setGateway(variable, value) {
      await gateway.action({ Action: 'Setvar', Variable: variable, Value: value });
    },
    async close() {
      await gateway.action({ Action: 'Setvar', Variable: 'TALK_SECS', Value: '3' }).catch(() => undefined);
      gateway.close();
      manager.stop();
      await tracking.flushed();
      await testDb.dispose();
    },
  };
}
