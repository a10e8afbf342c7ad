import type { Db } from '../../db/client';
import { reloadOverrides } from './get-numbering-data';

export type LearnNumberCarrierOptions = { db: Db; e164: string; inn: string; ttlMs: number; note?: string; now?: Date };

/**
 * Remembers a measured answer (an HLR lookup) as a learned override that expires. An admin's override of the same
 * number is a deliberate decision and is never replaced by a measurement.
 */
export async function learnNumberCarrier({
  db,
  e164,
  inn,
  ttlMs,
  note = '',
  now = new Date(),
}: LearnNumberCarrierOptions): Promise<'learned' | 'kept_admin'> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const existing = await db.numberOverride.findUnique({ where: { number: e164 } });
  if (existing?.source === 'admin') return 'kept_admin';
  await db.numberOverride.upsert({
    where: { number: e164 },
    create: { number: e164, inn, source: 'learned', note, expiresAt, createdAt: now },
    update: { inn, source: 'learned', note, expiresAt, createdAt: now },
  });
  await reloadOverrides(db);
  return 'learned';
}
