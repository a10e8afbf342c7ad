/**
 * A new version of the app installed on a portal: a new application_token (on-app-update.md), the event handlers
 * bound by the old version removed (event-bind.md: every version's installer binds them anew), and ONAPPUPDATE
 * posted to the app's install URL with the new token.
 */
import type { EmulatorState } from './emulator-state';
import { findPortal, randomHex } from './emulator-state';
import { fireEvent, type Delivery } from './fire-event';

export type UpdateAppOptions = {
  /** The app's install/update handler URL (not a bound handler: those are gone). */
  handler: string;
  version: string;
  previousVersion: string;
  /** Whose tokens go into `auth`: the admin who installed the update. */
  userId?: number;
};

export async function updateApp(
  state: EmulatorState,
  portalKey: string,
  options: UpdateAppOptions,
): Promise<Delivery[]> {
  const portal = findPortal(state, portalKey);
  portal.applicationToken = randomHex(16);
  portal.events = [];
  const data = { VERSION: options.version, PREVIOUS_VERSION: options.previousVersion, LANGUAGE_ID: portal.lang };
  return fireEvent(state, portalKey, 'ONAPPUPDATE', data, { handler: options.handler, userId: options.userId });
}
