import type { Lang } from '../i18n/lang';
import type { SimBlock } from './assess-sim-health';

export type SimOutMessageOptions = { lang: Lang; line: string; sim: number; block: SimBlock };

/** Why a SIM is out of rotation, for the admin page and the Bitrix24 notification; SIMs are counted from 1 there. */
export function simOutMessage({ lang, line, sim, block }: SimOutMessageOptions): string {
  const number = sim + 1;
  if (lang === 'ru')
    return block.reason === 'failures'
      ? `SIM ${number} линии «${line}» выведена из работы: ${block.run} неудачных звонков подряд — похоже, оператор ` +
          'заблокировал её. Проверьте SIM и включите её снова на странице «Линии».'
      : `SIM ${number} линии «${line}» выведена из работы: ${block.run} звонков подряд обрываются сразу после ` +
          'ответа — похоже на блокировку оператором. Проверьте SIM и включите её снова на странице «Линии».';
  return block.reason === 'failures'
    ? `SIM ${number} of line "${line}" is out of rotation: ${block.run} failed calls in a row — the carrier has ` +
        'probably blocked it. Check the SIM, then enable it again on the Lines page.'
    : `SIM ${number} of line "${line}" is out of rotation: ${block.run} calls in a row dropped right after the ` +
        'answer — this looks like a carrier block. Check the SIM, then enable it again on the Lines page.';
}
