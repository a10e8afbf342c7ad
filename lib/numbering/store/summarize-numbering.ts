import type { Db } from '../../db/client';
import { findKnownCarrier } from '../registry';
import { portedIndexStats } from '../ported';
import type { LineIssue } from '../registry';
import { getNumberingData } from './get-numbering-data';
import { lastRegistryDownloads, type RegistryDownloadAttempt } from './start-registry-downloads';

export type CarrierShare = {
  inn: string;
  name: string;
  brand: string | null;
  ranges: number;
  numbers: number;
  share: number;
};
export type VersionSummary = {
  id: number;
  kind: string;
  status: string;
  source: string;
  fileName: string;
  rows: number;
  rejectedRows: number;
  warnings: number;
  encoding?: string;
  format: string;
  createdAt: string;
  activatedAt: string | null;
  diff: unknown;
  issues: readonly LineIssue[];
};

export type NumberingSummary = {
  files: {
    kind: string;
    versionId: number | null;
    source: string;
    fileName: string;
    rows: number;
    numbers: number;
    activatedAt: string | null;
    sha256: string;
  }[];
  carriers: CarrierShare[];
  totalNumbers: number;
  history: VersionSummary[];
  ported: {
    versionId: number;
    fileName: string;
    numbers: number;
    activatedAt: string | null;
    byOwner: readonly { ownerId: string; inn: string | null; numbers: number }[];
  } | null;
  portedHistory: (Omit<VersionSummary, 'kind' | 'warnings' | 'encoding'> & { numbers: number })[];
  overrides: { admin: number; learned: number };
  downloads: readonly RegistryDownloadAttempt[];
};

/** `portalId`: count that portal's admin overrides (each portal has its own); without it, every portal's. */
export type SummarizeNumberingOptions = { db: Db; portalId?: number; historyLimit?: number };

/** What the Registry page and `npm run numbering -- stats` show: files in force, carriers' shares, history, diffs. */
export async function summarizeNumbering({
  db,
  portalId,
  historyLimit = 20,
}: SummarizeNumberingOptions): Promise<NumberingSummary> {
  const [data, registryVersions, portedVersions, overridesAdmin] = await Promise.all([
    getNumberingData({ db }),
    db.registryVersion.findMany({ orderBy: { id: 'desc' }, take: historyLimit, omit: { content: true } }),
    db.portedVersion.findMany({ orderBy: { id: 'desc' }, take: historyLimit, omit: { content: true } }),
    db.numberOverride.count({ where: portalId === undefined ? { portalId: { not: null } } : { portalId } }),
  ]);
  const byInn = new Map<string, { name: string; ranges: number; numbers: number }>();
  let totalNumbers = 0;
  const files = data.files.map((file) => {
    let numbers = 0;
    for (const range of file.ranges) {
      const count = Number(range.to) - Number(range.from) + 1;
      numbers += count;
      const entry = byInn.get(range.inn) ?? { name: range.operator, ranges: 0, numbers: 0 };
      entry.ranges += 1;
      entry.numbers += count;
      byInn.set(range.inn, entry);
    }
    totalNumbers += numbers;
    const { ranges: _ranges, ...rest } = file;
    return { ...rest, numbers };
  });
  const carriers = [...byInn]
    .map(([inn, entry]) => ({
      inn,
      name: entry.name,
      brand: findKnownCarrier(inn)?.name.ru ?? null,
      ranges: entry.ranges,
      numbers: entry.numbers,
      share: totalNumbers ? entry.numbers / totalNumbers : 0,
    }))
    .sort((a, b) => b.numbers - a.numbers);
  return {
    files,
    carriers,
    totalNumbers,
    history: registryVersions.map((v) => ({
      id: v.id,
      kind: v.kind,
      status: v.status,
      source: v.source,
      fileName: v.fileName,
      rows: v.rows,
      rejectedRows: v.rejectedRows,
      warnings: v.warnings,
      encoding: v.encoding,
      format: v.format,
      createdAt: v.createdAt.toISOString(),
      activatedAt: v.activatedAt?.toISOString() ?? null,
      diff: v.diff ?? null,
      issues: (v.issues as LineIssue[] | null) ?? [],
    })),
    ported: data.ported && {
      versionId: data.ported.versionId,
      fileName: data.ported.fileName,
      numbers: data.ported.numbers,
      activatedAt: data.ported.activatedAt,
      byOwner: portedIndexStats(data.ported.index).byOwner,
    },
    portedHistory: portedVersions.map((v) => ({
      id: v.id,
      status: v.status,
      source: v.source,
      fileName: v.fileName,
      rows: v.rows,
      rejectedRows: v.rejectedRows,
      numbers: v.numbers,
      format: v.format,
      createdAt: v.createdAt.toISOString(),
      activatedAt: v.activatedAt?.toISOString() ?? null,
      diff: v.diff ?? null,
      issues: (v.issues as LineIssue[] | null) ?? [],
    })),
    overrides: { admin: overridesAdmin, learned: data.overrides.size },
    downloads: lastRegistryDownloads(),
  };
}
