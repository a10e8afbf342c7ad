import { describe, expect, it, vi } from 'vitest';
import { AppError } from './app-error';

/** Another copy of the module, as the Next.js server and the dialplan process's bundle hold them. */
async function anotherCopy(): Promise<typeof AppError> {
  vi.resetModules();
  const copy = (await import('./app-error')).AppError;
  expect(copy).not.toBe(AppError);
  return copy;
}

describe('AppError.is', () => {
  it('knows an AppError made by another copy of the module, with its code and status', async () => {
    const error = new (await anotherCopy())('NOT_FOUND', 'Portal "x" is not installed');
    expect(AppError.is(error)).toBe(true);
    expect(AppError.is(error) && error.status).toBe(404);
  });

  it('does not take a plain error or a look-alike object for one', () => {
    expect(AppError.is(new Error('boom'))).toBe(false);
    expect(AppError.is({ name: 'AppError', code: 'NOT_FOUND', message: 'x' })).toBe(false);
    expect(AppError.is(null)).toBe(false);
  });
});
