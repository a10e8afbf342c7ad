/** Interface strings for the first-run setup page. Russian is the source; `en` must have every key. */
export const ru = {
  'nav.setup': 'Первый запуск',
  'setup.intro':
    'Что нужно, чтобы первый звонок ушёл через SIM оператора клиента. Шаги можно проходить в любом порядке: ' +
    'каждый ведёт на свою страницу, а состояние здесь обновляется по сохранённым настройкам.',
  'setup.state.done': 'готово',
  'setup.state.todo': 'нужно сделать',
  'setup.state.warn': 'проверьте',
  'setup.state.manual': 'проверьте сами',
  'setup.open': 'Открыть',
  'setup.step.pbx': 'АТС Asterisk по AMI',
  'setup.step.pbx.done': 'АТС отвечает по AMI ({count}).',
  'setup.step.pbx.todo':
    'АТС не настроена: задайте AMI_HOST, AMI_PORT, AMI_USER и AMI_SECRET в окружении сервера и перезапустите ' +
    'приложение.',
  'setup.step.pbx.warn': 'АТС настроена, но не отвечает по AMI: состояние на странице «Обзор».',
  'setup.step.lines': 'Линии',
  'setup.step.lines.done': 'Линий: {count}.',
  'setup.step.lines.todo': 'Добавьте линию на каждый шлюз оператора: номер в Битрикс24 и транк Asterisk.',
  'setup.step.groups': 'Группы операторов',
  'setup.step.groups.done': 'Групп: {count}.',
  'setup.step.groups.todo': 'Создайте группы: «Заполнить по умолчанию» берёт операторов из реестра вместе с MVNO.',
  'setup.step.groups.warn': 'Линий без группы: {count}. Такая линия ни для кого не считается линией «внутри сети».',
  'setup.step.departments': 'Отделы: продажи и HR',
  'setup.step.departments.done': 'Профили продаж и HR заданы.',
  'setup.step.departments.todo': 'Задайте профиль продаж и профиль HR и отделы Битрикс24 для них.',
  'setup.step.departments.warn': 'Профилей: {count}; нужен и профиль продаж, и профиль HR.',
  'setup.step.hrNumbers': 'Два номера HR',
  'setup.step.hrNumbers.done': 'У HR два номера, каждый на своей линии.',
  'setup.step.hrNumbers.todo': 'У HR ровно два номера: разрешите профилю HR две линии (сейчас {count}).',
  'setup.step.defaultLine': 'Линия по умолчанию',
  'setup.step.defaultLine.done': 'Выбрана.',
  'setup.step.defaultLine.todo':
    'Выберите линию для городских и зарубежных номеров и неизвестных операторов (первая линия становится ею сама).',
  'setup.step.whitelist': 'Белый список',
  'setup.step.whitelist.done': 'Записей в белых списках: {count}.',
  'setup.step.whitelist.warn': 'Белые списки пусты: звонки не регистрируются в Битрикс24. Это можно оставить так.',
  'setup.step.test': 'Проверочный звонок',
  'setup.step.test.manual':
    'Проверьте маршрут своего номера в «Проверке маршрута», затем позвоните себе: последний шаг мастера настройки ' +
    'звонит на ваш телефон через выбранную линию.',
  'setup.missing':
    'Мастер настройки проходит те же шаги на одной странице: находит транки АТС и предлагает линии по их именам, ' +
    'берёт отделы из Битрикс24, проверяет АТС и звонит на ваш телефон.',
  'setup.loadFailed': 'Не удалось узнать состояние настройки',
} as const;

export const en: Record<keyof typeof ru, string> = {
  'nav.setup': 'Setup',
  'setup.intro':
    "What the first call through the client's carrier SIM needs. The steps can be done in any order: each opens its " +
    'page, and the state here follows the saved settings.',
  'setup.state.done': 'done',
  'setup.state.todo': 'to do',
  'setup.state.warn': 'check',
  'setup.state.manual': 'check yourself',
  'setup.open': 'Open',
  'setup.step.pbx': 'Asterisk PBX over AMI',
  'setup.step.pbx.done': 'The PBX answers over AMI ({count}).',
  'setup.step.pbx.todo':
    "No PBX is configured: set AMI_HOST, AMI_PORT, AMI_USER and AMI_SECRET in the server's environment and restart " +
    'the app.',
  'setup.step.pbx.warn': 'The PBX is configured but does not answer over AMI: see the Overview page.',
  'setup.step.lines': 'Lines',
  'setup.step.lines.done': 'Lines: {count}.',
  'setup.step.lines.todo': "Add a line for each carrier's gateway: its Bitrix24 number and its Asterisk trunk.",
  'setup.step.groups': 'Carrier groups',
  'setup.step.groups.done': 'Groups: {count}.',
  'setup.step.groups.todo':
    'Create the groups: "Suggest defaults" takes the carriers from the registry with their MVNOs.',
  'setup.step.groups.warn': 'Lines without a group: {count}. Such a line counts as on-net for nobody.',
  'setup.step.departments': 'Departments: Sales and HR',
  'setup.step.departments.done': 'Sales and HR profiles are set.',
  'setup.step.departments.todo': 'Set a Sales profile and an HR profile and their Bitrix24 departments.',
  'setup.step.departments.warn': 'Profiles: {count}; both a Sales and an HR profile are needed.',
  'setup.step.hrNumbers': "HR's two numbers",
  'setup.step.hrNumbers.done': 'HR has two numbers, each on its own line.',
  'setup.step.hrNumbers.todo': 'HR has exactly two numbers: allow the HR profile two lines (now {count}).',
  'setup.step.defaultLine': 'Default line',
  'setup.step.defaultLine.done': 'Chosen.',
  'setup.step.defaultLine.todo':
    'Choose the line for landline and foreign numbers and unknown carriers (the first line becomes it by itself).',
  'setup.step.whitelist': 'Whitelist',
  'setup.step.whitelist.done': 'Whitelist entries: {count}.',
  'setup.step.whitelist.warn': 'The whitelists are empty: calls are not registered in Bitrix24. That can stay so.',
  'setup.step.test': 'Test call',
  'setup.step.test.manual':
    'Check the route of your own number in the Route tester, then call yourself: the last step of the setup ' +
    'wizard rings your phone through the chosen line.',
  'setup.missing':
    "The setup wizard does the same steps on one page: finds the PBX's trunks and proposes lines from their names, " +
    'takes the departments from Bitrix24, checks the PBX and rings your phone.',
  'setup.loadFailed': 'Could not read the setup state',
};
