import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { getConfig } from '../../config/load-config';
import type { Db } from '../../db/client';
import { buildCarrierIndex, type CarrierIndex } from '../registry';
import { decodeRegistryBytes } from '../registry';
import { parseRegistry } from '../registry';
import { deserializePortedIndex, type PortedIndex } from '../ported';
import type { CarrierOverride } from '../carrier';
import type { RegistryRange } from '../registry';
import { readRegistryFile } from './read-registry-file';
import { registryKindOf, type RegistryKind } from './registry-kind';

/** One registry file in force: a database version, or the file bundled with the app while no DEF-9xx was imported. */
export type RegistryFileInUse = {
  readonly kind: RegistryKind;
  readonly versionId: number | null;
  readonly source: 'bundled' | 'upload' | 'file' | 'download';
  readonly fileName: string;
  readonly sha256: string;
  readonly rows: number;
  readonly activatedAt: string | null;
  readonly ranges: readonly RegistryRange[];
};

export type PortedInUse = {
  readonly versionId: number;
  readonly fileName: string;
  readonly numbers: number;
  readonly activatedAt: string | null;
  readonly index: PortedIndex;
};

/** Everything a carrier lookup reads, swapped as one object so a lookup never sees half of an import. */
export type NumberingData = {
  readonly index: CarrierIndex;
  readonly files: readonly RegistryFileInUse[];
  readonly ported: PortedInUse | null;
  /** The learned overrides, shared by every portal; each portal's admin overrides are in its routing context. */
  readonly overrides: ReadonlyMap<string, CarrierOverride>;
  /** Which versions are active; another process's import changes it (see get-numbering-data.ts). */
  readonly fingerprint: string;
  readonly loadedAt: string;
};

export type LoadNumberingDataOptions = { db: Db; now?: Date };

/** Reads the active registry files, ported set and overrides from the database and builds the lookup structures. */
export async function loadNumberingData({ db, now = new Date() }: LoadNumberingDataOptions): Promise<NumberingData> {
  const [versions, portedRow, overrides] = await Promise.all([
    db.registryVersion.findMany({ where: { status: 'active' }, orderBy: { id: 'asc' } }),
    db.portedVersion.findFirst({ where: { status: 'active' }, orderBy: { id: 'desc' } }),
    loadLearnedOverrides(db, now),
  ]);
  // One file per kind, the newest: two imports of one kind committed at the same moment by two app instances
  // (PostgreSQL) could both leave an 'active' row, and two files of one kind would overlap in the index.
  const newestByKind = new Map(versions.map((version) => [version.kind, version]));
  const inForce = [...newestByKind.values()];
  // Current-format files first: their (name, ИНН) pairs resolve the names in legacy six-column files.
  inForce.sort((a, b) => Number(a.format === 'legacy') - Number(b.format === 'legacy'));
  const files: RegistryFileInUse[] = [];
  for (const version of inForce) {
    if (!version.content) continue;
    const { text } = decodeRegistryBytes(gunzipSync(version.content));
    const parsed = parseRegistry(text, { fileName: version.fileName, knownOperators: knownOperatorsOf(files) });
    files.push({
      kind: version.kind as RegistryKind,
      versionId: version.id,
      source: version.source as RegistryFileInUse['source'],
      fileName: version.fileName,
      sha256: version.sha256,
      rows: parsed.ranges.length,
      activatedAt: version.activatedAt?.toISOString() ?? null,
      ranges: parsed.ranges,
    });
  }
  if (!files.some((file) => file.kind === 'DEF-9xx')) files.push(await loadBundledFile());
  const ported: PortedInUse | null =
    portedRow?.content != null
      ? {
          versionId: portedRow.id,
          fileName: portedRow.fileName,
          numbers: portedRow.numbers,
          activatedAt: portedRow.activatedAt?.toISOString() ?? null,
          index: deserializePortedIndex(portedRow.content),
        }
      : null;
  return assembleNumberingData({ files, ported, overrides, now });
}

export type AssembleNumberingDataOptions = {
  files: readonly RegistryFileInUse[];
  ported: PortedInUse | null;
  overrides: ReadonlyMap<string, CarrierOverride>;
  now?: Date;
};

/** One index over every file in force (their codes never overlap: each kind has its own first digit). */
export function assembleNumberingData({
  files,
  ported,
  overrides,
  now = new Date(),
}: AssembleNumberingDataOptions): NumberingData {
  const ordered = [...files].sort((a, b) => a.kind.localeCompare(b.kind));
  const ranges = ordered.flatMap((file) => file.ranges);
  return Object.freeze({
    index: buildCarrierIndex(ranges),
    files: Object.freeze(ordered),
    ported,
    overrides,
    fingerprint: numberingFingerprint(
      ordered.map((f) => f.versionId),
      ported?.versionId ?? null,
    ),
    loadedAt: now.toISOString(),
  });
}

export function numberingFingerprint(
  registryVersionIds: readonly (number | null)[],
  portedVersionId: number | null,
): string {
  const ids = registryVersionIds.filter((id): id is number => id !== null).sort((a, b) => a - b);
  return `r${ids.join(',')}|p${portedVersionId ?? ''}`;
}

export function knownOperatorsOf(files: readonly RegistryFileInUse[]): { operator: string; inn: string }[] {
  const seen = new Map<string, string>();
  for (const file of files)
    for (const range of file.ranges) if (!seen.has(range.operator)) seen.set(range.operator, range.inn);
  return [...seen].map(([operator, inn]) => ({ operator, inn }));
}

/**
 * The learned overrides (no portal: a fact about the number, for every portal) until they expire — a provider's answer
 * ages like any cache entry. A portal admin's overrides are that portal's (load-portal-overrides.ts).
 */
export async function loadLearnedOverrides(db: Db, now: Date): Promise<Map<string, CarrierOverride>> {
  const rows = await db.numberOverride.findMany({
    where: { portalId: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    select: { number: true, inn: true },
  });
  // The note is a remark ("HLR: mts"), not a carrier name: the name comes from the registry by ИНН.
  return new Map(rows.map((row) => [row.number, { inn: row.inn, source: 'learned' }]));
}

async function loadBundledFile(): Promise<RegistryFileInUse> {
  // turbopackIgnore: the path comes from configuration at run time; tracing it would pull the whole project into the
  // build.
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), getConfig().REGISTRY_PATH);
  const { parsed, sha256 } = await readRegistryFile(file);
  return {
    kind: registryKindOf({ ranges: parsed.ranges, fileName: path.basename(file) }),
    versionId: null,
    source: 'bundled',
    fileName: path.basename(file),
    sha256,
    rows: parsed.ranges.length,
    activatedAt: null,
    ranges: parsed.ranges,
  };
}
