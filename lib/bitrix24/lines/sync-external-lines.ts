import { getDb, type Db } from '../../db/client';
import { enqueueRestCall } from '../outbox/enqueue-rest-call';
import { AFTER_KEY } from '../outbox/outbox-ref';
import { callPortalRest } from '../rest/call-portal-rest';
import { getPortalClient } from '../rest/get-portal-client';

export const AUTO_LINE = { NUMBER: 'auto', NAME: 'Авто (по оператору)' };

export type SyncExternalLinesOptions = {
  portalId: number;
  /**
   * Outbox keys that must be done first (event.bind of ONEXTERNALCALLSTART: lines of an app without it are not
   * offered).
   */
  after?: string[];
  db?: Db;
};

export type LineChange = { op: 'add' | 'update' | 'delete'; number: string; name?: string; messageId: number };

/**
 * Makes the portal's external lines (the call card's line choice) match the trunks: "Авто (по оператору)" plus one
 * line per enabled trunk, its NUMBER = the trunk's lineNumber (what LINE_NUMBER carries back), its name = the trunk's
 * name with HR's number when it has one. Reads with externalLine.get, writes the difference through the outbox.
 * Call after install and after routing settings are saved.
 */
export async function syncExternalLines({
  portalId,
  after = [],
  db = getDb(),
}: SyncExternalLinesOptions): Promise<LineChange[]> {
  const trunks = await db.trunk.findMany({ where: { portalId, enabled: true }, orderBy: { id: 'asc' } });
  const wanted = new Map<string, string>([[AUTO_LINE.NUMBER, AUTO_LINE.NAME]]);
  for (const trunk of trunks)
    wanted.set(trunk.lineNumber, trunk.hrNumber ? `${trunk.name} (${trunk.hrNumber})` : trunk.name);
  const answer = await callPortalRest(await getPortalClient({ portalId, db }), 'telephony.externalLine.get', {});
  if (!answer.ok) throw new Error(`telephony.externalLine.get: ${answer.code} ${answer.description}`);
  const existing = new Map(
    (Array.isArray(answer.result) ? (answer.result as Array<{ NUMBER: string; NAME: string }>) : []).map((line) => [
      String(line.NUMBER),
      String(line.NAME ?? ''),
    ]),
  );
  // A fresh key per sync run: the same line may legitimately be added, deleted and added again over time.
  const run = Date.now().toString(36);
  const changes: LineChange[] = [];
  const enqueue = async (op: LineChange['op'], number: string, name?: string) => {
    const method = `telephony.externalLine.${op}`;
    const params = {
      NUMBER: number,
      ...(name !== undefined ? { NAME: name } : {}),
      ...(op === 'add' ? { CRM_AUTO_CREATE: 'Y' } : {}),
      ...(after.length ? { [AFTER_KEY]: after } : {}),
    };
    const { id } = await enqueueRestCall({
      db,
      portalId,
      method,
      params,
      dedupeKey: `line:${portalId}:${run}:${op}:${number}`,
    });
    changes.push({ op, number, name, messageId: id });
  };
  for (const [number, name] of wanted) {
    if (!existing.has(number)) await enqueue('add', number, name);
    else if (existing.get(number) !== name) await enqueue('update', number, name);
  }
  for (const number of existing.keys()) if (!wanted.has(number)) await enqueue('delete', number);
  return changes;
}
