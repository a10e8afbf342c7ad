/** A stored Russian E.164 number (74951112233) as people read it (+7 495 111-22-33); anything else unchanged. */
export function formatStoredNumber(value: string): string {
  const match = /^7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(value);
  return match ? `+7 ${match[1]} ${match[2]}-${match[3]}-${match[4]}` : value;
}
