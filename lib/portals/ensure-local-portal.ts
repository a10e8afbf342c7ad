import type { Db } from '../db/client';

/** The portal of the embedded/standalone mode: settings for a PBX used without (or before) a Bitrix24 install. */
export const LOCAL_MEMBER_ID = 'local';

export type EnsureLocalPortalOptions = { db: Db };

export async function ensureLocalPortal({ db }: EnsureLocalPortalOptions): Promise<{ id: number }> {
  return db.portal.upsert({
    where: { memberId: LOCAL_MEMBER_ID },
    create: {
      memberId: LOCAL_MEMBER_ID,
      domain: 'localhost',
      clientEndpoint: '',
      accessToken: '',
      refreshToken: '',
      expiresAt: new Date(0),
      status: 'local',
    },
    update: {},
    select: { id: true },
  });
}
