import { findClientManagerExtension } from '../bitrix24/users/find-client-manager-extension';
import type { DatabaseLoad } from '../cache/create-delegable-load';
import { loadStoredSimUsage } from '../calls/get-sim-load';
import type { Db } from '../db/client';
import {
  learnNumberCarrierInApp,
  loadNumberingDataForDialplan,
  readNumberingVersionsInForce,
} from '../numbering/store';
import { issueRecordingToken } from '../calls/recording';
import { lookupRoutingPortal } from '../portals/find-routing-portal';
import { loadRoutingContext } from '../routing/settings/get-routing-context';

/**
 * The database work the dialplan process has the app run for it, by name (a function cannot cross processes). Why:
 * a Prisma query holds the event loop that runs it for milliseconds (query compilation, the SQLite driver), and in
 * the dialplan process that loop answers desk phones — every cache refresh there (SIM usage each second, settings each
 * 30 s) would set the endpoint's tail. The process has no database client at all (db-client-stand-in.ts), so its one
 * write, a lookup service's answer, is here too. Each load is wrapped with createDelegableLoad where it is defined; a
 * delegated load missing from this table fails at once in the dialplan process.
 */
const LOADS_RUN_IN_APP = {
  'routing-portal': lookupRoutingPortal,
  'routing-context': loadRoutingContext,
  'sim-usage': loadStoredSimUsage,
  'numbering-versions': readNumberingVersionsInForce,
  'numbering-data': loadNumberingDataForDialplan,
  'learn-number-carrier': learnNumberCarrierInApp,
  'recording-token': issueRecordingToken,
  'client-manager': findClientManagerExtension,
} satisfies Record<string, DatabaseLoad<never, unknown>>;

export type LoadName = keyof typeof LOADS_RUN_IN_APP;
type AnyLoad = DatabaseLoad<unknown, unknown>;

const nameByLoad = new Map<unknown, LoadName>(
  Object.entries(LOADS_RUN_IN_APP).map(([name, load]) => [load, name as LoadName]),
);

/** The dialplan process's side: the name under which the app runs `load`. */
export function nameOfLoad(load: AnyLoad): LoadName {
  const name = nameByLoad.get(load);
  if (!name)
    throw new Error(`A delegated load is missing from lib/dialplan/loads-run-in-app.ts: ${load.name || 'anonymous'}`);
  return name;
}

/** The app's side: runs the load the dialplan process named on the app's own database client. */
export function runLoadInApp(name: string, key: unknown, db: Db): Promise<unknown> {
  const load = (LOADS_RUN_IN_APP as Record<string, AnyLoad | undefined>)[name];
  if (!load) return Promise.reject(new Error(`No load named "${name}" runs in the app for the dialplan process`));
  return load(db, key);
}
