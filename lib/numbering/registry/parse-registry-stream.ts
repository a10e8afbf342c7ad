import { AppError } from '../../errors/app-error';
import type { RegistryEncoding } from './decode-registry-bytes';
import type { KnownOperator } from './operator-name-catalogue';
import { createRegistryChunkDecoder } from './registry-chunk-decoder';
import { createRegistryLineParser } from './registry-line-parser';
import type { LineIssue, ParsedRegistry } from './types';

export type RegistryParseProgress = {
  readonly bytesRead: number;
  /** As given in the options; null when the caller does not know the size (a chunked download). */
  readonly totalBytes: number | null;
  /** Non-blank data lines read so far, accepted or not. */
  readonly rows: number;
};

export type ParseRegistryStreamOptions = {
  readonly fileName?: string;
  /** The expected size (file size, Content-Length): reported back in progress and checked at the end. */
  readonly totalBytes?: number;
  /** Called at most every 64 KiB read, and once more at the end with the final counts. */
  readonly onProgress?: (progress: RegistryParseProgress) => void;
  /** See ParseRegistryOptions.knownOperators. */
  readonly knownOperators?: Iterable<KnownOperator>;
};

export type ParsedRegistryStream = ParsedRegistry & {
  readonly encoding: RegistryEncoding;
  readonly bytes: number;
};

const PROGRESS_EVERY_BYTES = 64 * 1024;

/**
 * Parses a registry file as it is read or downloaded, without ever holding it as one string (the
 * full ABC+DEF registry is tens of MB; an upload or download should not need that twice in memory).
 * Gives exactly what `parseRegistry` gives for the same file, plus how it was read. Hashing the copy is the
 * caller's work (the store's), which keeps this parser free of node:crypto and so safe for any bundle.
 *
 * A failure of the source itself (disk, network) is thrown as an AppError saying how far it got;
 * problems in the content are returned as issues, as with `parseRegistry`.
 */
export async function parseRegistryStream(
  chunks: AsyncIterable<Uint8Array>,
  { fileName, totalBytes, onProgress, knownOperators }: ParseRegistryStreamOptions = {},
): Promise<ParsedRegistryStream> {
  const parser = createRegistryLineParser({ fileName, knownOperators });
  const decoder = createRegistryChunkDecoder();
  const expected = totalBytes ?? null;
  let bytesRead = 0;
  let reportedAt = 0;

  const source = chunks[Symbol.asyncIterator]();
  for (;;) {
    let step: IteratorResult<Uint8Array>;
    try {
      step = await source.next();
    } catch (cause) {
      if (AppError.is(cause)) throw cause;
      const where = fileName ? `"${fileName}"` : 'the registry file';
      throw new AppError(
        'UNAVAILABLE',
        `Reading ${where} failed after ${bytesRead} bytes: ${(cause as Error).message}`,
      );
    }
    if (step.done) break;
    const chunk = step.value;
    try {
      bytesRead += chunk.byteLength;
      parser.write(decoder.write(chunk));
      if (onProgress && bytesRead - reportedAt >= PROGRESS_EVERY_BYTES) {
        reportedAt = bytesRead;
        onProgress({ bytesRead, totalBytes: expected, rows: parser.rows });
      }
    } catch (failure) {
      // Let the source close its file or connection; its own error on closing would hide ours.
      await source.return?.().catch(ignore);
      throw failure;
    }
  }
  parser.write(decoder.end());
  const parsed = parser.end();
  const errors =
    expected === null || expected === bytesRead ? parsed.errors : withSizeWarning(parsed, expected, bytesRead);
  onProgress?.({ bytesRead, totalBytes: expected, rows: parsed.stats.dataRows });
  return {
    ...parsed,
    errors,
    stats:
      errors === parsed.errors
        ? parsed.stats
        : { ...parsed.stats, warnings: parsed.stats.warnings + 1, issueCount: parsed.stats.issueCount + 1 },
    encoding: decoder.encoding,
    bytes: bytesRead,
  };
}

/**
 * A download cut exactly at a line break parses cleanly, just with fewer rows; the size the caller
 * expected is the only sign of it.
 */
function withSizeWarning(parsed: ParsedRegistry, expected: number, bytesRead: number): readonly LineIssue[] {
  const issue: LineIssue = {
    line: Math.max(parsed.stats.lines, 1),
    severity: 'warning',
    code: 'size_mismatch',
    message: `Read ${bytesRead} bytes but ${expected} were expected; the file may be incomplete.`,
  };
  return Object.freeze([...parsed.errors, issue]);
}

function ignore(): void {}
