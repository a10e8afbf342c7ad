import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../errors/app-error';
import { fromCrossingError, toCrossingError } from './crossing-error';

describe('an error crossing the process boundary', () => {
  it('keeps the code of an AppError thrown by another copy of the module (Next.js holds several)', async () => {
    vi.resetModules();
    const { AppError: CopiedAppError } = await import('../errors/app-error');
    const crossed = fromCrossingError(
      structuredClone(toCrossingError(new CopiedAppError('NOT_FOUND', 'not installed'))),
    );
    expect(AppError.is(crossed)).toBe(true);
    expect(crossed).toMatchObject({ code: 'NOT_FOUND', status: 404, message: 'not installed' });
  });

  it('turns anything else into a plain error with its message', () => {
    const crossed = fromCrossingError(structuredClone(toCrossingError(new TypeError('boom'))));
    expect(AppError.is(crossed)).toBe(false);
    expect(crossed.message).toBe('boom');
  });
});
