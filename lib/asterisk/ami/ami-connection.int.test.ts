import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AmiActionError, AmiConnection } from './ami-connection';
import { amiFieldList } from './ami-message';

const pbx = {
  host: process.env.AMI_HOST ?? '127.0.0.1',
  port: Number(process.env.AMI_PORT ?? 25038),
  user: process.env.AMI_USER ?? 'app',
  secret: process.env.AMI_SECRET ?? '',
};

describe('AmiConnection on the real PBX', () => {
  let ami: AmiConnection;
  beforeAll(async () => {
    ami = await AmiConnection.open(pbx);
  });
  afterAll(() => ami.close());

  it('answers concurrent actions each with its own reply (no ActionID collisions)', async () => {
    const [ping, status, settings] = await Promise.all([
      ami.action({ Action: 'Ping' }),
      ami.action({ Action: 'CoreStatus' }),
      ami.action({ Action: 'CoreSettings' }),
    ]);
    expect(ping.Ping).toBe('Pong');
    expect(status.CoreCurrentCalls).toBeDefined();
    expect(settings.AsteriskVersion).toMatch(/^22\./);
  });

  it('rejects on Response: Error', async () => {
    await expect(ami.action({ Action: 'NoSuchAction' })).rejects.toBeInstanceOf(AmiActionError);
  });

  it('collects a whole EventList and keeps repeated Output lines', async () => {
    const endpoints = await ami.listAction({ Action: 'PJSIPShowEndpoints' });
    expect(endpoints.events.map((e) => e.ObjectName)).toEqual(expect.arrayContaining(['gw_beeline', 'gw_mts', '101']));
    const command = await ami.action({ Action: 'Command', Command: 'pjsip show endpoints' });
    expect(amiFieldList(command, 'Output').length).toBeGreaterThan(5);
  });

  it('refuses a bad secret', async () => {
    await expect(AmiConnection.open({ ...pbx, secret: 'wrong' })).rejects.toBeInstanceOf(AmiActionError);
  });
});
