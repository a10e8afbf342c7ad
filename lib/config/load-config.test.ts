import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config';
import { AppError } from '../errors/app-error';

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig({ env });
  } catch (error) {
    expect(AppError.is(error)).toBe(true);
    return (error as AppError).message;
  }
  throw new Error('expected a configuration error');
}

describe('loadConfig', () => {
  it('runs embedded with no variables at all', () => {
    const config = loadConfig({ env: {} });
    expect(config.database).toEqual({ kind: 'sqlite', file: './data/app.db' });
    expect(config.PUBLIC_URL).toBe('http://localhost:3000');
    expect(config.pbxes).toEqual([]);
    expect(loadConfig({ env: { PORT: '3100' } }).PUBLIC_URL).toBe('http://localhost:3100');
    expect(loadConfig({ env: { PORT: '3100', PUBLIC_URL: 'https://calls.example.com' } }).PUBLIC_URL).toBe(
      'https://calls.example.com',
    );
    // settings/oauth/auto-renewal.md: tokens are renewed at oauth.bitrix24.tech.
    expect(config.B24_OAUTH_URL).toBe('https://oauth.bitrix24.tech');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ env: { DATABASE_URL: '', AMI_HOST: '' } }).pbxes).toEqual([]);
  });

  it('recognises PostgreSQL', () => {
    const config = loadConfig({ env: { DATABASE_URL: 'postgresql://u:p@127.0.0.1:5432/db' } });
    expect(config.database.kind).toBe('postgresql');
  });

  it('builds one PBX from AMI_* variables', () => {
    const config = loadConfig({ env: { AMI_HOST: '127.0.0.1', AMI_PORT: '25038', AMI_USER: 'app', AMI_SECRET: 's' } });
    expect(config.pbxes).toEqual([{ name: 'main', host: '127.0.0.1', port: 25038, user: 'app', secret: 's' }]);
  });

  it('takes the click-to-call channel and context per PBX (FreePBX: Local/{ext}@from-internal)', () => {
    const env = { AMI_HOST: 'pbx', AMI_USER: 'app', AMI_SECRET: 's' };
    const freepbx = { AMI_ORIGINATE_CHANNEL: 'Local/{ext}@from-internal', AMI_ORIGINATE_CONTEXT: 'from-internal' };
    expect(loadConfig({ env: { ...env, ...freepbx } }).pbxes[0]).toMatchObject({
      originateChannel: 'Local/{ext}@from-internal',
      originateContext: 'from-internal',
    });
    const list = [{ name: 'spb', host: 'h', port: 1, user: 'u', secret: 's', originateChannel: 'SIP/{ext}' }];
    expect(loadConfig({ env: { AMI_PBXES: JSON.stringify(list) } }).pbxes).toEqual(list);
  });

  it('builds several PBXes from AMI_PBXES', () => {
    const list = [
      { name: 'moscow', host: '127.0.0.1', port: 5038, user: 'a', secret: 'b' },
      { name: 'spb', host: '127.0.0.2', port: 5038, user: 'a', secret: 'b' },
    ];
    expect(loadConfig({ env: { AMI_PBXES: JSON.stringify(list) } }).pbxes).toEqual(list);
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: must start with file:.*\(got "mysql:\/\/x"\)$/],
    [{ AMI_PORT: 'abc' }, /^AMI_PORT: /],
    [{ AMI_PORT: '70000' }, /^AMI_PORT: /],
    [{ PUBLIC_URL: 'localhost' }, /^PUBLIC_URL: must be an absolute URL/],
    [{ AMI_HOST: '127.0.0.1' }, /^AMI_USER: required when AMI_HOST is set$/],
    [{ AMI_HOST: '127.0.0.1', AMI_USER: 'app' }, /^AMI_SECRET: required when AMI_HOST is set$/],
    [{ AMI_PBXES: '[{' }, /^AMI_PBXES: must be a JSON array/],
    [{ AMI_PBXES: '[{"name":"A B","host":"h","port":1,"user":"u","secret":"s"}]' }, /^AMI_PBXES\[0\.name\]: /],
    [{ AMI_ORIGINATE_CHANNEL: 'PJSIP/101' }, /^AMI_ORIGINATE_CHANNEL: PJSIP\/\{ext\}, SIP/],
    [{ AMI_ORIGINATE_CHANNEL: 'PJSIP/{ext}&PJSIP/102' }, /^AMI_ORIGINATE_CHANNEL: /],
    [{ AMI_ORIGINATE_CHANNEL: 'Dongle/{ext}' }, /^AMI_ORIGINATE_CHANNEL: /],
    [{ AMI_ORIGINATE_CONTEXT: 'from internal' }, /^AMI_ORIGINATE_CONTEXT: a dialplan context/],
    [{ DIALPLAN_SECRET: 'short' }, /^DIALPLAN_SECRET: must be at least 16 characters/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL: /],
  ])('names the variable in one line: %j', (env, pattern) => {
    const message = errorOf(env as Record<string, string>);
    expect(message).toMatch(pattern);
    expect(message).not.toContain('\n');
  });
});
