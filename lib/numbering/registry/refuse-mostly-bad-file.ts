import { AppError } from '../../errors/app-error';

/** Rows read before a file may be judged: a short file is judged at its end, by the usual row-error rules. */
export const MOSTLY_BAD_MIN_ROWS = 1_000;

export type RefuseMostlyBadFileOptions = {
  /** Data rows read so far. */
  readonly rows: number;
  readonly rejectedRows: number;
  /** Line of the first rejected row, to point the admin at it. */
  readonly firstBadLine: number | null;
};

/**
 * Stops reading a file in which most rows read so far are bad: it is not a registry or MNP export (or is damaged), and
 * reading on would only spend memory and time on a file that cannot be activated anyway.
 */
export function refuseMostlyBadFile({ rows, rejectedRows, firstBadLine }: RefuseMostlyBadFileOptions): void {
  if (rows < MOSTLY_BAD_MIN_ROWS || rejectedRows * 2 <= rows) return;
  const from = firstBadLine === null ? '' : `, первая — строка ${firstBadLine}`;
  const fromEn = firstBadLine === null ? '' : `, the first on line ${firstBadLine}`;
  throw new AppError(
    'INVALID_INPUT',
    `Из первых ${rows} строк с ошибками ${rejectedRows}${from}: это не файл реестра или БДПН, либо он повреждён. ` +
      `Чтение остановлено, ничего не изменено / ` +
      `${rejectedRows} of the first ${rows} rows are bad${fromEn}: this is not a registry or MNP file, or it is ` +
      `damaged. Reading stopped; nothing was changed.`,
  );
}
