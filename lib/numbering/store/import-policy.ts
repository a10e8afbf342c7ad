import type { Db } from '../../db/client';
import { AppError } from '../../errors/app-error';
import type { LineIssue } from '../registry';
import type { ByteSource } from './meter-byte-stream';
import { getCurrentNumberingData } from './get-numbering-data';
import type { NumberingData } from './load-numbering-data';

/**
 * What registry and MNP imports share: their options, the common part of their result, how much of a refused file is
 * kept, the shrink guard and the wording of a refusal in the "Русский / English" form of the app's other errors (the
 * admin page shows the viewer's half).
 */
export type ImportProgress = {
  phase: 'reading' | 'activating';
  bytesRead: number;
  totalBytes: number | null;
  rows: number;
};

export type ImportFileOptions = {
  /** The file as it arrives: a request body, a file or download stream. Read once, never held whole. */
  chunks: ByteSource;
  fileName: string;
  /** The announced size (Content-Length, file size): a file announced over maxBytes is refused unread. */
  totalBytes?: number;
  /** Reading stops and the file is refused past this many bytes; NUMBERING_UPLOAD_MAX_MB by default. */
  maxBytes?: number;
  source: 'upload' | 'file' | 'download';
  db?: Db;
  onProgress?: (progress: ImportProgress) => void;
  /** Activate although some rows were rejected (they stay out; their numbers fall back to the default trunk). */
  acceptRowErrors?: boolean;
  /** Activate although the file covers far fewer numbers than the version in use. */
  acceptShrink?: boolean;
};

/** The part of an import's result that every kind of file reports. */
export type ImportOutcome = {
  outcome: 'activated' | 'unchanged' | 'rejected';
  /** Why nothing went live (rejected), in one sentence for the admin. */
  reason: string | null;
  versionId: number | null;
  fileName: string;
  rows: number;
  rejectedRows: number;
  issues: readonly LineIssue[];
  issueCount: number;
  ms: number;
};

/** Issues kept with a version (and returned): enough to fix a file, bounded for a file that is garbage throughout. */
export const KEPT_ISSUES = 200;

/**
 * A new file that covers less than this share of the numbers in use is almost certainly cut off at a line boundary
 * (nothing else would show it): refused unless the admin confirms.
 */
const MIN_COVERAGE_SHARE = 0.8;

/** The refusal for a file that looks cut off, or null when it covers enough (or the admin confirmed the shrink). */
export function shrinkRefusal(numbers: number, inUse: number, accepted: boolean | undefined): string | null {
  if (accepted || numbers >= MIN_COVERAGE_SHARE * inUse) return null;
  const percent = MIN_COVERAGE_SHARE * 100;
  return (
    `В файле ${numbers} номеров — меньше ${percent}% от ${inUse} в работе: похоже, он обрезан. ` +
    `Ничего не изменено; если всё верно, загрузите его снова с подтверждением / ` +
    `The file covers ${numbers} numbers, under ${percent}% of the ${inUse} in use: it looks cut off. ` +
    `Nothing was changed; import it again confirming the shrink if it is right.`
  );
}

export function rowErrorsReason(errors: number, lines: string): string {
  const more = errors > 5 ? ', …' : '';
  return (
    `Строк с ошибками: ${errors} (строки ${lines}${more}); ничего не изменено. ` +
    `Исправьте файл или загрузите его, приняв ошибки строк / ` +
    `${errors} row(s) rejected (lines ${lines}${more}); nothing was changed. ` +
    `Fix the file, or import it accepting row errors.`
  );
}

/** Prisma's Json input wants plain JSON values; issues and diffs are plain data. */
export function toJson<T>(value: T): never {
  return JSON.parse(JSON.stringify(value)) as never;
}

/** Thrown inside an activation's transaction: another import activated a version of its kind after this one decided. */
export class ReplacedMeanwhile extends Error {}
const DECISION_ATTEMPTS = 3;

/**
 * Runs an import's decision and activation against the data in force. The activation checks, under the kind's lock,
 * that the version in force is still the one decided against, and throws ReplacedMeanwhile if another instance
 * activated one meanwhile (a diff, a shrink check or an increment built on the older version would be wrong); then the
 * decision is made again on the new data, up to DECISION_ATTEMPTS times, before giving up with 409.
 */
export async function decideOnDataInForce<T>(
  db: Db,
  what: { ru: string; en: string },
  decide: (current: NumberingData) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await decide(await getCurrentNumberingData({ db }));
    } catch (error) {
      if (!(error instanceof ReplacedMeanwhile)) throw error;
      if (attempt >= DECISION_ATTEMPTS) {
        throw new AppError(
          'CONFLICT',
          `${what.ru} меняется другими загрузками: повторите позже / ` +
            `${what.en} keeps being replaced by other imports: try again later.`,
        );
      }
    }
  }
}
