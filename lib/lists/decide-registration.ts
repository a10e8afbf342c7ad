export type ListName = 'whitelist_user' | 'whitelist_department' | 'whitelist_extension' | 'never_record';
export type ListItem = { list: ListName | string; value: string; isPattern: boolean };

export type RegistrationCall = {
  /** Bitrix24 user id of the manager on the call, when known. */
  userId?: number | null;
  departmentIds: number[];
  extension?: string | null;
  /** The client's number, any format. */
  number: string;
};

export type RegistrationReason =
  | 'never_record'
  | 'whitelist_user'
  | 'whitelist_department'
  | 'whitelist_extension'
  | 'not_whitelisted';
export type RegistrationDecision = { register: boolean; reason: RegistrationReason; matched?: string };

export type DecideRegistrationOptions = { call: RegistrationCall; lists: ListItem[] };

/**
 * Whether a call goes into the CRM. The never-record list wins over everything (water delivery, courts: never, even for
 * a whitelisted manager); otherwise only whitelisted users, departments or extensions are registered, checked in
 * that order. An empty whitelist registers nothing — registration is opt-in, as the issue asks.
 * Numbers compare as digits with a Russian leading 8 read as 7; a pattern's `*` is any digits, `?` one digit.
 */
export function decideRegistration({ call, lists }: DecideRegistrationOptions): RegistrationDecision {
  const number = normalizeDigits(call.number);
  for (const item of lists) {
    if (
      item.list === 'never_record' &&
      number &&
      matches(number, normalizeDigits(item.value, item.isPattern), item.isPattern)
    ) {
      return { register: false, reason: 'never_record', matched: item.value };
    }
  }
  const userId = call.userId ? String(call.userId) : '';
  const byUser = userId
    ? lists.find((item) => item.list === 'whitelist_user' && item.value.trim() === userId)
    : undefined;
  if (byUser) return { register: true, reason: 'whitelist_user', matched: byUser.value };
  const departments = new Set(call.departmentIds.map(String));
  const byDepartment = lists.find((item) => item.list === 'whitelist_department' && departments.has(item.value.trim()));
  if (byDepartment) return { register: true, reason: 'whitelist_department', matched: byDepartment.value };
  const extension = (call.extension ?? '').trim();
  const byExtension = extension
    ? lists.find((item) => item.list === 'whitelist_extension' && matches(extension, item.value.trim(), item.isPattern))
    : undefined;
  if (byExtension) return { register: true, reason: 'whitelist_extension', matched: byExtension.value };
  return { register: false, reason: 'not_whitelisted' };
}

/** Digits only; 8XXXXXXXXXX (11 digits, Russian trunk prefix) → 7XXXXXXXXXX. Patterns keep their wildcards. */
export function normalizeDigits(value: string, isPattern = false): string {
  const kept = value.replace(isPattern ? /[^\d*?]/g : /\D/g, '');
  return /^8[\d*?]/.test(kept) &&
    (isPattern ? kept.replace(/[*?]/g, '').length <= 11 : kept.length === 11) &&
    !kept.startsWith('8*')
    ? `7${kept.slice(1)}`
    : kept;
}

function matches(value: string, expected: string, isPattern: boolean): boolean {
  if (!expected) return false;
  if (!isPattern) return value === expected;
  const source = expected
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(value);
}
