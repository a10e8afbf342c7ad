import type { Db } from '../../db/client';
import { AppError } from '../../errors/app-error';
import { normalizePhoneNumber } from '../../numbering/phone';
import { findKnownCarrier } from '../../numbering/registry';
import { getNumberingData } from '../../numbering/store';
import { forgetRoutingContext } from './get-routing-context';

export type SetNumberOverrideOptions = { db: Db; portalId: number; number: string; inn: string; note?: string };

/**
 * A portal admin's carrier for one number: beats learned answers, ported data and the registry for this portal's calls
 * only, until removed. The ИНН must be one the registry or the carrier catalogue knows, so a typo cannot silently send
 * every call to the number through the default trunk. The portal's routing uses it from the next call on.
 */
export async function setNumberOverride({
  db,
  portalId,
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
    where: { portalId_number: { portalId, number: normalized.e164 } },
    create: { portalId, number: normalized.e164, inn: cleanInn, source: 'admin', note: trimmedNote },
    update: { inn: cleanInn, note: trimmedNote, createdAt: new Date() },
  });
  forgetRoutingContext(portalId);
  return { e164: normalized.e164, inn: cleanInn };
}
