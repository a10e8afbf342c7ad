export type CallbackManagerCandidates = {
  /** ASSIGNED_BY_ID of the CRM entity the form named (or the number's first entity), as Bitrix24 gave it. */
  crmOwner: unknown;
  /** The default callback user the admin set on the line the event named (or on the portal's default line). */
  lineDefault: number | null;
  /** The portal's admin known to the app: the last resort. */
  admin: number | null;
};

export type CallbackManagerChoice = { userId: number; source: 'crm' | 'line' | 'admin' } | null;

const isUserId = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

/**
 * Who calls a CRM-form visitor back (on-external-call-back-start.md: no user is behind the event): the client's
 * responsible person in the CRM; else the line's default callback user; else the portal admin; else nobody.
 */
export function chooseCallbackManager({
  crmOwner,
  lineDefault,
  admin,
}: CallbackManagerCandidates): CallbackManagerChoice {
  const owner = Number(crmOwner);
  if (crmOwner !== null && crmOwner !== '' && isUserId(owner)) return { userId: owner, source: 'crm' };
  if (isUserId(lineDefault)) return { userId: lineDefault, source: 'line' };
  if (isUserId(admin)) return { userId: admin, source: 'admin' };
  return null;
}
