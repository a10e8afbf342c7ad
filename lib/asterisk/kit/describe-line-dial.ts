import { AppError } from '../../errors/app-error';
import { checkDialTemplate, DIAL_NUMBER } from '../../routing/dial-template/check-dial-template';
import type { LineDial } from './kit-input';

export type DescribeLineDialOptions = { dial: string };

/**
 * How a line is dialled, from its dial template (`PJSIP/{number}@Beeline-GoIP`, `SIP/beeline/{number}`,
 * `IAX2/gw/{number}`): what comes before and after the number, the line's name in the route answer and the dialplan
 * (the template's resource), and the device whose state says whether the line is there.
 */
export function describeLineDial({ dial }: DescribeLineDialOptions): LineDial {
  const checked = checkDialTemplate(dial);
  if (!checked.ok)
    throw new AppError('CONFIG_INVALID', `Шаблон набора «${dial}» неверен / Dial template "${dial}" is not valid`);
  const [pre, post] = checked.template.split(DIAL_NUMBER) as [string, string];
  return {
    endpoint: checked.resource,
    pre,
    post,
    device: `${checked.technology}/${checked.resource}`,
    template: checked.template,
  };
}
