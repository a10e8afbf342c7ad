import type { Db } from '../../db/client';
import { takeNamedWriteLock } from '../../db/take-write-lock';
import { reloadLearnedOverrides } from './get-numbering-data';

export type LearnNumberCarrierOptions = { db: Db; e164: string; inn: string; ttlMs: number; note?: string; now?: Date };

/**
 * Remembers a measured answer (an HLR lookup) as a learned override that expires, for every portal: it is a fact about
 * the number. A portal admin's override of the same number still wins for that portal (it is checked first). This is
 * the only writer of learned rows and keeps one per number under a lock, because the unique index on (portalId,
 * number) treats every null portalId as distinct.
 */
export async function learnNumberCarrier({
  db,
  e164,
  inn,
  ttlMs,
  note = '',
  now = new Date(),
}: LearnNumberCarrierOptions): Promise<'learned'> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const fields = { inn, source: 'learned', note, expiresAt, createdAt: now };
  await db.$transaction(async (tx) => {
    await takeNamedWriteLock(tx, db, 'learned-number-override');
    const existing = await tx.numberOverride.findFirst({
      where: { portalId: null, number: e164 },
      select: { id: true },
    });
    if (existing) await tx.numberOverride.update({ where: { id: existing.id }, data: fields });
    else await tx.numberOverride.create({ data: { number: e164, ...fields } });
  });
  await reloadLearnedOverrides(db);
  return 'learned';
}
