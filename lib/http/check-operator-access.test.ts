import { describe, expect, it } from 'vitest';
import { checkOperatorAccess } from './check-operator-access';

const TOKEN = 'operator-token-0123456789';
const upload = (headers: Record<string, string> = {}) =>
  new Request('https://calls.example.com/api/numbering/import', { method: 'POST', headers });
const refusal = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { key?: string }).key;
  }
};

describe('checkOperatorAccess', () => {
  it('a standalone installation (no app keys): whoever runs it is the operator', () => {
    expect(refusal(() => checkOperatorAccess(upload(), { bitrix24Configured: false, operatorToken: undefined }))).toBe(
      null,
    );
  });

  it('with app keys: only the configured token, compared whole', () => {
    const keyed = { bitrix24Configured: true, operatorToken: TOKEN };
    expect(refusal(() => checkOperatorAccess(upload(), keyed))).toBe('error.operatorOnly');
    expect(refusal(() => checkOperatorAccess(upload({ 'x-operator-token': TOKEN }), keyed))).toBe(null);
    expect(refusal(() => checkOperatorAccess(upload({ 'x-operator-token': `${TOKEN}x` }), keyed))).toBe(
      'error.operatorTokenWrong',
    );
    expect(refusal(() => checkOperatorAccess(upload({ 'x-operator-token': TOKEN.slice(0, -1) }), keyed))).toBe(
      'error.operatorTokenWrong',
    );
  });

  it('with app keys and no token configured: nobody over the web', () => {
    const keyed = { bitrix24Configured: true, operatorToken: undefined };
    expect(refusal(() => checkOperatorAccess(upload({ 'x-operator-token': TOKEN }), keyed))).toBe('error.operatorOnly');
  });
});
