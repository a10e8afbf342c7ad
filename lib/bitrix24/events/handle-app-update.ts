import type { Db } from '../../db/client';
import { setUpPortal } from '../install/set-up-portal';
import { readBracketString, type BracketTree } from '../parse-bracket-body';
import type { EventOutcome } from './event-context';
import { storeInstall } from './handle-app-install';

const REFUSED: EventOutcome = { status: 401, body: { error: 'UNAUTHORIZED' } };

/**
 * ONAPPUPDATE: a new version brings a new application_token (on-app-update.md), which no stored token can vouch for,
 * and the old version's event bindings are gone (event-bind.md). So it is proven like an install — the OAuth server
 * names the portal and the portal says the updating user is an admin — then the new token is stored and the
 * handlers and placements are bound again after the answer. Only a portal that has the app installed is updated.
 */
export async function handleAppUpdate(body: BracketTree, db: Db): Promise<EventOutcome> {
  const memberId = readBracketString(body, 'auth', 'member_id');
  const applicationToken = readBracketString(body, 'auth', 'application_token');
  if (!memberId || !applicationToken) return REFUSED;
  const known = await db.portal.findUnique({ where: { memberId }, select: { status: true } });
  if (known?.status !== 'active') return REFUSED;
  const portalId = await storeInstall({
    db,
    memberId,
    refreshToken: readBracketString(body, 'auth', 'refresh_token'),
    applicationToken,
    lang: readBracketString(body, 'data', 'LANGUAGE_ID') || undefined,
  });
  if (portalId === null) return REFUSED;
  return {
    status: 200,
    body: { ok: true },
    background: async () => {
      await setUpPortal({ portalId, db });
    },
  };
}
