import type { Db } from '../../db/client';
import { AppError } from '../../errors/app-error';
import { findKnownCarrier } from '../registry';
import { normalizePhoneNumber } from '../phone';
import { getNumberingData, reloadOverrides } from './get-numbering-data';

export type SetNumberOverrideOptions = { db: Db; number: string; inn: string; note?: string };

/**
 * The admin's per-number carrier: beats ported data and the registry until removed. The ИНН must be one the registry
 * or the carrier catalogue knows, so a typo cannot silently send every call to the number through the default trunk.
 */
export async function setNumberOverride({
  db,
  number,
  inn,
  note = '',
}: SetNumberOverrideOptions): Promise<{ e164: string; inn: string }> {
  const normalized = normalizePhoneNumber(number);
  if (!normalized.ok || normalized.kind === 'short' || normalized.kind === 'foreign') {
    throw new AppError('INVALID_INPUT', `"${number}" is not a Russian phone number.`, {
      number: 'Нужен российский номер / A Russian number is required',
    });
  }
  const cleanInn = inn.trim();
  const data = await getNumberingData({ db });
  const known = Boolean(findKnownCarrier(cleanInn)) || data.index.carriers.some((carrier) => carrier.inn === cleanInn);
  if (!known)
    throw new AppError('INVALID_INPUT', `ИНН "${inn}" is not a carrier in the registry.`, {
      inn: 'ИНН оператора не найден в реестре / Not a carrier ИНН from the registry',
    });
  const trimmedNote = note.trim().slice(0, 200);
  await db.numberOverride.upsert({
    where: { number: normalized.e164 },
    create: { number: normalized.e164, inn: cleanInn, source: 'admin', note: trimmedNote },
    update: { inn: cleanInn, source: 'admin', note: trimmedNote, expiresAt: null, createdAt: new Date() },
  });
  await reloadOverrides(db);
  return { e164: normalized.e164, inn: cleanInn };
}
