import type { Db } from '../../db/client';

/** What a message that refers to another needs of it: whether it is done, and its result. */
export type OutboxRefRow = { dedupeKey: string; status: string; result: unknown };

/** The messages these dedupe keys name, by key (one read for any number of keys; none for none). */
export async function readOutboxRefs(db: Db, keys: string[]): Promise<Map<string, OutboxRefRow>> {
  if (keys.length === 0) return new Map();
  const rows = await db.outboxMessage.findMany({
    where: { dedupeKey: { in: keys } },
    select: { dedupeKey: true, status: true, result: true },
  });
  return new Map(rows.map((row) => [row.dedupeKey, row]));
}
