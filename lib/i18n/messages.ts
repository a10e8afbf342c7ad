import type { Lang } from './lang';

/**
 * Interface strings. Russian is the source; every key must exist in English too
 * (the type below makes a missing translation a compile error).
 */
const ru = {
  'app.title': 'Звонки через SIM оператора клиента',
  'app.subtitle': 'Исходящие звонки Битрикс24 через Asterisk по оператору абонента',
  'nav.overview': 'Обзор',
  'nav.section.settings': 'Настройки',
  'frame.loading': 'Подключение к Битрикс24…',
  'frame.standalone': 'Открыто вне Битрикс24: локальный режим, настройки портала недоступны',
  'frame.error': 'Не удалось подключиться к Битрикс24',
  'frame.connected': 'Подключено к порталу',
  'health.title': 'Состояние системы',
  'health.database': 'База данных',
  'health.ami': 'АТС (AMI)',
  'health.registry': 'Реестр нумерации',
  'health.portals': 'Порталы',
  'health.ok': 'в порядке',
  'health.down': 'недоступно',
  'health.notConfigured': 'не настроено',
  'health.loading': 'Проверка…',
  'health.failed': 'Не удалось получить состояние',
  'health.rows': 'диапазонов',
  'health.installed': 'установлено',
  'health.latency': 'отклик',
  'health.pending': 'ожидают миграции',
} as const;

export type MessageKey = keyof typeof ru;

const en: Record<MessageKey, string> = {
  'app.title': "Calls through the client's carrier SIM",
  'app.subtitle': "Bitrix24 outgoing calls via Asterisk, routed by the client's mobile carrier",
  'nav.overview': 'Overview',
  'nav.section.settings': 'Settings',
  'frame.loading': 'Connecting to Bitrix24…',
  'frame.standalone': 'Opened outside Bitrix24: local mode, portal settings are unavailable',
  'frame.error': 'Could not connect to Bitrix24',
  'frame.connected': 'Connected to portal',
  'health.title': 'System status',
  'health.database': 'Database',
  'health.ami': 'PBX (AMI)',
  'health.registry': 'Numbering registry',
  'health.portals': 'Portals',
  'health.ok': 'ok',
  'health.down': 'unavailable',
  'health.notConfigured': 'not configured',
  'health.loading': 'Checking…',
  'health.failed': 'Could not load the status',
  'health.rows': 'ranges',
  'health.installed': 'installed',
  'health.latency': 'latency',
  'health.pending': 'migrations pending',
};

const dictionaries: Record<Lang, Record<MessageKey, string>> = { ru, en };

export function translate(lang: Lang, key: MessageKey): string {
  return dictionaries[lang][key];
}
