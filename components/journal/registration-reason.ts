import type { MessageKey } from '@/lib/i18n/messages';

const known = [
  'never_record',
  'whitelist_user',
  'whitelist_department',
  'whitelist_extension',
  'not_whitelisted',
  'unknown_user',
  'simulation',
  'click_to_call',
  'callback',
  'desk_phone',
  'incoming',
] as const;
type KnownReason = (typeof known)[number] | 'other';

export type RegistrationReasonText = { reason: KnownReason; short: MessageKey; long: MessageKey };

/**
 * A journal row's registration reason as two texts: a short label for the row and the explanation the legend under the
 * table gives once. A reason stored by a newer version falls under "other" rather than showing its code.
 */
export function describeRegistrationReason(reason: string | null): RegistrationReasonText | null {
  if (!reason) return null;
  const found: KnownReason = (known as readonly string[]).includes(reason) ? (reason as KnownReason) : 'other';
  return { reason: found, short: `journal.short.${found}`, long: `journal.reason.${found}` };
}
