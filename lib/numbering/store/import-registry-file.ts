import { getDb } from '../../db/client';
import { takeNamedWriteLock } from '../../db/take-write-lock';
import { AppError } from '../../errors/app-error';
import { parseRegistryStream } from '../registry';
import { diffRegistryRanges, type RegistryDiff } from './diff-registry-ranges';
import { getCurrentNumberingData, setNumberingData } from './get-numbering-data';
import { gzipWhileReading } from './gzip-while-reading';
import {
  assembleNumberingData,
  knownOperatorsOf,
  type NumberingData,
  type RegistryFileInUse,
} from './load-numbering-data';
import { meterByteStream } from './meter-byte-stream';
import { numberingUploadMaxBytes } from './refuse-oversized-upload';
import { registryKindOf, type RegistryKind } from './registry-kind';
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

export type { ImportProgress } from './import-policy';
export type ImportRegistryFileOptions = ImportFileOptions;

export type ImportRegistryResult = ImportOutcome & {
  kind: RegistryKind | null;
  encoding: string;
  format: string;
  warnings: number;
  diff: RegistryDiff | null;
};

/**
 * Imports one registry file atomically: the whole file is read and checked first, and only a complete, acceptable file
 * replaces the version of its kind — in the database (one transaction; the replaced version is kept as 'previous')
 * and in this process's lookups (one object swap). Anything else leaves the data in use untouched and records the
 * attempt as 'rejected' with its line-numbered issues.
 */
export async function importRegistryFile(options: ImportRegistryFileOptions): Promise<ImportRegistryResult> {
  const { db = getDb(), fileName, onProgress } = options;
  const started = performance.now();
  const { totalBytes, maxBytes = numberingUploadMaxBytes() } = options;
  const metered = meterByteStream(options.chunks, { maxBytes, totalBytes });
  const copy = gzipWhileReading(metered.chunks);
  let parsed: ParsedRegistry;
  try {
    parsed = await parseRegistryStream(copy.chunks, {
      fileName,
      totalBytes,
      knownOperators: knownOperatorsOf((await getCurrentNumberingData({ db })).files),
      onProgress: onProgress && ((p) => onProgress({ phase: 'reading', ...p })),
    });
  } catch (error) {
    copy.discard();
    throw error;
  }
  const file: ReadRegistryFile = { parsed, sha256: metered.sha256(), content: await copy.finish() };
  const what = { ru: 'Этот файл реестра', en: 'This registry file' };
  return decideOnDataInForce(db, what, (current) => decideAndActivate(options, file, current, started));
}

type ParsedRegistry = Awaited<ReturnType<typeof parseRegistryStream>>;
/** A file read to its end: what it holds, which copy it is, and that copy gzipped for the database. */
type ReadRegistryFile = { parsed: ParsedRegistry; sha256: string; content: Buffer };

async function decideAndActivate(
  options: ImportRegistryFileOptions,
  { parsed, sha256, content }: ReadRegistryFile,
  current: NumberingData,
  started: number,
): Promise<ImportRegistryResult> {
  const { db = getDb(), fileName, onProgress } = options;
  // Counted in rows, not in kept issues: only the first ones of a long list are kept.
  const firstError = parsed.errors.find((issue) => issue.severity === 'error');
  const errors = Math.max(parsed.stats.rejectedRows, firstError ? 1 : 0);
  const base = {
    fileName,
    encoding: parsed.encoding,
    format: parsed.format,
    rows: parsed.ranges.length,
    rejectedRows: parsed.stats.rejectedRows,
    warnings: parsed.stats.warnings,
    issues: parsed.errors.slice(0, KEPT_ISSUES),
    issueCount: parsed.stats.issueCount,
  };
  const record = { sha256, bytes: parsed.bytes, source: options.source };

  let kind: RegistryKind | null = null;
  let reason: string | null = null;
  if (parsed.ranges.length === 0 && firstError)
    reason =
      `В файле нет строк реестра; строка ${firstError.line} / ` +
      `No usable registry rows; line ${firstError.line}: ${firstError.message}`;
  else {
    try {
      kind = registryKindOf({ ranges: parsed.ranges, fileName });
    } catch (error) {
      if (!AppError.is(error)) throw error;
      reason = error.message;
    }
  }
  const previous = kind ? current.files.find((file) => file.kind === kind) : undefined;
  if (!reason && errors > 0 && !options.acceptRowErrors) {
    const lines = parsed.errors
      .filter((i) => i.severity === 'error')
      .slice(0, 5)
      .map((i) => i.line)
      .join(', ');
    reason = rowErrorsReason(errors, lines);
  }
  if (!reason && previous)
    reason = shrinkRefusal(coverage(parsed.ranges), coverage(previous.ranges), options.acceptShrink);
  if (reason || !kind) {
    const rejected = await db.registryVersion.create({
      data: {
        ...record,
        ...counts(base),
        kind: kind ?? 'unknown',
        fileName,
        encoding: parsed.encoding,
        format: parsed.format,
        status: 'rejected',
        issues: toJson(base.issues),
      },
    });
    return {
      outcome: 'rejected',
      reason,
      versionId: rejected.id,
      kind,
      diff: null,
      ...base,
      ms: performance.now() - started,
    };
  }
  if (previous && previous.sha256 === sha256) {
    return {
      outcome: 'unchanged',
      reason: null,
      versionId: previous.versionId,
      kind,
      diff: null,
      ...base,
      ms: performance.now() - started,
    };
  }

  onProgress?.({
    phase: 'activating',
    bytesRead: parsed.bytes,
    totalBytes: options.totalBytes ?? null,
    rows: parsed.ranges.length,
  });
  const diff = previous ? diffRegistryRanges(previous.ranges, parsed.ranges) : null;
  const activatedAt = new Date();
  // Built before the commit: if the index cannot be built, nothing is written.
  const provisional: RegistryFileInUse = {
    kind,
    versionId: null,
    source: options.source,
    fileName,
    sha256,
    rows: parsed.ranges.length,
    activatedAt: activatedAt.toISOString(),
    ranges: parsed.ranges,
  };
  const others = current.files.filter((file) => file.kind !== kind);
  assembleNumberingData({ files: [...others, provisional], ported: current.ported, overrides: current.overrides });

  const created = await db.$transaction(async (tx) => {
    await takeNamedWriteLock(tx, db, `numbering:${kind}`);
    const active = await tx.registryVersion.findFirst({ where: { kind, status: 'active' }, select: { id: true } });
    if ((active?.id ?? null) !== (previous?.versionId ?? null)) throw new ReplacedMeanwhile();
    await tx.registryVersion.updateMany({
      where: { kind, status: 'previous' },
      data: { status: 'archived', content: null },
    });
    await tx.registryVersion.updateMany({ where: { kind, status: 'active' }, data: { status: 'previous' } });
    return tx.registryVersion.create({
      data: {
        ...record,
        ...counts(base),
        kind,
        fileName,
        encoding: parsed.encoding,
        format: parsed.format,
        status: 'active',
        content: content as Uint8Array<ArrayBuffer>,
        issues: toJson(base.issues),
        diff: toJson(diff),
        activatedAt,
      },
      select: { id: true },
    });
  });
  setNumberingData(
    db,
    assembleNumberingData({
      files: [...others, { ...provisional, versionId: created.id }],
      ported: current.ported,
      overrides: current.overrides,
    }),
  );
  return {
    outcome: 'activated',
    reason: null,
    versionId: created.id,
    kind,
    diff,
    ...base,
    ms: performance.now() - started,
  };
}

function coverage(ranges: readonly { from: string; to: string }[]): number {
  let sum = 0;
  for (const range of ranges) sum += Number(range.to) - Number(range.from) + 1;
  return sum;
}

function counts(base: { rows: number; rejectedRows: number; warnings: number }) {
  return { rows: base.rows, rejectedRows: base.rejectedRows, warnings: base.warnings };
}
