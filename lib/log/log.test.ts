import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatLogLine, log } from './log';

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.LOG_LEVEL;
});

describe('log', () => {
  it('a CR/LF inside a value or the message stays inside one line', () => {
    const forged = 'abc\r\n{"time":"x","level":"error","msg":"forged"}';
    const line = formatLogLine('warn', `event ${forged}`, { callId: forged, error: new Error(`bad\n${forged}`) });
    expect(line).not.toMatch(/[\r\n]/);
    expect(JSON.parse(line)).toMatchObject({ level: 'warn', callId: forged, error: { message: `bad\n${forged}` } });
  });

  it('drops lines below LOG_LEVEL', () => {
    const out = vi.spyOn(process.stdout, 'write').mockReturnValue(true);
    const err = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    process.env.LOG_LEVEL = 'warn';
    log.info('hidden');
    log.debug('hidden');
    log.warn('shown');
    expect(out).not.toHaveBeenCalled();
    expect(err).toHaveBeenCalledTimes(1);
    process.env.LOG_LEVEL = 'debug';
    log.debug('now shown');
    expect(out).toHaveBeenCalledTimes(1);
  });
});
