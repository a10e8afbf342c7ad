import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorHandle } from '../../../e2e/bitrix24-emulator/start-emulator';
import { type InstalledPortal, startInstalledPortal } from '../testing/start-installed-portal';
import { APP_LINE } from '../../../e2e/bitrix24-emulator/default-line';
import { checkCallAgainstSpec } from '../../../e2e/bitrix24-emulator/spec/check-call-against-spec';
import { loadMethodSpec } from '../../../e2e/bitrix24-emulator/spec/load-method-spec';
import type { Db } from '../../db/client';
import { checkDefaultLine } from './check-default-line';
import { claimDefaultLine } from './claim-default-line';

/**
 * ONEXTERNALCALLSTART reaches only the app that is the portal's default outgoing line (on-external-call-start.md):
 * the admin's status page reads it with voximplant.line.outgoing.get, and the app asks voximplant.line.outgoing.set
 * for it — which answers 1 and changes nothing for a line the portal does not list (voximplant-line-outgoing-set.md).
 */
const MEMBER = 'default-line-member';
let emulator: EmulatorHandle;
let portal: InstalledPortal;
let db: Db;
let portalId: number;

beforeAll(async () => {
  portal = await startInstalledPortal({ memberId: MEMBER, clientId: 'app.line' });
  ({ emulator, db, portalId } = portal);
}, 60_000);
afterAll(async () => portal?.close());

describe('is our app the default outgoing line?', () => {
  it('ours when the portal stores REST_APP:<our app.info ID>', async () => {
    emulator.setDefaultLine(MEMBER, APP_LINE);
    expect(await checkDefaultLine({ db, portalId })).toEqual({ state: 'ours', line: APP_LINE, ourLine: APP_LINE });
  });

  it('a Bitrix24 SIP line is the default: said so; asking to switch is tried and read back', async () => {
    emulator.setDefaultLine(MEMBER, 'reg150907');
    expect(await checkDefaultLine({ db, portalId })).toMatchObject({ state: 'portalLine', line: 'reg150907' });
    const before = emulator.callsTo('voximplant.line.outgoing.set').length;
    const after = await claimDefaultLine({ db, portalId });
    const [set] = emulator.callsTo('voximplant.line.outgoing.set').slice(before);
    expect(set?.params).toMatchObject({ LINE_ID: APP_LINE });
    // The docs' portal keeps its line (a REST app is not among voximplant.line.get's lines): the page says so.
    expect(after).toMatchObject({ state: 'portalLine', line: 'reg150907' });
  });

  it('another app is the default: otherApp', async () => {
    emulator.setDefaultLine(MEMBER, 'REST_APP:77');
    expect((await checkDefaultLine({ db, portalId })).state).toBe('otherApp');
    emulator.setDefaultLine(MEMBER, APP_LINE);
  });

  it('the emulator delivers ONEXTERNALCALLSTART only while our line is the default', async () => {
    emulator.setDefaultLine(MEMBER, 'sip7');
    expect(await emulator.fireEvent(MEMBER, 'ONEXTERNALCALLSTART', { CALL_ID: 'x', USER_ID: '2' })).toEqual([]);
    emulator.setDefaultLine(MEMBER, APP_LINE);
  });

  it('every voximplant call the app made satisfies the vendored spec of its method', () => {
    const calls = emulator.calls.filter((call) => call.method.toLowerCase().startsWith('voximplant.'));
    expect(new Set(calls.map((call) => call.method.toLowerCase()))).toEqual(
      new Set(['voximplant.line.outgoing.get', 'voximplant.line.outgoing.set']),
    );
    for (const call of calls) {
      const spec = loadMethodSpec(call.method);
      expect(spec, call.method).toBeDefined();
      expect(checkCallAgainstSpec({ spec: spec!, params: call.params }), spec!.source.file).toEqual([]);
    }
  });
});
