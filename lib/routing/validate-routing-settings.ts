import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { checkDialTemplate } from './dial-template/check-dial-template';
import { dialTemplateMessage } from './dial-template/dial-template-message';
import type { RoutingSettings } from './types';

/**
 * The largest settings document an admin may save. Each is far above a real deployment (a call centre has a handful
 * of gateways and carriers) and small enough that validating and storing the biggest allowed document stays a short
 * request: the save writes row by row in one transaction, so the totals bound its work too.
 */
export const ROUTING_SETTINGS_LIMITS = {
  /** Lines (trunks): one per gateway SIM group. */
  trunks: 100,
  /** SIMs (parallel channels) on one line: the largest GSM gateways have 64 ports. */
  simsPerLine: 64,
  carrierGroups: 100,
  /** ИНН in one carrier group (a carrier and its MVNOs), and in all groups together. */
  innsPerGroup: 500,
  innsTotal: 2000,
  /** Department profiles, and Bitrix24 departments assigned to profiles altogether. */
  profiles: 100,
  departmentsTotal: 2000,
} as const;

const L = ROUTING_SETTINGS_LIMITS;
const NAME_MAX = 50;
const ID_MAX = 64;

/**
 * An array whose length is checked before any element is parsed: an oversized document is refused at once instead
 * of after parsing every element. Messages are Russian first with English after " / ": the admin pages show them next
 * to the field named by the issue's path (e.g. "trunks.2.caps.callsPerDay").
 */
function cappedArray<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(z.unknown(), { error: 'Должно быть списком / Must be a list' })
    .max(max, `Не больше ${max} / At most ${max}`)
    .pipe(z.array(item));
}

const capValue = z
  .number({ message: 'Введите число / Enter a number' })
  .int('Целое число / Whole number')
  .min(0, 'Не может быть отрицательным / Cannot be negative')
  .nullable();

const id = z
  .string()
  .min(1, 'Обязательное поле / Required')
  .max(ID_MAX, `Не длиннее ${ID_MAX} символов / At most ${ID_MAX} characters`);
const name = (required: string) =>
  z.string().trim().min(1, required).max(NAME_MAX, `Не длиннее ${NAME_MAX} символов / At most ${NAME_MAX} characters`);
const notNegative = z.number().int().min(0, 'Не может быть отрицательным / Cannot be negative');
const CHOOSE_GROUP = 'Выберите группу операторов / Choose a carrier group';
const CHOOSE_DEFAULT = 'Выберите линию по умолчанию / Choose the default line';
const UNIQUE_LINE = 'Название и номер линии должны быть уникальны / Line name and number must be unique';
const DEFAULT_NOT_ALLOWED =
  'Линия по умолчанию должна быть среди разрешённых / The default line must be an allowed one';
const HR_TWO_LINES = 'У HR ровно два номера, каждый на своей линии / HR has exactly two numbers, each on its own line';
const SIM_COUNT = `Не больше ${L.simsPerLine} / At most ${L.simsPerLine}`;
const LINE_NUMBER = 'Номер линии — цифры, например 74950000001 / Line number: digits, e.g. 74950000001';

/** A dial template through the one check (checkDialTemplate): the pages, the import and originate all use it. */
const dialTemplate = z.string({ message: dialTemplateMessage({ problem: 'empty' }) }).transform((value, ctx) => {
  const checked = checkDialTemplate(value);
  if (checked.ok) return checked.template;
  ctx.addIssue({ code: 'custom', message: dialTemplateMessage(checked) });
  return z.NEVER;
});
/** The page edits the SIM templates as lines of text: a blank line is no template. */
const withoutBlankLines = (value: unknown) =>
  Array.isArray(value) ? value.filter((item) => typeof item !== 'string' || item.trim() !== '') : value;
const SIM_DIALS_COUNT =
  'Укажите шаблон для каждой SIM-карты линии или ни одного / Give every SIM of the line a template, or none';
const SIM_DIALS_UNIQUE = 'У каждой SIM-карты свой шаблон / Each SIM needs its own template';

/** Editable thresholds of the blocked-SIM rule (lib/sim-health); bounded so a typo cannot switch it off silently. */
const simHealthSchema = z.object({
  failuresInRow: z.number().int().min(2, 'Не меньше 2 / At least 2').max(50, 'Не больше 50 / At most 50'),
  shortCallsInRow: z.number().int().min(2, 'Не меньше 2 / At least 2').max(50, 'Не больше 50 / At most 50'),
  shortCallSeconds: z.number().int().min(1, 'Не меньше 1 / At least 1').max(60, 'Не больше 60 / At most 60'),
});

const trunkSchema = z.object({
  id,
  name: name('Укажите название линии / Name the line'),
  // A number as people write it (+7 903 000-00-01) is kept as its digits.
  lineNumber: z
    .string()
    .transform((value) => value.replace(/[\s()+\-.]/g, ''))
    .pipe(z.string().regex(/^\d{1,20}$/, LINE_NUMBER)),
  // Reaches Dial() through a channel variable.
  dial: dialTemplate,
  // Absent or empty: the gateway picks the port. Else one per SIM, so the SIM the decision picks is the one dialling.
  simDials: z.preprocess(withoutBlankLines, cappedArray(dialTemplate, L.simsPerLine)).optional(),
  // Empty while the admin has not made the groups yet: the line is then on-net to nobody (lines and groups can be
  // set up in either order).
  carrierGroupId: z.string({ message: CHOOSE_GROUP }),
  channels: z.number().int().min(1, 'Хотя бы одна SIM-карта / At least one SIM').max(L.simsPerLine, SIM_COUNT),
  caps: z.object({
    callsPerDay: capValue,
    minutesPerDay: capValue,
    minutesPerMonth: capValue,
    minGapSeconds: capValue,
  }),
  tariff: z.object({ onNetKopecks: notNegative, offNetKopecks: notNegative }),
  enabled: z.boolean(),
  callbackUserId: z
    .string()
    .regex(/^\d{0,10}$/, 'Сотрудник Битрикс24 / Bitrix24 user id')
    .nullish()
    // Absent stays absent (documents from before the setting); "" is "nobody chosen".
    .transform((value) => (value === undefined ? undefined : value || null)),
});

const carrierGroupSchema = z.object({
  id,
  name: name('Укажите название группы / Name the group'),
  inns: cappedArray(z.string().regex(/^\d{10}$/, 'ИНН — 10 цифр / INN: 10 digits'), L.innsPerGroup),
});

const profileSchema = z.object({
  id,
  kind: z.enum(['sales', 'hr', 'other']),
  name: name('Укажите название профиля / Name the profile'),
  departmentIds: cappedArray(
    z.string().regex(/^\d{1,10}$/, 'Номер отдела Битрикс24 / Bitrix24 department id'),
    L.departmentsTotal,
  ),
  allowedTrunkIds: cappedArray(z.string(), L.trunks).refine(
    (ids) => ids.length > 0,
    'Разрешите хотя бы одну линию / Allow at least one line',
  ),
  defaultTrunkId: id,
});

const settingsSchema = z
  .object({
    // A new portal starts with no lines: its carrier groups and departments can be saved before the first line.
    trunks: cappedArray(trunkSchema, L.trunks),
    carrierGroups: cappedArray(carrierGroupSchema, L.carrierGroups),
    profiles: cappedArray(profileSchema, L.profiles),
    defaultTrunkId: z.string(),
    simHealth: simHealthSchema.optional(),
  })
  .superRefine(checkReferences);

type Issue = (path: (string | number)[], message: string) => void;
type ParsedSettings = z.infer<typeof settingsSchema>;

/**
 * Cross-references and uniqueness, each one pass over its array with a Set or Map, so the biggest allowed document
 * costs little more than its size.
 */
function checkReferences(s: ParsedSettings, ctx: z.RefinementCtx): void {
  const issue: Issue = (path, message) => ctx.addIssue({ code: 'custom', path, message });
  const trunkIds = firstOccurrences(s.trunks, (t) => t.id, ['trunks'], issue);
  const groupIds = firstOccurrences(s.carrierGroups, (g) => g.id, ['carrierGroups'], issue);
  firstOccurrences(s.profiles, (p) => p.id, ['profiles'], issue);
  const names = new Set<string>();
  const lineNumbers = new Set<string>();
  s.trunks.forEach((t, i) => {
    if (t.carrierGroupId !== '' && !groupIds.has(t.carrierGroupId))
      issue(['trunks', i, 'carrierGroupId'], CHOOSE_GROUP);
    if (names.has(t.name) || lineNumbers.has(t.lineNumber)) issue(['trunks', i, 'name'], UNIQUE_LINE);
    names.add(t.name);
    lineNumbers.add(t.lineNumber);
    if (t.simDials?.length && t.simDials.length !== t.channels) issue(['trunks', i, 'simDials'], SIM_DIALS_COUNT);
    else if (t.simDials && new Set(t.simDials).size !== t.simDials.length)
      issue(['trunks', i, 'simDials'], SIM_DIALS_UNIQUE);
  });
  checkInns(s, issue);
  // Without lines there is nothing to default to; with lines, calls nobody else claims need one.
  if (s.trunks.length > 0 && !trunkIds.has(s.defaultTrunkId)) issue(['defaultTrunkId'], CHOOSE_DEFAULT);
  if (s.trunks.length === 0 && s.defaultTrunkId !== '') issue(['defaultTrunkId'], CHOOSE_DEFAULT);
  checkProfiles(s, trunkIds, issue);
}

/** Ids seen first at their index; a repeated id is refused (rows are matched by id when saved). */
function firstOccurrences<T>(items: T[], idOf: (item: T) => string, path: string[], issue: Issue): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(idOf(item))) issue([...path, index, 'id'], 'Повторяющийся id / Duplicate id');
    seen.add(idOf(item));
  });
  return seen;
}

function checkInns(s: ParsedSettings, issue: Issue): void {
  const innOwner = new Map<string, string>();
  let total = 0;
  s.carrierGroups.forEach((g, gi) => {
    total += g.inns.length;
    g.inns.forEach((inn, ii) => {
      const owner = innOwner.get(inn);
      if (owner === undefined) innOwner.set(inn, g.name);
      else {
        const message = `ИНН ${inn} уже в группе «${owner}» / INN ${inn} is already in "${owner}"`;
        issue(['carrierGroups', gi, 'inns', ii], message);
      }
    });
  });
  if (total > L.innsTotal) {
    const max = L.innsTotal;
    issue(['carrierGroups'], `Не больше ${max} ИНН во всех группах / At most ${max} INNs in all groups`);
  }
}

function checkProfiles(s: ParsedSettings, trunkIds: Set<string>, issue: Issue): void {
  const departmentOwner = new Map<string, string>();
  let departments = 0;
  s.profiles.forEach((p, pi) => {
    const allowed = new Set<string>();
    p.allowedTrunkIds.forEach((tid, ti) => {
      const path = ['profiles', pi, 'allowedTrunkIds', ti];
      if (!trunkIds.has(tid)) issue(path, 'Нет такой линии / No such line');
      else if (allowed.has(tid)) issue(path, 'Линия указана дважды / Line listed twice');
      allowed.add(tid);
    });
    if (!allowed.has(p.defaultTrunkId)) issue(['profiles', pi, 'defaultTrunkId'], DEFAULT_NOT_ALLOWED);
    if (p.kind === 'hr' && allowed.size !== 2) issue(['profiles', pi, 'allowedTrunkIds'], HR_TWO_LINES);
    departments += p.departmentIds.length;
    p.departmentIds.forEach((department, di) => {
      const owner = departmentOwner.get(department);
      // A department follows one profile; the save would silently keep only the last one.
      if (owner === undefined) departmentOwner.set(department, p.name);
      else {
        const message = `Отдел уже в профиле «${owner}» / Department is already in "${owner}"`;
        issue(['profiles', pi, 'departmentIds', di], message);
      }
    });
  });
  if (departments > L.departmentsTotal) {
    const max = L.departmentsTotal;
    issue(['profiles'], `Не больше ${max} отделов во всех профилях / At most ${max} departments in all profiles`);
  }
}

/** Validates admin input; on failure an AppError whose `fields` maps each path to its first message. */
export function validateRoutingSettings(input: unknown): RoutingSettings {
  const parsed = settingsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.')] ??= issue.message;
  throw new AppError('INVALID_INPUT', 'error.settingsNotSaved', fields);
}
