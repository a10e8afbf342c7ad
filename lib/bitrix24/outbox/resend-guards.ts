/** A row of the portal's call history (voximplant.statistic.get), or undefined when the call has no row yet. */
export type CallHistoryRow = Record<string, unknown> | undefined;

/**
 * Why sending a message again is safe when an earlier send may already have reached the portal (a worker killed
 * between the network write and recording the answer, or a request whose answer was lost):
 * - `repeat-is-harmless`: Bitrix24 itself turns the repeat into a no-op or an error the outbox reads as done;
 * - `check-call-history`: a repeat would change the portal again, so the outbox first reads the call history and
 *   sends only when the earlier send left no trace. `applied` returns the result to store when it did.
 */
export type ResendGuard =
  | { kind: 'repeat-is-harmless'; why: string }
  | { kind: 'check-call-history'; why: string; applied(row: CallHistoryRow): unknown };

const present = (value: unknown) => value !== undefined && value !== null && value !== '' && value !== '0';

/** Every method the app sends through the outbox, lower-case (Bitrix24 method names are case-insensitive). */
const GUARDS: Record<string, ResendGuard> = {
  'telephony.externalcall.register': {
    kind: 'repeat-is-harmless',
    why:
      'Bitrix24 answers a repeated register (same user, number, type, line and our unique EXTERNAL_CALL_ID) with the ' +
      'first CALL_ID while that call is open, and it stays open until our finish, which waits for this message. ' +
      'The portal de-duplicates for 30 minutes: an outbox stopped for longer than that registers the call again.',
  },
  'telephony.externalcall.show': { kind: 'repeat-is-harmless', why: 'shows the card to the same users again' },
  'telephony.externalcall.hide': { kind: 'repeat-is-harmless', why: 'hides the card from the same users again' },
  'telephony.externalcall.finish': {
    kind: 'check-call-history',
    why:
      'a finished call has a history row; a repeat would only answer "Call is not found", read as done, but the ' +
      'history tells it without a second finish in the portal log',
    // The row carries CALL_ID like finish's own answer, so an attachRecord waiting for this message still resolves.
    applied: (row) => row,
  },
  'telephony.externalcall.attachrecord': {
    kind: 'check-call-history',
    why: 'a repeat would attach a second file to the call; the history row names the attached record',
    applied: (row) =>
      row && (present(row.RECORD_FILE_ID) || present(row.CALL_RECORD_ID))
        ? { FILE_ID: row.RECORD_FILE_ID ?? row.CALL_RECORD_ID, alreadyAttached: true }
        : undefined,
  },
  'event.bind': { kind: 'repeat-is-harmless', why: 'a repeat answers "already binded", read as done' },
  'placement.bind': { kind: 'repeat-is-harmless', why: 'a repeat answers "already binded", read as done' },
  'telephony.externalline.add': {
    kind: 'repeat-is-harmless',
    why: 'a repeat after an earlier attempt answers "already exists", read as done',
  },
  'telephony.externalline.update': { kind: 'repeat-is-harmless', why: 'sets the same name again' },
  'telephony.externalline.delete': { kind: 'repeat-is-harmless', why: 'deleting a deleted line changes nothing' },
  'im.notify.system.add': {
    kind: 'repeat-is-harmless',
    why:
      'the app always sends a TAG; a notification with an existing tag replaces the earlier ones ' +
      '(im-notify-system-add.md), so a repeat leaves the admin one notification',
  },
};

/** The method's guard; undefined for a method nobody has checked yet (the outbox re-sends it and says so). */
export function findResendGuard(method: string): ResendGuard | undefined {
  return GUARDS[method.toLowerCase()];
}

/** The methods with a guard, for the test that every method the app enqueues has one. */
export const GUARDED_METHODS = Object.keys(GUARDS);
