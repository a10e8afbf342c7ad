import type { Db } from '../db/client';
import type { Lang } from '../i18n/lang';
import { toCsv } from '../savings/to-csv';
import type { JournalFilters } from './journal-filters';
import { queryJournal } from './query-journal';

/** The largest export in one file: a year of a busy call centre fits; more needs a narrower date range. */
const MAX_ROWS = 200_000;
const CHUNK = 2_000;

export type ExportJournalCsvOptions = { db: Db; portalId: number; filters: JournalFilters; lang: Lang };

/** Every call matching the filters (not only one page) as CSV, reasons in the reader's language. */
export async function exportJournalCsv({ db, portalId, filters, lang }: ExportJournalCsvOptions): Promise<string> {
  const ru = lang === 'ru';
  const header = ru
    ? [
        'Начало',
        'Источник',
        'Внутр.',
        'Сотрудник',
        'Номер',
        'Оператор',
        'Линия',
        'Внутри сети',
        'Статус',
        'Длительность, с',
        'Разговор, с',
        'Стоимость, ₽',
        'Без маршрутизации, ₽',
        'Зарегистрирован',
        'Почему',
        'Причины маршрута',
      ]
    : [
        'Started',
        'Origin',
        'Ext.',
        'User',
        'Number',
        'Carrier',
        'Line',
        'On-net',
        'Status',
        'Duration, s',
        'Talk, s',
        'Cost, RUB',
        'Baseline, RUB',
        'Registered',
        'Why',
        'Route reasons',
      ];
  const rows: (string | number | boolean | null)[][] = [];
  for (let page = 1; rows.length < MAX_ROWS; page += 1) {
    const { entries } = await queryJournal({ db, portalId, filters: { ...filters, page }, lang, pageSize: CHUNK });
    for (const e of entries) {
      rows.push([
        e.startedAt,
        e.origin,
        e.extension,
        e.userName,
        e.number,
        e.carrier,
        e.trunkName,
        e.onNet,
        e.status,
        e.durationSec,
        e.talkSec,
        rubles(e.costKopecks),
        rubles(e.baselineCostKopecks),
        e.registered,
        e.registrationReason,
        e.reasons.join('; '),
      ]);
    }
    if (entries.length < CHUNK) break;
  }
  return toCsv({ header, rows });
}

function rubles(kopecks: number | null): string | null {
  return kopecks === null ? null : (kopecks / 100).toFixed(2);
}
