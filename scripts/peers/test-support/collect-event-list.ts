import type AmiClient from 'asterisk-ami-client';
import { newActionId } from './new-action-id';

export type CollectEventListOptions = { client: AmiClient; action: AmiClient.AmiAction; timeoutMs?: number };

/**
 * Runs an EventList action (PJSIPShowContacts, CoreShowChannels…) and returns its item events. The library's
 * promise resolves with only the first message ("EventList: start"), so the items are gathered by ActionID here
 * until the "EventList: Complete" event.
 */
export function collectEventList({
  client,
  action,
  timeoutMs = 5000,
}: CollectEventListOptions): Promise<AmiClient.AmiEvent[]> {
  const actionId = newActionId('list');
  const items: AmiClient.AmiEvent[] = [];
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      clearTimeout(timer);
      client.removeListener('event', onEvent);
      client.removeListener(`resp_${actionId}`, onResponse);
      if (error) reject(error);
      else resolve(items);
    };
    const timer = setTimeout(
      () => finish(new Error(`${action.Action}: no EventList Complete within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onResponse = (response: AmiClient.AmiEvent) => {
      if (response.Response === 'Error') finish(new Error(`${action.Action}: ${String(response.Message)}`));
    };
    const onEvent = (event: AmiClient.AmiEvent) => {
      if (event.ActionID !== actionId) return;
      if (event.EventList === 'Complete') finish();
      else items.push(event);
    };
    client.on(`resp_${actionId}`, onResponse);
    client.on('event', onEvent);
    client.action({ ...action, ActionID: actionId });
  });
}
