import { getConfig } from '../../config/load-config';
import { getDb, type Db } from '../../db/client';
import { enqueueRestCall } from '../outbox/enqueue-rest-call';
import { callPortalRest } from '../rest/call-portal-rest';
import { getPortalClient } from '../rest/get-portal-client';

export const BOUND_EVENTS = [
  'ONEXTERNALCALLSTART',
  'ONEXTERNALCALLBACKSTART',
  'ONAPPUNINSTALL',
  'ONAPPUPDATE',
] as const;

export type BindPortalHandlersOptions = { portalId: number; publicUrl?: string; db?: Db };
export type BindingPlan = { eventKeys: string[]; messageIds: number[] };

/**
 * Placements: the call card tab and the admin pages (telephony statistics menu). Handlers go through /b24/* (POST→GET).
 */
export function wantedPlacements(publicUrl: string) {
  return [
    { PLACEMENT: 'CALL_CARD', HANDLER: `${publicUrl}/b24/call-card`, TITLE: 'Линия и маршрут' },
    { PLACEMENT: 'TELEPHONY_ANALYTICS_MENU', HANDLER: `${publicUrl}/b24/admin`, TITLE: 'Маршрутизация по операторам' },
  ];
}

/**
 * Binds our event handler and placements, idempotently: reads event.get / placement.get first and enqueues binds
 * only for what is missing (re-binding fails with "Handler already binded"). Returns the outbox keys
 * of the event binds so lines can wait for them (an app without ONEXTERNALCALLSTART is not offered as a line).
 */
export async function bindPortalHandlers({
  portalId,
  publicUrl = getConfig().PUBLIC_URL.replace(/\/+$/, ''),
  db = getDb(),
}: BindPortalHandlersOptions): Promise<BindingPlan> {
  const client = await getPortalClient({ portalId, db });
  const handler = `${publicUrl}/api/b24/events`;
  const events = await callPortalRest(client, 'event.get', {});
  if (!events.ok) throw new Error(`event.get: ${events.code} ${events.description}`);
  const bound = new Set(
    (events.result as Array<{ event: string; handler: string }>)
      .filter((item) => item.handler === handler)
      .map((item) => item.event.toUpperCase()),
  );
  const plan: BindingPlan = { eventKeys: [], messageIds: [] };
  for (const event of BOUND_EVENTS) {
    if (bound.has(event)) continue;
    const dedupeKey = `bind:${portalId}:${event}:${handler}:${Date.now().toString(36)}`;
    const { id } = await enqueueRestCall({ db, portalId, method: 'event.bind', params: { event, handler }, dedupeKey });
    plan.eventKeys.push(dedupeKey);
    plan.messageIds.push(id);
  }
  const placements = await callPortalRest(client, 'placement.get', {});
  if (!placements.ok) throw new Error(`placement.get: ${placements.code} ${placements.description}`);
  const have = new Set(
    (placements.result as Array<{ placement: string; handler: string }>).map(
      (item) => `${item.placement}\n${item.handler}`,
    ),
  );
  for (const placement of wantedPlacements(publicUrl)) {
    if (have.has(`${placement.PLACEMENT}\n${placement.HANDLER}`)) continue;
    const { id } = await enqueueRestCall({
      db,
      portalId,
      method: 'placement.bind',
      params: placement,
      dedupeKey: `placement:${portalId}:${placement.PLACEMENT}:${Date.now().toString(36)}`,
    });
    plan.messageIds.push(id);
  }
  return plan;
}
