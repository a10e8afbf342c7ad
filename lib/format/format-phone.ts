/**
 * A phone number as people read it: Russian numbers as "+7 915 123-45-67" (stored as 79151234567, typed as
 * 8 915… or +7 (915)…); other E.164 numbers as "+" and their digits; extensions and anything else as they are.
 */
export function formatPhone(value: string | null | undefined): string {
  if (!value) return '—';
  const digits = value.replace(/[\s()+\-.]/g, '');
  const russian = /^[78](\d{3})(\d{3})(\d{2})(\d{2})$/.exec(digits);
  if (russian) return `+7 ${russian[1]} ${russian[2]}-${russian[3]}-${russian[4]}`;
  if (/^\d{11,15}$/.test(digits)) return `+${digits}`;
  return value;
}
