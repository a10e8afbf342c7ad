import type { PlaceCall } from '../../calls/place-call-on-connected-pbx';
import type { Db, PortalModel } from '../../db/client';
import type { BracketTree } from '../parse-bracket-body';

/** What the handlers reach the rest of the app through; tests pass their own database and placeCall. */
export type EventDependencies = { db: Db; placeCall: PlaceCall; log: (line: string) => void };
export type EventContext = EventDependencies & { portal: PortalModel; body: BracketTree };

/** What the route answers; `background` is the slow part, run after the reply (Bitrix24 throttles slow handlers). */
export type EventOutcome = { status: number; body: Record<string, unknown>; background?: () => Promise<void> };
export type EventHandler = (context: EventContext) => Promise<EventOutcome>;
