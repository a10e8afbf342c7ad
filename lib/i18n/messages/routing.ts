/**
 * Interface strings for the routing settings pages: trunks, carrier groups, departments, route tester. Russian is the
 * source; `en` must have every key.
 */
export const ru = {
  'trunks.callbackUser': 'Обратные звонки с CRM-форм: кому звонить',
  'trunks.callbackUserHint':
    'Если у клиента в CRM нет ответственного, обратный звонок по этой линии получает выбранный сотрудник.',
  'trunks.callbackUserAdmin': 'Администратор портала',
  'directory.sync': 'Обновить отделы и сотрудников из Битрикс24',
  'directory.synced': 'Прочитано из Битрикс24 (отделы / сотрудники)',
  'trunks.intro':
    'Каждая линия — GSM-шлюз с SIM-картами одного оператора. Название видно менеджеру как внешняя линия в ' +
    'карточке звонка Битрикс24.',
  'trunks.name': 'Название линии',
  'trunks.lineNumber': 'Номер линии',
  'trunks.dial': 'Шаблон набора',
  'trunks.dialHint':
    'Как Asterisk набирает номер через линию: {number} — номер клиента. Например PJSIP/{number}@Beeline-GoIP, ' +
    'SIP/beeline/{number}, IAX2/gw/{number}, Dongle/g1/{number}.',
  'trunks.dialError.empty': 'Укажите шаблон набора, например PJSIP/{number}@gw_mts',
  'trunks.dialError.tooLong': 'Не длиннее {max} символов',
  'trunks.dialError.technology': 'Начните с технологии канала: {list}',
  'trunks.dialError.number': 'В шаблоне должно быть ровно одно {number}',
  'trunks.dialError.forbidden':
    'Символ «{char}» недопустим: он меняет команду Dial (запрещены & , ( ) | ; и перевод строки)',
  'trunks.dialError.characters': 'Символ «{char}» недопустим в шаблоне набора',
  'trunks.dialError.line':
    'Не видно транка: PJSIP/{number}@транк, SIP/пир/{number}, IAX2/пир/{number} или Dongle/устройство/{number}',
  'trunks.carrierGroup': 'Группа операторов',
  'trunks.channels': 'SIM',
  'trunks.callsPerDay': 'Звонков в день',
  'trunks.minutesPerDay': 'Минут в день',
  'trunks.minutesPerMonth': 'Минут в месяц',
  'trunks.minGap': 'Пауза, с',
  'trunks.onNet': 'Внутри сети, ₽/мин',
  'trunks.offNet': 'Другие сети, ₽/мин',
  'trunks.enabled': 'Вкл.',
  'trunks.add': 'Добавить линию',
  'trunks.capsHint': 'Лимиты — на одну SIM-карту; пустое поле — без лимита.',
  'trunks.noGroup': '— без группы —',
  'trunks.empty':
    'Линий пока нет. Добавьте первую: её номер в Битрикс24 и транк Asterisk. Группу операторов можно выбрать позже: ' +
    'до этого линия ни для кого не считается линией «внутри сети».',
  'trunks.defaultTrunk': 'Линия по умолчанию',
  'trunks.defaultHint': 'Для городских, зарубежных номеров и неизвестных операторов, и когда линии отдела заняты.',
  'groups.intro':
    'Группа — оператор и виртуальные операторы (MVNO) на его сети: звонок на номер той же группы ' +
    'тарифицируется как внутри сети.',
  'groups.mvnoNote':
    'Тариф «внутри сети» для абонентов MVNO зависит от вашего договора с оператором: проверьте его и при ' +
    'необходимости перенесите или уберите ИНН виртуальных операторов.',
  'groups.suggest': 'Заполнить по умолчанию',
  'groups.name': 'Название группы',
  'groups.addInn': 'Добавить ИНН',
  'groups.innPlaceholder': 'ИНН, 10 цифр',
  'groups.unknownCarrier': 'неизвестный оператор',
  'groups.add': 'Добавить группу',
  'groups.empty': 'Нет ИНН',
  'groups.none':
    'Групп пока нет. «Заполнить по умолчанию» создаст группы крупных операторов вместе с их MVNO; линии можно ' +
    'добавить до или после групп.',
  'departments.intro': 'Профиль связывает отделы Битрикс24 с линиями, через которые звонят их сотрудники.',
  'departments.kind': 'Тип',
  'departments.kind.sales': 'Продажи',
  'departments.kind.hr': 'HR',
  'departments.kind.other': 'Другое',
  'departments.name': 'Название',
  'departments.departments': 'Отделы Битрикс24',
  'departments.addId': 'ID отдела',
  'departments.allowed': 'Разрешённые линии',
  'departments.default': 'Линия по умолчанию',
  'departments.hrNumbers': 'HR: ровно два номера',
  'departments.hrHint': 'Звонки HR уходят только через эти две линии.',
  'departments.add': 'Добавить профиль',
  'departments.noCache': 'Отделы ещё не загружены из Битрикс24 — обновите их кнопкой ниже или добавьте ID вручную.',
  'tester.intro': 'Какую линию выберет приложение для номера и менеджера — с причинами.',
  'tester.number': 'Номер клиента',
  'tester.manager': 'Менеджер',
  'tester.noManager': 'Без отдела',
  'tester.line': 'Линия',
  'tester.autoLine': 'Автоматически',
  'tester.run': 'Проверить',
  'tester.running': 'Проверка…',
  'tester.trunk': 'Линия',
  'tester.none': 'Нет свободной линии',
  'tester.carrier': 'Оператор',
  'tester.unknownCarrier': 'не определён',
  'tester.source.registry': 'по реестру',
  'tester.source.ported': 'по базе перенесённых номеров',
  'tester.source.override': 'по ручной настройке',
  'tester.onNet': 'внутри сети',
  'tester.offNet': 'вне сети',
  'tester.fallbacks': 'Запасные линии',
  'tester.reasons': 'Почему',
  'tester.profile': 'Профиль',
} as const;

export const en: Record<keyof typeof ru, string> = {
  'trunks.callbackUser': 'CRM-form callbacks: who is rung',
  'trunks.callbackUserHint':
    'When the CRM client has nobody responsible, a callback on this line rings the person chosen here.',
  'trunks.callbackUserAdmin': 'The portal administrator',
  'directory.sync': 'Refresh departments and people from Bitrix24',
  'directory.synced': 'Read from Bitrix24 (departments / people)',
  'trunks.intro':
    'Each line is a GSM gateway with SIM cards of one carrier. Managers see its name as an external line in ' +
    'the Bitrix24 call card.',
  'trunks.name': 'Line name',
  'trunks.lineNumber': 'Line number',
  'trunks.dial': 'Dial template',
  'trunks.dialHint':
    "How Asterisk dials through the line: {number} is the client's number. E.g. PJSIP/{number}@Beeline-GoIP, " +
    'SIP/beeline/{number}, IAX2/gw/{number}, Dongle/g1/{number}.',
  'trunks.dialError.empty': 'Enter a dial template, e.g. PJSIP/{number}@gw_mts',
  'trunks.dialError.tooLong': 'At most {max} characters',
  'trunks.dialError.technology': 'Start with the channel technology: {list}',
  'trunks.dialError.number': 'The template must contain exactly one {number}',
  'trunks.dialError.forbidden':
    '"{char}" is not allowed: it changes the Dial command (& , ( ) | ; and line breaks are refused)',
  'trunks.dialError.characters': '"{char}" is not allowed in a dial template',
  'trunks.dialError.line':
    'No trunk in it: PJSIP/{number}@trunk, SIP/peer/{number}, IAX2/peer/{number} or Dongle/device/{number}',
  'trunks.carrierGroup': 'Carrier group',
  'trunks.channels': 'SIMs',
  'trunks.callsPerDay': 'Calls per day',
  'trunks.minutesPerDay': 'Minutes per day',
  'trunks.minutesPerMonth': 'Minutes per month',
  'trunks.minGap': 'Gap, s',
  'trunks.onNet': 'On-net, ₽/min',
  'trunks.offNet': 'Off-net, ₽/min',
  'trunks.enabled': 'On',
  'trunks.add': 'Add a line',
  'trunks.capsHint': 'Limits are per SIM card; an empty field means no limit.',
  'trunks.noGroup': '— no group —',
  'trunks.empty':
    'No lines yet. Add the first one: its Bitrix24 number and its Asterisk trunk. The carrier group can be chosen ' +
    'later; until then the line counts as on-net for nobody.',
  'trunks.defaultTrunk': 'Default line',
  'trunks.defaultHint':
    "For landlines, foreign numbers and unknown carriers, and when the department's lines are busy.",
  'groups.intro':
    'A group is a carrier plus the virtual operators (MVNOs) on its network: a call to a number of the same ' +
    'group is billed as on-net.',
  'groups.mvnoNote':
    'On-net pricing for MVNO subscribers depends on your contract with the carrier: check it and move or ' +
    "remove the MVNOs' INNs if needed.",
  'groups.suggest': 'Suggest defaults',
  'groups.name': 'Group name',
  'groups.addInn': 'Add INN',
  'groups.innPlaceholder': 'INN, 10 digits',
  'groups.unknownCarrier': 'unknown carrier',
  'groups.add': 'Add a group',
  'groups.empty': 'No INNs',
  'groups.none':
    'No groups yet. "Suggest defaults" creates the major carriers\' groups with their MVNOs; lines can be added ' +
    'before or after the groups.',
  'departments.intro': 'A profile ties Bitrix24 departments to the lines their people call through.',
  'departments.kind': 'Kind',
  'departments.kind.sales': 'Sales',
  'departments.kind.hr': 'HR',
  'departments.kind.other': 'Other',
  'departments.name': 'Name',
  'departments.departments': 'Bitrix24 departments',
  'departments.addId': 'Department id',
  'departments.allowed': 'Allowed lines',
  'departments.default': 'Default line',
  'departments.hrNumbers': 'HR: exactly two numbers',
  'departments.hrHint': 'HR calls leave only through these two lines.',
  'departments.add': 'Add a profile',
  'departments.noCache': 'Departments are not read from Bitrix24 yet — refresh them below or add ids by hand.',
  'tester.intro': 'Which line the app picks for a number and a manager — with the reasons.',
  'tester.number': 'Client number',
  'tester.manager': 'Manager',
  'tester.noManager': 'No department',
  'tester.line': 'Line',
  'tester.autoLine': 'Automatic',
  'tester.run': 'Check',
  'tester.running': 'Checking…',
  'tester.trunk': 'Line',
  'tester.none': 'No line available',
  'tester.carrier': 'Carrier',
  'tester.unknownCarrier': 'unknown',
  'tester.source.registry': 'by the registry',
  'tester.source.ported': 'by the ported-numbers base',
  'tester.source.override': 'by a manual override',
  'tester.onNet': 'on-net',
  'tester.offNet': 'off-net',
  'tester.fallbacks': 'Fallbacks',
  'tester.reasons': 'Why',
  'tester.profile': 'Profile',
};
