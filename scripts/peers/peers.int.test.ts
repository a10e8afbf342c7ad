import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import type AmiClient from 'asterisk-ami-client';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectEventList } from './test-support/collect-event-list';
import { connectAmi } from './test-support/connect-ami';
import { newActionId } from './test-support/new-action-id';
import { waitForCallLogEntry } from './test-support/wait-for-call-log-entry';
import { waitForEvent } from './test-support/wait-for-event';

// Checks the peers started by `eval "$(npm run -s peers -- up)"`: the PBX sees its five gateways, a click-to-call
// really reaches the chosen gateway, and PostgreSQL answers.

const GATEWAY_TRUNKS = ['gw_beeline', 'gw_megafon', 'gw_mts', 'gw_hr1', 'gw_hr2'];

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run eval "$(npm run -s peers -- up)" first`);
  return value;
}

describe('test peers', () => {
  let pbx: AmiClient;
  let gateways: AmiClient;

  beforeAll(async () => {
    pbx = await connectAmi({
      host: requireEnv('AMI_HOST'),
      port: Number(requireEnv('AMI_PORT')),
      user: requireEnv('AMI_USER'),
      secret: requireEnv('AMI_SECRET'),
    });
    gateways = await connectAmi({
      host: requireEnv('PEERS_GW_AMI_HOST'),
      port: Number(requireEnv('PEERS_GW_AMI_PORT')),
      user: requireEnv('PEERS_GW_AMI_USER'),
      secret: requireEnv('PEERS_GW_AMI_SECRET'),
    });
  });

  afterAll(() => {
    pbx?.disconnect();
    gateways?.disconnect();
  });

  it('PBX reports all five gateway trunks reachable', async () => {
    // qualify runs every few seconds; right after a restart a contact may still be "Unknown", so poll (bounded)
    const deadline = Date.now() + 15_000;
    let reachable: string[] = [];
    while (Date.now() < deadline) {
      reachable = [];
      for (const trunk of GATEWAY_TRUNKS) {
        // PJSIPShowContacts lists only registered contacts; a trunk's static contact shows up here instead
        const details = await collectEventList({
          client: pbx,
          action: { Action: 'PJSIPShowEndpoint', Endpoint: trunk },
        });
        const contact = details.find((event) => event.Event === 'ContactStatusDetail');
        if (contact?.Status === 'Reachable') reachable.push(trunk);
      }
      if (reachable.length === GATEWAY_TRUNKS.length) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(reachable).toEqual(expect.arrayContaining(GATEWAY_TRUNKS));
  });

  it('click-to-call from manager 101 reaches the MTS gateway and lands in its call log', async () => {
    const callLog = requireEnv('PEERS_GW_CALL_LOG');
    const b24CallId = `peers-test.${randomUUID().slice(0, 8)}`;
    const channelId = `c2c-${randomUUID()}`;
    const clientNumber = '79151234567'; // ends in 7: the simulated mobile answers
    const originateId = newActionId('originate');

    const originated = waitForEvent({
      client: pbx,
      matches: (event) => event.Event === 'OriginateResponse' && event.ActionID === originateId,
      timeoutMs: 15_000,
      description: 'OriginateResponse for manager 101',
    });
    const gsmCall = waitForEvent({
      client: gateways,
      matches: (event) =>
        event.Event === 'UserEvent' && event.UserEvent === 'GsmCall' && event.XB24CallId === b24CallId,
      timeoutMs: 20_000,
      description: `GsmCall for ${b24CallId}`,
    });
    const trunkHangup = waitForEvent({
      client: pbx,
      matches: (event) =>
        event.Event === 'Hangup' && event.Linkedid === channelId && String(event.Channel).startsWith('PJSIP/gw_mts-'),
      timeoutMs: 30_000,
      description: 'hangup of the MTS trunk leg',
    });

    const response = await pbx.action(
      {
        Action: 'Originate',
        ActionID: originateId,
        Channel: 'PJSIP/101',
        Context: 'outbound',
        Exten: clientNumber,
        Priority: 1,
        CallerID: `"Client" <${clientNumber}>`,
        Timeout: 15_000,
        Async: 'true',
        ChannelId: channelId,
        // ids only, no commas: the library joins Variable values with commas and Asterisk splits on them
        Variable: [`__B24_CALL_ID=${b24CallId}`, 'TRUNK=gw_mts', 'MANAGER_EXT=101'],
      },
      true,
    );
    expect(response.Response).toBe('Success');
    expect((await originated).Response).toBe('Success');

    expect(await gsmCall).toMatchObject({ Gateway: 'mts', Number: clientNumber, CallerIdNum: '101' });
    const entry = await waitForCallLogEntry({
      path: callLog,
      matches: (line) => line.b24CallId === b24CallId,
      timeoutMs: 10_000,
    });
    expect(entry).toMatchObject({ gateway: 'mts', number: clientNumber, callerId: '101', b24CallId });
    expect(Number.isNaN(Date.parse(entry.time))).toBe(false);

    // let the simulated conversation end so the next test starts with no live channels
    expect(await trunkHangup).toMatchObject({ Linkedid: channelId });
  });

  // A daemon that inherits the lock's fd (fd 9 of peers.sh) holds it for its whole life, and every later `up` — the
  // PBX-crash test runs one — waits on it until its 900 s timeout. CI caught it once: PostgreSQL started by `up`.
  it('no process outside peers.sh holds the peers lock', () => {
    const lock = path.join(path.dirname(requireEnv('PEERS_CHROOT')), '.lock');
    const holders: string[] = [];
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      let fds: string[];
      try {
        fds = readdirSync(`/proc/${pid}/fd`);
      } catch {
        continue; // gone, or not ours to read
      }
      const holds = fds.some((fd) => {
        try {
          return readlinkSync(`/proc/${pid}/fd/${fd}`) === lock;
        } catch {
          return false;
        }
      });
      if (!holds) continue;
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      if (!/peers\.sh|flock/.test(command)) holders.push(`${pid} ${command}`);
    }
    expect(holders).toEqual([]);
  });

  it('PostgreSQL answers on TEST_PG_URL', async () => {
    const client = new pg.Client({ connectionString: requireEnv('TEST_PG_URL') });
    await client.connect();
    try {
      const result = await client.query<{ one: number }>('select 1 as one');
      expect(result.rows[0]?.one).toBe(1);
    } finally {
      await client.end();
    }
  });
});
