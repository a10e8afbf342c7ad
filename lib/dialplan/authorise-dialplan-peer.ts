import { timingSafeEqual } from 'node:crypto';
import { getConfig } from '../config/load-config';
import { AppError } from '../errors/app-error';

export type AuthoriseDialplanPeerOptions = {
  /** The X-Dialplan-Secret the request carried. */
  secret: string | null | undefined;
  /** True only when the transport proved the peer is on this machine. */
  fromLoopback: boolean;
};

/** A peer on this machine needs nothing; any other one the shared secret (throws UNAUTHORIZED / UNAVAILABLE). */
export function authoriseDialplanPeer({ secret, fromLoopback }: AuthoriseDialplanPeerOptions): void {
  if (fromLoopback) return;
  const expected = getConfig().DIALPLAN_SECRET;
  if (!expected) throw new AppError('UNAVAILABLE', 'The dialplan endpoint is off: set DIALPLAN_SECRET');
  const given = Buffer.from(secret ?? '');
  const wanted = Buffer.from(expected);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    throw new AppError('UNAUTHORIZED', 'Bad or missing dialplan secret');
  }
}
