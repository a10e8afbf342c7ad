import type { LineDial } from './kit-input';

export type DescribeLineDialOptions = { dialTarget: string };

/**
 * How a line is dialled, from the trunk fields that exist today: a PJSIP endpoint name (a "PJSIP/" prefix is
 * accepted). The one place that knows it: a per-line dial template (`PJSIP/{number}@Beeline-GoIP`) replaces this.
 */
export function describeLineDial({ dialTarget }: DescribeLineDialOptions): LineDial {
  const endpoint = dialTarget.trim().replace(/^pjsip\//i, '');
  return { endpoint, pre: 'PJSIP/', post: `@${endpoint}`, device: `PJSIP/${endpoint}` };
}
