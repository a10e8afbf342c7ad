import type { Db } from '../../db/client';

export type NumberOverrideRow = {
  number: string;
  inn: string;
  source: 'admin' | 'learned';
  note: string;
  createdAt: string;
  expiresAt: string | null;
};

export type ListNumberOverridesOptions = { db: Db; portalId: number; search?: string; limit?: number; now?: Date };

/**
 * The overrides a portal's calls are decided by, newest first: its own admin ones and the learned ones every portal
 * shares (shown, not editable there). Other portals' admin overrides are theirs alone. `search` matches digits
 * anywhere in the number.
 */
export async function listNumberOverrides({
  db,
  portalId,
  search = '',
  limit = 100,
  now = new Date(),
}: ListNumberOverridesOptions): Promise<{ rows: NumberOverrideRow[]; total: number }> {
  const digits = search.replace(/\D/g, '');
  const where = {
    AND: [
      { OR: [{ portalId }, { portalId: null }] },
      { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      ...(digits ? [{ number: { contains: digits } }] : []),
    ],
  };
  const [rows, total] = await Promise.all([
    db.numberOverride.findMany({ where, orderBy: { createdAt: 'desc' }, take: limit }),
    db.numberOverride.count({ where }),
  ]);
  return {
    rows: rows.map((row) => ({
      number: row.number,
      inn: row.inn,
      source: row.source === 'admin' ? 'admin' : 'learned',
      note: row.note,
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt?.toISOString() ?? null,
    })),
    total,
  };
}
