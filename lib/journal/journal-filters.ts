import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { parseDateRange, type DateRange } from '../savings/parse-date-range';

/**
 * 'answered' = talked; 'missed' = went out but nobody answered; 'failed' = no line took it; 'active' = not ended yet.
 */
export const journalStatuses = ['answered', 'missed', 'failed', 'active'] as const;
export type JournalStatus = (typeof journalStatuses)[number];

export type JournalFilters = {
  /** Bitrix24 user id. */
  user?: number;
  /** Bitrix24 department id. */
  department?: number;
  /** Trunk id. */
  trunk?: number;
  /** Carrier group id, or 'unknown' for calls whose carrier was not found. */
  carrier?: string;
  status?: JournalStatus;
  range: DateRange;
  /** 1-based. */
  page: number;
};

const id = z.coerce.number().int().positive();
const schema = z.object({
  user: id.optional(),
  department: id.optional(),
  trunk: id.optional(),
  carrier: z
    .string()
    .trim()
    .max(40)
    .regex(/^(unknown|\d+)$/)
    .optional(),
  status: z.enum(journalStatuses).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

/** The journal's query string → filters; empty values mean "any". */
export function parseJournalFilters(params: URLSearchParams): JournalFilters {
  const raw = Object.fromEntries(
    ['user', 'department', 'trunk', 'carrier', 'status', 'page'].flatMap((key) => {
      const value = params.get(key)?.trim();
      return value ? [[key, value]] : [];
    }),
  );
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.');
    throw new AppError('INVALID_INPUT', 'error.journalFilter', { [field]: issue.message }, { field });
  }
  return { ...parsed.data, range: parseDateRange(params) };
}
