/** Interface strings for a line's SIMs: per-SIM templates, the blocked-SIM thresholds and the out-of-rotation banner. */
export const ru = {
  'sims.title': 'SIM-карты линий',
  'sims.hint':
    'Шаблон для каждой SIM-карты, по одному в строке (префикс порта GoIP/Dinstar PJSIP/1#{number}@goip, своя ' +
    'учётка на SIM, Dongle/dongle0/{number}): тогда звонит именно та SIM, которую выбрало приложение, и лимиты ' +
    'считаются по ней. Пусто — порт выбирает шлюз сам, и лимиты считаются по линии условно.',
  'sims.templates': 'Шаблоны SIM-карт',
  'sims.perSim': 'по SIM-картам',
  'sims.gatewayPicks': 'порт выбирает шлюз',
  'sims.health': 'Когда выводить SIM-карту из работы',
  'sims.healthHint':
    'Оператор блокирует SIM-карту за «спам»; шлюз тогда отказывает в звонках или обрывает их сразу после ответа. ' +
    'SIM возвращается в работу только вручную.',
  'sims.failuresInRow': 'Неудачных звонков подряд',
  'sims.shortCallsInRow': 'Коротких звонков подряд',
  'sims.shortCallSeconds': 'Короткий звонок, секунд',
  'sims.outTitle': 'SIM-карты выведены из работы',
  'sims.since': 'с',
  'sims.enable': 'Включить снова',
} as const;

export const en: Record<keyof typeof ru, string> = {
  'sims.title': "Lines' SIM cards",
  'sims.hint':
    'A template for each SIM, one per line (a GoIP/Dinstar port prefix PJSIP/1#{number}@goip, an endpoint per ' +
    'SIM, Dongle/dongle0/{number}): the SIM the app picks is then the SIM that dials, and its limits are true. ' +
    'Empty: the gateway picks the port itself, and limits are counted per line as an estimate.',
  'sims.templates': 'SIM templates',
  'sims.perSim': 'per SIM',
  'sims.gatewayPicks': 'the gateway picks the port',
  'sims.health': 'When a SIM is taken out of rotation',
  'sims.healthHint':
    'Carriers block SIMs for "spam"; the gateway then refuses calls or drops them right after the answer. ' +
    'A SIM comes back only when an admin enables it.',
  'sims.failuresInRow': 'Failed calls in a row',
  'sims.shortCallsInRow': 'Short calls in a row',
  'sims.shortCallSeconds': 'A short call, seconds',
  'sims.outTitle': 'SIMs out of rotation',
  'sims.since': 'since',
  'sims.enable': 'Enable again',
};
