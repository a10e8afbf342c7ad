import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { normalizePhoneNumber } from '../numbering/phone';
import { normalizeDigits } from './decide-registration';
import type { ListsDocument } from './load-lists';

/** A list entry as stored: the value in the form the matcher compares, and whether it is a pattern. */
export type ValidListEntry = { value: string; isPattern: boolean; note: string };
export type ValidLists = Record<keyof ListsDocument, ValidListEntry[]>;

const NOTE_MAX = 200;
const note = z
  .string({ error: 'Должно быть текстом / Must be text' })
  .trim()
  .max(NOTE_MAX, `Не длиннее ${NOTE_MAX} символов / At most ${NOTE_MAX} characters`)
  .default('');
const VALUE_MAX = 64;
const text = z
  .string({ error: 'Укажите значение / Enter a value' })
  .max(VALUE_MAX, `Не длиннее ${VALUE_MAX} символов / At most ${VALUE_MAX} characters`)
  .trim()
  .min(1, 'Укажите значение / Enter a value');

/** Users and departments are kept by their Bitrix24 id (the picker shows names; the id survives renames). */
const idEntry = (ru: string, en: string) =>
  z
    .object({
      value: z.union([
        z.number().int().positive().transform(String),
        text.regex(/^[1-9]\d{0,9}$/, `${ru}: только цифры (id в Битрикс24) / ${en}: digits only (the Bitrix24 id)`),
      ]),
      note,
    })
    .transform((e) => ({ value: e.value, isPattern: false, note: e.note }));

// Extensions are digits; `?` (one digit) and `*` (any digits) make a pattern, e.g. 1?? for the 100–199 block.
const extensionEntry = z
  .object({
    value: text.regex(/^(?=.*\d)[\d?*]{1,15}$/, 'Только цифры (шаблон: 1??) / Digits only (pattern: 1??)'),
    note,
  })
  .transform((e) => ({ value: e.value, isPattern: /[?*]/.test(e.value), note: e.note }));

const PATTERN_MIN_DIGITS = 3;
const NUMBER_OR_PATTERN =
  'Номер телефона или цифры со звёздочкой в конце (7495123*) / ' +
  'A phone number or digits ending in an asterisk (7495123*)';
const SHORT_PATTERN =
  `Шаблон: не меньше ${PATTERN_MIN_DIGITS} цифр перед * / ` +
  `A pattern needs at least ${PATTERN_MIN_DIGITS} digits before *`;

/**
 * A never-record value: an exact number (stored as E.164 digits, so any spelling of the same number is one entry)
 * or a prefix like 7495123* (stored with a Russian 8 read as 7, as the matcher compares). A short prefix would
 * silence most calls, hence the minimum.
 */
const neverRecordEntrySchema = z.object({ value: z.union([z.number().transform(String), text]), note });
const neverRecordEntry = neverRecordEntrySchema.transform((e, ctx) => {
  if (e.value.includes('*')) {
    const compact = e.value.replace(/[\s()\-+.]/g, '');
    if (!/^\d+\*$/.test(compact)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: NUMBER_OR_PATTERN });
      return z.NEVER;
    }
    if (compact.length - 1 < PATTERN_MIN_DIGITS) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: SHORT_PATTERN });
      return z.NEVER;
    }
    return { value: normalizeDigits(compact, true), isPattern: true, note: e.note };
  }
  const number = normalizePhoneNumber(e.value);
  if (!number.ok) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: NUMBER_OR_PATTERN });
    return z.NEVER;
  }
  return { value: number.e164, isPattern: false, note: e.note };
});

/**
 * The most entries one list may hold: a whole company's staff, departments or extensions fit many times over, and a
 * bigger document would only hold the request (validation and the insert are per entry).
 */
export const LIST_ENTRIES_MAX = 5000;

const listError = (issue: { input?: unknown }) =>
  issue.input === undefined
    ? 'Список обязателен (может быть пустым) / The list is required (it may be empty)'
    : 'Должно быть списком / Must be a list';

const list = <T extends z.ZodType<ValidListEntry>>(entry: T) =>
  z
    .array(entry, { error: listError })
    .max(LIST_ENTRIES_MAX, `Не больше ${LIST_ENTRIES_MAX} записей / At most ${LIST_ENTRIES_MAX} entries`);

/**
 * Every list must be named and nothing else may be: the save replaces all four lists, so a misspelt key
 * ("neverrecord") read as "no lists" would silently empty them.
 */
const listsSchema = z
  .object({
    whitelistUsers: list(idEntry('Сотрудник', 'User')),
    whitelistDepartments: list(idEntry('Отдел', 'Department')),
    whitelistExtensions: list(extensionEntry),
    neverRecord: list(neverRecordEntry),
  })
  .strict();

const UNKNOWN_LIST =
  'Неизвестный список (есть whitelistUsers, whitelistDepartments, whitelistExtensions, neverRecord) / ' +
  'Unknown list (known: whitelistUsers, whitelistDepartments, whitelistExtensions, neverRecord)';
const NOT_LISTS = 'Ожидается объект со списками / Expected an object of lists';

const DUPLICATE = 'Уже есть в этом списке / Already in this list';

/** Validates the admin's lists; on failure an AppError whose `fields` maps "neverRecord.0.value" to its message. */
export function validateLists(input: unknown): ValidLists {
  // A missing body or list must not read as "empty lists": that would wipe every entry.
  const parsed = listsSchema.safeParse(input);
  const fields: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') for (const key of issue.keys) fields[key] ??= UNKNOWN_LIST;
      else if (issue.path.length === 0) fields[''] ??= NOT_LISTS;
      else fields[issue.path.join('.')] ??= issue.message;
    }
  } else {
    // The database keeps one row per (list, value); two spellings of one number are one entry.
    for (const [key, entries] of Object.entries(parsed.data)) {
      const seen = new Set<string>();
      entries.forEach((entry, index) => {
        if (seen.has(entry.value)) fields[`${key}.${index}.value`] = DUPLICATE;
        seen.add(entry.value);
      });
    }
  }
  if (!parsed.success || Object.keys(fields).length > 0) {
    throw new AppError('INVALID_INPUT', 'error.listsNotSaved', fields);
  }
  return parsed.data;
}
