/** Interface strings for the whitelist and never-record lists. Russian is the source; `en` must have every key. */
export const ru = {
  'lists.intro':
    'Звонки регистрируются в Битрикс24 только для сотрудников, отделов и внутренних номеров из белых списков. ' +
    'Номера из списка «Никогда не записывать» (доставка воды, суды) не регистрируются и не записываются ' +
    'никогда — даже у сотрудников из белого списка.',
  'lists.emptyWhitelists': 'Белые списки пусты — сейчас ни один звонок не регистрируется в Битрикс24.',
  'lists.whitelistUsers': 'Сотрудники',
  'lists.whitelistUsers.hint': 'Звонки этих сотрудников регистрируются в CRM.',
  'lists.whitelistDepartments': 'Отделы',
  'lists.whitelistDepartments.hint': 'Звонки всех сотрудников отдела регистрируются в CRM.',
  'lists.whitelistExtensions': 'Внутренние номера',
  'lists.whitelistExtensions.hint':
    'Звонки с этих внутренних номеров (например, с настольных телефонов) регистрируются. Шаблон: 1?? — номера 100–199.',
  'lists.neverRecord': 'Никогда не записывать',
  'lists.neverRecord.hint':
    'Номер в любом виде (+7 495 111-22-33, 8 800 …) или цифры со звёздочкой в конце: 7495123* — все номера с ' +
    'этого начала.',
  'lists.value': 'Значение',
  'lists.note': 'Примечание',
  'lists.notePlaceholder': 'Например: доставка воды',
  'lists.pickUser': 'Выберите сотрудника…',
  'lists.pickDepartment': 'Выберите отдел…',
  'lists.add': 'Добавить',
  'lists.addById': 'Добавить по ID',
  'lists.addEntry': 'Добавить строку',
  'lists.empty': 'Список пуст',
  'lists.unknownId': 'нет в кэше Битрикс24',
  'lists.pattern': 'шаблон',
} as const;

export const en: Record<keyof typeof ru, string> = {
  'lists.intro':
    'Calls are registered in Bitrix24 only for users, departments and extensions on the whitelists. Numbers on ' +
    'the never-record list (water delivery, courts) are never registered or recorded — not even for ' +
    'whitelisted users.',
  'lists.emptyWhitelists': 'The whitelists are empty — no call is registered in Bitrix24 now.',
  'lists.whitelistUsers': 'Users',
  'lists.whitelistUsers.hint': 'Calls of these users are registered in the CRM.',
  'lists.whitelistDepartments': 'Departments',
  'lists.whitelistDepartments.hint': 'Calls of everyone in these departments are registered in the CRM.',
  'lists.whitelistExtensions': 'Extensions',
  'lists.whitelistExtensions.hint':
    'Calls from these extensions (e.g. desk phones) are registered. Pattern: 1?? means 100–199.',
  'lists.neverRecord': 'Never record',
  'lists.neverRecord.hint':
    'A number in any format (+7 495 111-22-33, 8 800 …) or digits ending in an asterisk: 7495123* is every ' +
    'number starting so.',
  'lists.value': 'Value',
  'lists.note': 'Note',
  'lists.notePlaceholder': 'E.g. water delivery',
  'lists.pickUser': 'Choose a user…',
  'lists.pickDepartment': 'Choose a department…',
  'lists.add': 'Add',
  'lists.addById': 'Add by id',
  'lists.addEntry': 'Add a row',
  'lists.empty': 'The list is empty',
  'lists.unknownId': 'not in the Bitrix24 cache',
  'lists.pattern': 'pattern',
};
