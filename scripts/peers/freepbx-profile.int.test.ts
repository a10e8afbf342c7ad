import { randomInt } from 'node:crypto';
import type AmiClient from 'asterisk-ami-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAmi } from './test-support/connect-ami';
import { newActionId } from './test-support/new-action-id';
import { waitForCallLogEntry } from './test-support/wait-for-call-log-entry';
import { waitForEvent } from './test-support/wait-for-event';

// The FreePBX-shaped profile (`peers.sh up` or `peers.sh up freepbx`): the app's AMI user has only the minimum rights,
// and calls through FreePBX's own outbound routes leave through a hyphenated PJSIP trunk and the IAX2 trunk.

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run eval "$(npm run -s peers -- up)" first`);
  return value;
}

/** A fresh mobile number ending in 1-8 (0 is busy, 9 never answers on the simulator), so the log line is ours. */
const freshNumber = () => `7916${String(randomInt(100_000, 1_000_000))}${randomInt(1, 9)}`;

describe('FreePBX-shaped test PBX', () => {
  let pbx: AmiClient;
  const login = {
    host: requireEnv('FREEPBX_AMI_HOST'),
    port: Number(requireEnv('FREEPBX_AMI_PORT')),
    user: requireEnv('FREEPBX_AMI_USER'),
    secret: requireEnv('FREEPBX_AMI_SECRET'),
  };

  beforeAll(async () => {
    pbx = await connectAmi(login);
  });
  afterAll(() => pbx?.disconnect());

  it('the minimum-rights user may run what the app needs, and nothing that needs `system`', async () => {
    const act = (action: AmiClient.AmiAction) => pbx.action({ ...action, ActionID: newActionId('rights') }, true);
    expect((await act({ Action: 'ShowDialPlan', Context: 'macro-dialout-trunk' })).Response).toBe('Success');
    expect((await act({ Action: 'ExtensionState', Exten: '101', Context: 'ext-local' })).Response).toBe('Success');
    const device = await act({ Action: 'Getvar', Variable: 'DEVICE_STATE(PJSIP/Beeline-GoIP)' });
    expect(device).toMatchObject({ Response: 'Success', Value: 'NOT_INUSE' });
    expect((await act({ Action: 'Command', Command: 'core show uptime' })).Response).toBe('Error');
    expect((await act({ Action: 'Setvar', Variable: 'X', Value: '1' })).Response).toBe('Error');
  });

  it.each([
    ['Beeline-GoIP', '', 'beeline'],
    ['MegaFon-IAX (IAX2)', '3', 'megafon'],
  ])('a call through %s reaches the gateway simulator', async (_trunk, routePrefix, gateway) => {
    const number = freshNumber();
    const since = Date.now();
    const originateId = newActionId('originate');
    const originated = waitForEvent({
      client: pbx,
      matches: (event) => event.Event === 'OriginateResponse' && event.ActionID === originateId,
      timeoutMs: 15_000,
      description: 'OriginateResponse',
    });
    // FreePBX's own way: the extension's channel, then its outbound route in from-internal
    const response = await pbx.action(
      {
        Action: 'Originate',
        ActionID: originateId,
        Channel: 'PJSIP/101',
        Context: 'from-internal',
        Exten: `${routePrefix}${number}`,
        Priority: 1,
        CallerID: `"Client" <${number}>`,
        Timeout: 15_000,
        Async: 'true',
      },
      true,
    );
    expect(response).toMatchObject({ Response: 'Success' });
    expect((await originated).Response).toBe('Success');
    const entry = await waitForCallLogEntry({
      path: requireEnv('PEERS_GW_CALL_LOG'),
      matches: (line) => line.number === number && Date.parse(line.time) >= since - 1000,
      timeoutMs: 15_000,
    });
    expect(entry).toMatchObject({ gateway, number });
  });

  it('a user without `originate` is refused Originate', async () => {
    const limited = await connectAmi({ ...login, user: `${login.user}-no-originate` });
    try {
      const response = await limited.action(
        { Action: 'Originate', ActionID: newActionId('denied'), Channel: 'PJSIP/101', Application: 'Wait', Data: '1' },
        true,
      );
      expect(response).toMatchObject({ Response: 'Error', Message: 'Permission denied' });
    } finally {
      limited.disconnect();
    }
  });
});
