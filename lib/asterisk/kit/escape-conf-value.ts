import { AppError } from '../../errors/app-error';

export type EscapeConfValueOptions = { name: string; value: string };

/**
 * A value for an Asterisk .conf line: `;` starts a comment there, so it is escaped; a line break would start another
 * setting, so it is refused.
 */
export function escapeConfValue({ name, value }: EscapeConfValueOptions): string {
  if (/[\r\n]/.test(value))
    throw new AppError('CONFIG_INVALID', `${name}: перевод строки недопустим / ${name}: line breaks are not allowed`);
  return value.replaceAll(';', '\\;');
}
