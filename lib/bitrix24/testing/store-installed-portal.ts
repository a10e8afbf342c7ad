import type { EmulatorHandle } from '../../../e2e/bitrix24-emulator/start-emulator';
import type { Db } from '../../db/client';

export type StoreInstalledPortalOptions = {
  db: Db;
  emulator: EmulatorHandle;
  memberId: string;
  /** Whose tokens the app holds: the admin who installed it. */
  userId?: number;
  status?: string;
};

/** Tests: an emulator portal's row as the install handler stores it (the installer's tokens, the application token). */
export async function storeInstalledPortal(options: StoreInstalledPortalOptions): Promise<number> {
  const { db, emulator, memberId, userId = 1, status = 'active' } = options;
  const auth = emulator.installAuth(memberId, userId);
  const portal = await db.portal.create({
    data: {
      memberId,
      domain: auth.domain!,
      clientEndpoint: auth.client_endpoint!,
      serverEndpoint: auth.server_endpoint!,
      accessToken: auth.access_token!,
      refreshToken: auth.refresh_token!,
      expiresAt: new Date(Number(auth.expires) * 1000),
      applicationToken: auth.application_token!,
      status,
    },
  });
  return portal.id;
}
