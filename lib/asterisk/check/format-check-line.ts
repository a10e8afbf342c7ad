import type { PbxCheckResult } from './pbx-check-types';

export type FormatCheckLineOptions = { result: PbxCheckResult };

const MARK = { pass: 'OK  ', fail: 'FAIL', skip: 'SKIP' } as const;

/** One printed line per check: status, PBX, check and subject, what was found, then the fix in Russian and English. */
export function formatCheckLine({ result }: FormatCheckLineOptions): string {
  const what = [result.check, result.subject].filter(Boolean).join(' ');
  const hint = result.hint ? ` — ${result.hint.ru} / ${result.hint.en}` : '';
  return `${MARK[result.status]} ${result.pbx}: ${what}: ${result.detail}${hint}`;
}
