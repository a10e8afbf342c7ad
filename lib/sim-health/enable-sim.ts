import { z } from 'zod';
import type { Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { forgetRoutingContext } from '../routing/settings/get-routing-context';

export const enableSimInput = z.object({
  trunkId: z.number().int().positive(),
  sim: z.number().int().min(0).max(63),
});
export type EnableSimOptions = z.infer<typeof enableSimInput> & { db: Db; portalId: number };

/** The admin brings a SIM back into rotation: its runs start again from nothing. */
export async function enableSim({ db, portalId, trunkId, sim }: EnableSimOptions): Promise<void> {
  const changed = await db.simHealth.updateMany({
    where: { portalId, trunkId, simIndex: sim, disabledAt: { not: null } },
    data: { disabledAt: null, disabledReason: null, disabledRun: null, failuresInRow: 0, shortCallsInRow: 0 },
  });
  if (changed.count === 0)
    throw new AppError('NOT_FOUND', 'Эта SIM-карта не выведена из работы / This SIM is not out of rotation');
  forgetRoutingContext(portalId);
}
