/** What an extension may hold: digits, * and #; the longest one a PBX menu takes in practice. */
const DIAL_EXTENSION = /^[0-9*#]{1,16}$/;
/** Longer input is not an extension: refused before it is even cleaned. */
const MAX_RAW_LENGTH = 64;
/** Separators people type inside an extension ("12-34", "1 2 3"): dropped, they are not dialled. */
const SEPARATORS = /[\s\-.()]/g;

export type DialExtension = { digits: string | null; refused: string | null };

/**
 * ONEXTERNALCALLSTART's EXTENSION (the "доб." part of a CRM number) as the digits to send as DTMF after the client
 * answers. Empty is no extension; anything but digits, * and # (after separators) is refused with the reason, and
 * the call still goes — without the digits, which are never guessed.
 */
export function parseDialExtension(raw: string | null | undefined): DialExtension {
  const text = (raw ?? '').trim();
  if (!text) return { digits: null, refused: null };
  if (text.length > MAX_RAW_LENGTH) return { digits: null, refused: `longer than ${MAX_RAW_LENGTH} characters` };
  const digits = text.replace(SEPARATORS, '');
  if (!digits) return { digits: null, refused: null };
  if (!DIAL_EXTENSION.test(digits)) return { digits: null, refused: 'only digits, * and # (up to 16) can be dialled' };
  return { digits, refused: null };
}
