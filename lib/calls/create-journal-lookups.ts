import type { Db } from '../db/client';
import { dialTemplateLine } from '../routing/dial-template/check-dial-template';

export type JournalTrunk = { id: number; name: string; lineNumber: string };

export type JournalLookups = {
  /** The user behind an extension (the journal's userId). */
  userId(portalId: number, extension: string): Promise<number | null>;
  /** The trunk row by line key (its dial template's endpoint, peer or group). */
  trunk(portalId: number, line: string): Promise<JournalTrunk | null>;
  /** Drops every kept answer: lines or people were saved, or a write found one of them gone. */
  forget(): void;
};

/** A minute: trunks and people change rarely, and every AMI event of a call would otherwise read them again. */
const KEEP_MS = 60_000;

/** What the call tracker looks up for every journal write, each answer kept a minute. */
export function createJournalLookups(db: Db): JournalLookups {
  const kept = new Map<string, Promise<unknown>>();
  const keep = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    let found = kept.get(key) as Promise<T> | undefined;
    if (!found) {
      kept.set(key, (found = load()));
      setTimeout(() => kept.delete(key), KEEP_MS).unref();
    }
    return found;
  };
  return {
    forget: () => kept.clear(),
    userId: (portalId, extension) =>
      keep(`user/${portalId}/${extension}`, () =>
        db.user
          .findFirst({ where: { portalId, extension, active: true }, select: { id: true } })
          .then((user) => user?.id ?? null),
      ),
    trunk: (portalId, line) =>
      keep(`trunk/${portalId}/${line}`, () =>
        db.trunk
          .findMany({
            where: { portalId },
            select: { id: true, name: true, dial: true, lineNumber: true },
            orderBy: { id: 'asc' },
          })
          .then((rows) => rows.find((row) => dialTemplateLine(row.dial) === line) ?? null)
          .then((row) => (row ? { id: row.id, name: row.name, lineNumber: row.lineNumber } : null)),
      ),
  };
}
