import { describe, expect, it } from 'vitest';
import { translate } from '@/lib/i18n/messages';
import { describeRegistrationReason } from './registration-reason';

describe('describeRegistrationReason', () => {
  it.each<[string | null, string | null, string | null]>([
    ['simulation', 'симуляция', 'симуляция — в Битрикс24 не отправляется'],
    ['whitelist_department', 'белый список: отдел', 'отдел в белом списке'],
    ['click_to_call', 'из Битрикс24', 'звонок из Битрикс24 — регистрирует сам Битрикс24'],
    ['some_future_reason', 'прочее', 'другая причина'],
    [null, null, null],
  ])('%s → %s / %s', (reason, short, long) => {
    const text = describeRegistrationReason(reason);
    expect(text && translate('ru', text.short)).toBe(short);
    expect(text && translate('ru', text.long)).toBe(long);
  });
});
