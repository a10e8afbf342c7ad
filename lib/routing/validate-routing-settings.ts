import { z } from 'zod';
import { AppError } from '../errors/app-error';
import type { RoutingSettings } from './types';

/**
 * What an admin may save. Messages are Russian first with English after " / ": the admin pages show them next to
 * the field named by the issue's path (e.g. "trunks.2.caps.callsPerDay").
 */
const capValue = z
  .number({ message: 'Введите число / Enter a number' })
  .int('Целое число / Whole number')
  .min(0, 'Не может быть отрицательным / Cannot be negative')
  .nullable();

const id = z.string().min(1, 'Обязательное поле / Required');

const trunkSchema = z.object({
  id,
  name: z
    .string()
    .trim()
    .min(1, 'Укажите название линии / Name the line')
    .max(50, 'Не длиннее 50 символов / At most 50 characters'),
  lineNumber: z.string().regex(/^\d{1,20}$/, 'Номер линии — только цифры / Line number: digits only'),
  // Passed to Dial() through a channel variable: keep it to what a PJSIP endpoint name can be.
  dialTarget: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{1,40}$/,
      'Имя SIP-транка: латиница, цифры, _ и - / Trunk endpoint: letters, digits, _ and -',
    ),
  carrierGroupId: z
    .string({ message: 'Выберите группу операторов / Choose a carrier group' })
    .min(1, 'Выберите группу операторов / Choose a carrier group'),
  channels: z.number().int().min(1, 'Хотя бы одна SIM-карта / At least one SIM').max(64, 'Не больше 64 / At most 64'),
  caps: z.object({
    callsPerDay: capValue,
    minutesPerDay: capValue,
    minutesPerMonth: capValue,
    minGapSeconds: capValue,
  }),
  tariff: z.object({
    onNetKopecks: z.number().int().min(0, 'Не может быть отрицательным / Cannot be negative'),
    offNetKopecks: z.number().int().min(0, 'Не может быть отрицательным / Cannot be negative'),
  }),
  enabled: z.boolean(),
});

const settingsSchema = z
  .object({
    trunks: z.array(trunkSchema).min(1, 'Нужна хотя бы одна линия / At least one line is needed'),
    carrierGroups: z.array(
      z.object({
        id,
        name: z.string().trim().min(1),
        inns: z.array(z.string().regex(/^\d{10}$/, 'ИНН — 10 цифр / INN: 10 digits')),
      }),
    ),
    profiles: z.array(
      z.object({
        id,
        kind: z.enum(['sales', 'hr', 'other']),
        name: z.string().trim().min(1),
        departmentIds: z.array(z.string().regex(/^\d{1,10}$/, 'Номер отдела Битрикс24 / Bitrix24 department id')),
        allowedTrunkIds: z.array(z.string()).min(1, 'Разрешите хотя бы одну линию / Allow at least one line'),
        defaultTrunkId: id,
      }),
    ),
    defaultTrunkId: z.string().min(1, 'Выберите линию по умолчанию / Choose the default line'),
  })
  .superRefine((s, ctx) => {
    const trunkIds = new Set(s.trunks.map((t) => t.id));
    const groupIds = new Set(s.carrierGroups.map((g) => g.id));
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    s.trunks.forEach((t, i) => {
      if (!groupIds.has(t.carrierGroupId))
        issue(['trunks', i, 'carrierGroupId'], 'Выберите группу операторов / Choose a carrier group');
      if (s.trunks.findIndex((o) => o.name === t.name || o.lineNumber === t.lineNumber) !== i)
        issue(
          ['trunks', i, 'name'],
          'Название и номер линии должны быть уникальны / Line name and number must be unique',
        );
    });
    const innOwner = new Map<string, string>();
    s.carrierGroups.forEach((g, gi) =>
      g.inns.forEach((inn, ii) => {
        if (innOwner.has(inn))
          issue(
            ['carrierGroups', gi, 'inns', ii],
            `ИНН ${inn} уже в группе «${innOwner.get(inn)}» / INN ${inn} is already in "${innOwner.get(inn)}"`,
          );
        else innOwner.set(inn, g.name);
      }),
    );
    if (!trunkIds.has(s.defaultTrunkId))
      issue(['defaultTrunkId'], 'Выберите линию по умолчанию / Choose the default line');
    s.profiles.forEach((p, pi) => {
      p.allowedTrunkIds.forEach((tid, ti) => {
        if (!trunkIds.has(tid)) issue(['profiles', pi, 'allowedTrunkIds', ti], 'Нет такой линии / No such line');
      });
      if (!p.allowedTrunkIds.includes(p.defaultTrunkId))
        issue(
          ['profiles', pi, 'defaultTrunkId'],
          'Линия по умолчанию должна быть среди разрешённых / The default line must be an allowed one',
        );
      if (p.kind === 'hr' && new Set(p.allowedTrunkIds).size !== 2)
        issue(
          ['profiles', pi, 'allowedTrunkIds'],
          'У HR ровно два номера, каждый на своей линии / HR has exactly two numbers, each on its own line',
        );
    });
  });

/** Validates admin input; on failure an AppError whose `fields` maps each path to its first message. */
export function validateRoutingSettings(input: unknown): RoutingSettings {
  const parsed = settingsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.')] ??= issue.message;
  throw new AppError('INVALID_INPUT', 'error.settingsNotSaved', fields);
}
