import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What a gateway of the simulator does with every call (its dialplan reads AstDB gwfault/<gateway>). */
export type GatewayFault = '503' | 'blocked' | 'drop2s';

/** The simulator's AMI, as any of the test AMI clients offers it. */
export type GatewayAmi = { action(fields: { Action: string } & Record<string, string>): Promise<unknown> };

export type SetGatewayFaultOptions = {
  ami: GatewayAmi;
  /** The gateway (beeline, mts…), or one SIM of it by its port prefix (mts-3: calls dialled as 3#<number>). */
  gateway: string;
  fault: GatewayFault | null;
};

/** Switches one gateway's fault on (or off with null) at once: no reload, the next call sees it. */
export async function setGatewayFault({ ami, gateway, fault }: SetGatewayFaultOptions): Promise<void> {
  if (fault) await ami.action({ Action: 'DBPut', Family: 'gwfault', Key: gateway, Val: fault });
  else await ami.action({ Action: 'DBDel', Family: 'gwfault', Key: gateway }).catch(() => undefined);
}

const LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * A gateway that stops answering (qualify OPTIONS included): its loopback address becomes a blackhole in the local
 * routing table, so the PBX's packets to it go nowhere. Asterisk cannot be told to ignore OPTIONS per transport, so
 * this fault lives in the network. Returns the undo; `peers.sh up` also removes any left behind by a crashed test.
 * Loopback addresses only, and only the simulator's gateways (127.0.0.11–15).
 */
export async function silenceGateway(address: string): Promise<() => Promise<void>> {
  if (!LOOPBACK.test(address) || !/^127\.0\.0\.1[1-5]$/.test(address))
    throw new Error(`${address} is not one of the simulator's gateways`);
  await run('ip', ['route', 'add', 'blackhole', `${address}/32`, 'table', 'local']);
  return async () => {
    await run('ip', ['route', 'del', 'blackhole', `${address}/32`, 'table', 'local']).catch(() => undefined);
  };
}
