import { AppError } from '../errors/app-error';

/** Day boundaries are Moscow days (UTC+3, no DST): the reference portals work on Moscow time. */
export const DAY_OFFSET_MS = 3 * 3600_000;
const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type DateRange = { from: Date | null; to: Date | null };

/** `from`/`to` as YYYY-MM-DD (both inclusive, either optional) → [from 00:00, day after `to` 00:00) Moscow time. */
export function parseDateRange(params: URLSearchParams): DateRange {
  const parse = (name: 'from' | 'to') => {
    const value = params.get(name)?.trim();
    if (!value) return null;
    if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      throw new AppError('INVALID_INPUT', 'error.dateFormat', { [name]: 'error.dateFormat' });
    }
    return Date.parse(`${value}T00:00:00Z`) - DAY_OFFSET_MS + (name === 'to' ? DAY_MS : 0);
  };
  const from = parse('from');
  const to = parse('to');
  return { from: from === null ? null : new Date(from), to: to === null ? null : new Date(to) };
}

/** The Moscow day of an instant, YYYY-MM-DD. */
export function dayOf(at: Date): string {
  return new Date(at.getTime() + DAY_OFFSET_MS).toISOString().slice(0, 10);
}

/** Prisma `where` for startedAt in the range. */
export function startedWithin(range: DateRange): { startedAt?: { gte?: Date; lt?: Date } } {
  if (!range.from && !range.to) return {};
  return { startedAt: { ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lt: range.to } : {}) } };
}
