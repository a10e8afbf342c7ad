import type { Db } from '../../db/client';
import { AppError } from '../../errors/app-error';
import { normalizePhoneNumber } from '../../numbering/phone';
import { forgetRoutingContext } from './get-routing-context';

export type RemoveNumberOverrideOptions = { db: Db; portalId: number; number: string };

/**
 * Removes a portal admin's override of a number; that portal's calls go back to learned answers, ported data and the
 * registry. Learned overrides and other portals' overrides are not the admin's to remove.
 */
export async function removeNumberOverride({
  db,
  portalId,
  number,
}: RemoveNumberOverrideOptions): Promise<{ removed: boolean }> {
  const normalized = normalizePhoneNumber(number);
  if (!normalized.ok)
    throw new AppError('INVALID_INPUT', `"${number}" is not a phone number.`, {
      number: 'Неверный номер / Invalid number',
    });
  const { count } = await db.numberOverride.deleteMany({ where: { portalId, number: normalized.e164 } });
  if (count > 0) forgetRoutingContext(portalId);
  return { removed: count > 0 };
}
