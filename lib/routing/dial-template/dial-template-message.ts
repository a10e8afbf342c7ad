import { translate } from '../../i18n/messages';
import { DIAL_TECHNOLOGIES, DIAL_TEMPLATE_MAX, type DialTemplateProblem } from './check-dial-template';

export type DialTemplateMessageOptions = { problem: DialTemplateProblem; character?: string };

/** "Русский / English", as every settings message: the admin page shows the half in its language. */
export function dialTemplateMessage({ problem, character }: DialTemplateMessageOptions): string {
  const key = `trunks.dialError.${problem}` as const;
  const shown = character === '\r' ? 'CR' : character === '\n' ? 'LF' : (character ?? '');
  const params = { max: DIAL_TEMPLATE_MAX, list: DIAL_TECHNOLOGIES.join(', '), char: shown };
  return `${translate('ru', key, params)} / ${translate('en', key, params)}`;
}
