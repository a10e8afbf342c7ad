import { getDb } from '../../db/client';
import { takeNamedWriteLock } from '../../db/take-write-lock';
import { diffPortedIndexes, type PortedDiff } from '../ported';
import { parsePortedStream } from '../ported';
import { applyPortedChanges, serializePortedIndex, type PortedIndex } from '../ported';
import { setNumberingData } from './get-numbering-data';
import { assembleNumberingData, type NumberingData } from './load-numbering-data';
import { meterByteStream } from './meter-byte-stream';
import { numberingUploadMaxBytes } from './refuse-oversized-upload';
import {
  decideOnDataInForce,
  KEPT_ISSUES,
  ReplacedMeanwhile,
  rowErrorsReason,
  shrinkRefusal,
  toJson,
  type ImportFileOptions,
  type ImportOutcome,
} from './import-policy';

export type ImportPortedFileOptions = ImportFileOptions;

export type ImportPortedResult = ImportOutcome & {
  format: string | null;
  /** Ported numbers in the set after the import (the set in use when rejected). */
  numbers: number;
  diff: PortedDiff | null;
};

/**
 * Imports an MNP export atomically, like a registry file: a full Port_All replaces the ported set, a Port_Increment is
 * applied to the set in use; only a complete, acceptable file changes anything, in the database (the compact index,
 * one transaction, the replaced set kept as 'previous') and in this process's lookups.
 */
export async function importPortedFile(options: ImportPortedFileOptions): Promise<ImportPortedResult> {
  const { db = getDb(), onProgress } = options;
  const started = performance.now();
  const { totalBytes, maxBytes = numberingUploadMaxBytes() } = options;
  const metered = meterByteStream(options.chunks, { maxBytes, totalBytes });
  const parsed = await parsePortedStream(metered.chunks, {
    totalBytes,
    onProgress: onProgress && ((p) => onProgress({ phase: 'reading', ...p })),
  });
  const file: ParsedPortedFile = { parsed, sha256: metered.sha256(), bytes: metered.bytesRead() };
  return decideOnDataInForce(db, { ru: 'Набор перенесённых номеров', en: 'The ported-number set' }, (current) =>
    decideAndActivate(options, file, current, started),
  );
}

type ParsedPortedFile = { parsed: Awaited<ReturnType<typeof parsePortedStream>>; sha256: string; bytes: number };

async function decideAndActivate(
  options: ImportPortedFileOptions,
  { parsed, sha256, bytes }: ParsedPortedFile,
  current: NumberingData,
  started: number,
): Promise<ImportPortedResult> {
  const { db = getDb(), fileName, onProgress } = options;
  const errors = parsed.stats.rejectedRows;
  const base = {
    fileName,
    format: parsed.format,
    rows: parsed.stats.acceptedRows,
    rejectedRows: errors,
    issues: parsed.errors.slice(0, KEPT_ISSUES),
    issueCount: parsed.stats.issueCount ?? parsed.errors.length,
  };
  const inUse = current.ported;
  let next: PortedIndex | null = null;
  let reason: string | null = null;
  if (parsed.format === null)
    reason =
      'Это не выгрузка БДПН: нужен заголовок Port_All, Port_All_Full или Port_Increment / ' +
      'Not an MNP export: expected the header of a Port_All, Port_All_Full or Port_Increment file.';
  else if (errors > 0 && !options.acceptRowErrors) {
    const lines = parsed.errors
      .slice(0, 5)
      .map((i) => i.line)
      .join(', ');
    reason = rowErrorsReason(errors, lines);
  } else if (parsed.format === 'port_increment') {
    if (!inUse)
      reason =
        'Инкремент меняет полный набор, а полный Port_All ещё не загружен: загрузите сначала свежий Port_All / ' +
        'An increment changes the full set, and no full Port_All file has been imported yet: ' +
        'import the newest Port_All first.';
    else next = applyPortedChanges(inUse.index, parsed.changes!);
  } else {
    next = parsed.index!;
    if (inUse) reason = shrinkRefusal(next.count, inUse.numbers, options.acceptShrink);
  }
  const record = {
    fileName,
    sha256,
    bytes,
    source: options.source,
    format: parsed.format ?? 'unknown',
    rows: base.rows,
    rejectedRows: base.rejectedRows,
  };
  if (reason || !next) {
    const rejected = await db.portedVersion.create({
      data: { ...record, numbers: inUse?.numbers ?? 0, status: 'rejected', issues: toJson(base.issues) },
    });
    return {
      outcome: 'rejected',
      reason,
      versionId: rejected.id,
      numbers: inUse?.numbers ?? 0,
      diff: null,
      ...base,
      ms: performance.now() - started,
    };
  }
  const previousRow = inUse
    ? await db.portedVersion.findUnique({ where: { id: inUse.versionId }, select: { sha256: true } })
    : null;
  if (previousRow?.sha256 === sha256) {
    return {
      outcome: 'unchanged',
      reason: null,
      versionId: inUse!.versionId,
      numbers: inUse!.numbers,
      diff: null,
      ...base,
      ms: performance.now() - started,
    };
  }

  onProgress?.({ phase: 'activating', bytesRead: bytes, totalBytes: options.totalBytes ?? null, rows: base.rows });
  const diff = diffPortedIndexes(inUse?.index ?? null, next);
  const content = serializePortedIndex(next);
  const activatedAt = new Date();
  const created = await db.$transaction(
    async (tx) => {
      await takeNamedWriteLock(tx, db, 'numbering:ported');
      const active = await tx.portedVersion.findFirst({ where: { status: 'active' }, select: { id: true } });
      if ((active?.id ?? null) !== (inUse?.versionId ?? null)) throw new ReplacedMeanwhile();
      await tx.portedVersion.updateMany({ where: { status: 'previous' }, data: { status: 'archived', content: null } });
      await tx.portedVersion.updateMany({ where: { status: 'active' }, data: { status: 'previous' } });
      return tx.portedVersion.create({
        data: {
          ...record,
          numbers: next.count,
          status: 'active',
          content: content as Uint8Array<ArrayBuffer>,
          issues: toJson(base.issues),
          diff: toJson(diff),
          activatedAt,
        },
        select: { id: true },
      });
    },
    // A national set is ~60 MB of index: writing it takes longer than Prisma's 5 s default on a slow disk.
    { timeout: 120_000, maxWait: 30_000 },
  );
  const ported = {
    versionId: created.id,
    fileName,
    numbers: next.count,
    activatedAt: activatedAt.toISOString(),
    index: next,
  };
  setNumberingData(db, assembleNumberingData({ files: current.files, ported, overrides: current.overrides }));
  return {
    outcome: 'activated',
    reason: null,
    versionId: created.id,
    numbers: next.count,
    diff,
    ...base,
    ms: performance.now() - started,
  };
}
