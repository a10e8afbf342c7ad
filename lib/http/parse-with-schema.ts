import type { z } from 'zod';
import { AppError } from '../errors/app-error';

/**
 * A query or body through its zod schema; a failure is INVALID_INPUT naming every bad field. A schema's own message
 * should be a lib/i18n key ('error.enterNumber'); zod's built-in messages are English texts and shown as they are.
 */
export function parseWithSchema<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.') || '_', issue.message]));
  const first = parsed.error.issues[0]!;
  const message = first.message.startsWith('error.') ? first.message : 'error.invalidInput';
  throw new AppError('INVALID_INPUT', message, fields);
}
