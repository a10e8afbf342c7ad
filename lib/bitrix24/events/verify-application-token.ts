import { createHash, timingSafeEqual } from 'node:crypto';
import type { Db, PortalModel as Portal } from '../../db/client';

export type VerifyApplicationTokenOptions = { memberId: string; applicationToken: string; db: Db };

/**
 * The only proof an event came from the portal: `auth[application_token]` equals the one stored at
 * install for that `member_id`. Compared in constant time (over SHA-256 digests, so lengths never leak either).
 * Returns the portal, or null for an unknown/uninstalled portal, a portal with no token yet, or a wrong token.
 * Read-only: a refused event must leave no trace in the database.
 */
export async function verifyApplicationToken({
  memberId,
  applicationToken,
  db,
}: VerifyApplicationTokenOptions): Promise<Portal | null> {
  if (!memberId || !applicationToken) return null;
  const portal = await db.portal.findUnique({ where: { memberId } });
  if (!portal?.applicationToken || portal.status !== 'active') return null;
  return tokensEqual(portal.applicationToken, applicationToken) ? portal : null;
}

export function tokensEqual(expected: string, given: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(given)) && expected.length > 0;
}
