import type { Db } from '../../db/client';
import { callPortalRest } from '../rest/call-portal-rest';
import { getPortalClient } from '../rest/get-portal-client';
import { classifyDefaultLine, restAppLineId, type DefaultLineStatus } from './classify-default-line';

export type CheckDefaultLineOptions = { db: Db; portalId: number };

export type DefaultLineCheck = DefaultLineStatus & {
  /** Our line id as the portal names it (REST_APP:<app id>); null when app.info did not answer. */
  ourLine: string | null;
};

/**
 * Is our app the portal's default outgoing line? ONEXTERNALCALLSTART reaches only that app (on-external-call-start.md),
 * so a click in the CRM does nothing here otherwise. Reads voximplant.line.outgoing.get and app.info with the
 * installing admin's tokens (the method needs the "manage numbers" right); a refusal is 'unknown', never an error.
 */
export async function checkDefaultLine({ db, portalId }: CheckDefaultLineOptions): Promise<DefaultLineCheck> {
  const client = await getPortalClient({ portalId, db });
  const [line, app] = await Promise.all([
    callPortalRest(client, 'voximplant.line.outgoing.get', {}),
    callPortalRest(client, 'app.info', {}),
  ]);
  const info = app.ok ? (app.result as { ID?: unknown; CODE?: unknown } | null) : null;
  const appId = info?.ID;
  const status = classifyDefaultLine(line.ok ? line.result : undefined, [appId, info?.CODE]);
  const known = typeof appId === 'number' || (typeof appId === 'string' && appId !== '');
  return { ...status, ourLine: known ? restAppLineId(String(appId)) : null };
}
