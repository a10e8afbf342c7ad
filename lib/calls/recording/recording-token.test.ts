import { describe, expect, it } from 'vitest';
import { signRecordingToken } from './sign-recording-token';
import { verifyRecordingToken } from './verify-recording-token';

const secret = Buffer.alloc(32, 7);
const now = Date.UTC(2026, 11, 1, 12);
const expiresAt = now / 1000 + 3600;
const token = signRecordingToken({ secret, portalId: 12, linkedId: 'pbx-1796159701.0', expiresAt });

describe('recording upload tokens', () => {
  it('name the portal and the call, and pass a shell, a header and the dialplan FILTER unchanged', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{32}$/);
    expect(verifyRecordingToken({ secret, token, now })).toEqual({
      portalId: 12,
      linkedId: 'pbx-1796159701.0',
      expiresAt,
    });
  });

  it.each([
    ['another key', { secret: Buffer.alloc(32, 8), token }],
    ['expired', { secret, token, now: now + 2 * 3600_000 }],
    [
      'another call, same signature',
      { secret, token: `${Buffer.from(`12:${expiresAt}:pbx-1`).toString('base64url')}.${token.split('.')[1]}` },
    ],
    ['garbage', { secret, token: "x',System(rm -rf /)" }],
    ['empty', { secret, token: '' }],
  ])('refuses %s with 403', (_name, options) => {
    expect(() => verifyRecordingToken({ now, ...options })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
