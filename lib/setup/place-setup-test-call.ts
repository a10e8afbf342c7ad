import type { PlaceCall } from '../calls/place-call-on-connected-pbx';
import { identifyFrameUser } from '../calls/card/identify-frame-user';
import type { Db } from '../db/client';
import { AppError } from '../errors/app-error';
import type { Lang } from '../i18n/lang';
import { renderReasons } from '../routing/route-reasons';

export type PlaceSetupTestCallOptions = {
  db: Db;
  portalId: number;
  /** Inside Bitrix24: the admin's frame token (their own desk phone is rung); standalone: the extension given. */
  accessToken: string | null;
  localExtension?: string;
  /** The admin's own phone, reached through the line. */
  number: string;
  /** The line decided in the wizard (its name or Bitrix24 number). */
  line: string;
  placeCall: PlaceCall;
  lang: Lang;
  now?: number;
};

export type SetupTestCallResult =
  | { outcome: 'placed'; linkedId: string; line: string | null }
  | { outcome: 'notPlaced'; message: string };

/** One test call per portal at a time: a double click or a loop cannot ring the admin's phone over and over. */
const GAP_MS = 30_000;
const holder = globalThis as typeof globalThis & { __setupTestCalls?: Map<number, number> };
const lastCall = (holder.__setupTestCalls ??= new Map());

const NO_EXTENSION =
  'У вас в Битрикс24 не указан внутренний номер — укажите его в профиле / ' +
  'Your Bitrix24 profile has no extension — set it there first';
const TOO_SOON = 'Проверочный звонок уже идёт — подождите полминуты / A test call is on its way — wait half a minute';

/**
 * The wizard's last step: the admin's desk phone rings, and on answer their own phone is dialled through the line
 * they decided on (never another one), through the same use case as click-to-call, so it is journalled like any call.
 */
export async function placeSetupTestCall(options: PlaceSetupTestCallOptions): Promise<SetupTestCallResult> {
  const { db, portalId, number, line, now = Date.now() } = options;
  let extension = options.localExtension?.trim() ?? '';
  let b24UserId: number | null = null;
  if (options.accessToken) {
    b24UserId = await identifyFrameUser({ portalId, accessToken: options.accessToken, db });
    const user = await db.user.findFirst({ where: { portalId, b24UserId }, select: { extension: true } });
    extension = user?.extension ?? '';
  }
  if (!/^\d{1,20}$/.test(extension)) throw new AppError('CONFLICT', NO_EXTENSION);
  if (now - (lastCall.get(portalId) ?? 0) < GAP_MS) throw new AppError('CONFLICT', TOO_SOON);
  lastCall.set(portalId, now);
  const result = await options.placeCall({
    db,
    portalId,
    extension,
    number,
    requestedLine: line,
    keepRequestedLine: true,
    origin: 'click_to_call',
    b24UserId,
  });
  if (result.outcome === 'placed')
    return { outcome: 'placed', linkedId: result.linkedId, line: result.decision.trunk?.name ?? null };
  if (result.outcome === 'notPlaced') return { outcome: 'notPlaced', message: result.message };
  if ('linkedId' in result) return { outcome: 'placed', linkedId: result.linkedId, line: null };
  return { outcome: 'notPlaced', message: renderReasons(result.decision.reasons, options.lang) };
}
