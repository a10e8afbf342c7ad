import type { Db } from '../../db/client';
import { AppError } from '../../errors/app-error';
import { normalizePhoneNumber } from '../phone';
import { reloadOverrides } from './get-numbering-data';

export type RemoveNumberOverrideOptions = { db: Db; number: string };

/** Removes a number's override (admin or learned); the number goes back to ported data and the registry. */
export async function removeNumberOverride({ db, number }: RemoveNumberOverrideOptions): Promise<{ removed: boolean }> {
  const normalized = normalizePhoneNumber(number);
  if (!normalized.ok)
    throw new AppError('INVALID_INPUT', `"${number}" is not a phone number.`, {
      number: 'Неверный номер / Invalid number',
    });
  const { count } = await db.numberOverride.deleteMany({ where: { number: normalized.e164 } });
  if (count > 0) await reloadOverrides(db);
  return { removed: count > 0 };
}
