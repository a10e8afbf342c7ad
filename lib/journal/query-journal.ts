import { RECORDING_MISSING_EVENT, RECORDING_RECEIVED_EVENT } from '../calls/recording';
import type { Db } from '../db/client';
import type { Lang } from '../i18n/lang';
import { renderReason, type RouteReason } from '../routing/route-reasons';
import { startedWithin } from '../savings/parse-date-range';
import type { JournalFilters } from './journal-filters';

export const JOURNAL_PAGE_SIZE = 50;

export type JournalEntry = {
  id: number;
  startedAt: string;
  origin: string;
  extension: string | null;
  userName: string | null;
  number: string;
  carrier: string | null;
  carrierSource: string | null;
  trunkName: string | null;
  onNet: boolean;
  reasons: string[];
  status: string;
  durationSec: number | null;
  talkSec: number | null;
  costKopecks: number | null;
  baselineCostKopecks: number | null;
  registered: boolean;
  registrationReason: string | null;
  /** Recorded calls only: whether the PBX's upload came (lib/calls/recording), or did not within the wait. */
  recording: 'expected' | 'received' | 'missing' | null;
};

export type JournalPage = { entries: JournalEntry[]; total: number; page: number; pageSize: number };

export type QueryJournalOptions = { db: Db; portalId: number; filters: JournalFilters; lang: Lang; pageSize?: number };

type StoredDecision = {
  onNet?: boolean;
  reasons?: RouteReason[];
  carrier?: { operator?: string; groupName?: string } | null;
} | null;

/** One page of the portal's calls, newest first, with route reasons rendered in the reader's language. */
export async function queryJournal({
  db,
  portalId,
  filters,
  lang,
  pageSize = JOURNAL_PAGE_SIZE,
}: QueryJournalOptions): Promise<JournalPage> {
  const where = await journalWhere(db, portalId, filters);
  const [total, rows] = await Promise.all([
    db.call.count({ where }),
    db.call.findMany({
      where,
      orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
      skip: (filters.page - 1) * pageSize,
      take: pageSize,
      include: {
        user: { select: { name: true } },
        events: {
          where: { kind: { in: [RECORDING_RECEIVED_EVENT, RECORDING_MISSING_EVENT] } },
          select: { kind: true },
        },
      },
    }),
  ]);
  const entries = rows.map((row): JournalEntry => {
    const decision = row.decision as StoredDecision;
    return {
      id: row.id,
      startedAt: row.startedAt.toISOString(),
      origin: row.origin,
      extension: row.extension,
      userName: row.user?.name ?? null,
      number: row.number,
      carrier: decision?.carrier?.groupName ?? decision?.carrier?.operator ?? row.carrierInn,
      carrierSource: row.carrierSource,
      trunkName: row.trunkName,
      onNet: decision?.onNet === true,
      reasons: (decision?.reasons ?? []).map((reason) => renderReason(reason, lang)),
      status:
        row.status !== 'ended' ? 'active' : !row.trunkName ? 'failed' : (row.talkSec ?? 0) > 0 ? 'answered' : 'missed',
      durationSec: row.durationSec,
      talkSec: row.talkSec,
      costKopecks: row.costKopecks,
      baselineCostKopecks: row.baselineCostKopecks,
      registered: row.registered,
      registrationReason: row.registrationReason,
      recording: recordingState(row.recordingPath, row.events),
    };
  });
  return { entries, total, page: filters.page, pageSize };
}

function recordingState(path: string | null, events: Array<{ kind: string }>): JournalEntry['recording'] {
  if (events.some((event) => event.kind === RECORDING_RECEIVED_EVENT)) return 'received';
  if (events.some((event) => event.kind === RECORDING_MISSING_EVENT)) return 'missing';
  return path ? 'expected' : null;
}

/** Prisma filter for the journal's filters (department → its people; carrier group → its ИНН). */
export async function journalWhere(db: Db, portalId: number, filters: JournalFilters) {
  const and: object[] = [{ portalId }, startedWithin(filters.range)];
  if (filters.user) and.push({ user: { b24UserId: filters.user } });
  if (filters.trunk) and.push({ trunkId: filters.trunk });
  if (filters.department)
    and.push({ user: { departments: { some: { department: { portalId, b24DepartmentId: filters.department } } } } });
  if (filters.carrier === 'unknown') and.push({ carrierInn: null });
  else if (filters.carrier) {
    const inns = await db.carrierGroupInn.findMany({
      where: { portalId, groupId: Number(filters.carrier) },
      select: { inn: true },
    });
    and.push({ carrierInn: { in: inns.map((i) => i.inn) } });
  }
  if (filters.status === 'active') and.push({ status: { not: 'ended' } });
  if (filters.status === 'failed') and.push({ status: 'ended', trunkName: null });
  if (filters.status === 'answered') and.push({ status: 'ended', talkSec: { gt: 0 } });
  if (filters.status === 'missed')
    and.push({ status: 'ended', trunkName: { not: null }, OR: [{ talkSec: null }, { talkSec: 0 }] });
  return { AND: and };
}
