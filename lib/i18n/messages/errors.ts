/** Texts of the errors the API answers (AppError keys). Russian is the source; `en` must have every key. */
export const ru = {
  'error.internal': 'Внутренняя ошибка — попробуйте позже',
  'error.invalidInput': 'Неверный запрос',
  'error.tooLarge': 'Запрос слишком большой (предел {limit} КБ)',
  'error.jsonRequired': 'Запрос должен быть в формате JSON (Content-Type: application/json)',
  'error.foreignOrigin': 'Запрос с чужой страницы отклонён',
  'error.foreignHost': 'Неизвестный адрес приложения (Host) — откройте приложение по его адресу',
  'error.halfAuth': 'Неполные данные входа Битрикс24 — обновите страницу',
  'error.localWriteRefused':
    'Вне Битрикс24 настройки меняются только в установке без Битрикс24: откройте приложение в портале',
  'error.localReadRefused': 'Откройте приложение в Битрикс24: вне портала эти данные не показываются',
  'error.adminOnly': 'Только администратор портала может смотреть эти данные',
  'error.notAdmin': 'Только администратор портала может менять настройки',
  'error.badToken': 'Не удалось подтвердить вход в Битрикс24 — обновите страницу',
  'error.portalNotInstalled': 'Приложение не установлено на этом портале',
  'error.portalDown': 'Битрикс24 не ответил — попробуйте ещё раз',
  'error.settingsNotSaved': 'Настройки не сохранены: исправьте отмеченные поля',
  'error.listsNotSaved': 'Списки не сохранены: исправьте отмеченные поля',
  'error.enterNumber': 'Введите номер',
  'error.noClientNumber': 'Нет номера клиента',
  'error.enterNumbers': 'Введите номера',
  'error.enterNumberAndInn': 'Укажите номер и ИНН',
  'error.chooseFile': 'Выберите файл',
  'error.dateFormat': 'Дата должна быть в виде ГГГГ-ММ-ДД',
  'error.journalFilter': 'Неверный фильтр журнала: {field}',
  'error.localCallRefused': 'Звонить из карточки можно только в Битрикс24',
  'error.operatorOnly':
    'Реестр и файлы MNP общие для всех порталов, поэтому их загружает только оператор установки: ' +
    'в консоли сервера (npm run numbering -- import) или здесь, указав токен оператора (OPERATOR_TOKEN)',
  'error.operatorTokenWrong': 'Неверный токен оператора',
} as const;

export const en: Record<keyof typeof ru, string> = {
  'error.internal': 'Internal error — try again later',
  'error.invalidInput': 'Invalid request',
  'error.tooLarge': 'The request is too large (limit {limit} KB)',
  'error.jsonRequired': 'The request must be JSON (Content-Type: application/json)',
  'error.foreignOrigin': 'A request from a foreign page was refused',
  'error.foreignHost': 'Unknown app address (Host) — open the app at its own address',
  'error.halfAuth': 'Incomplete Bitrix24 session data — reload the page',
  'error.localWriteRefused':
    'Outside Bitrix24 settings can only be changed in an installation without Bitrix24: open the app in your portal',
  'error.localReadRefused': 'Open the app in Bitrix24: outside a portal this data is not shown',
  'error.adminOnly': 'Only a portal admin can see this data',
  'error.notAdmin': 'Only a portal admin can change settings',
  'error.badToken': 'Could not verify your Bitrix24 session — reload the page',
  'error.portalNotInstalled': 'The app is not installed on this portal',
  'error.portalDown': 'Bitrix24 did not answer — try again',
  'error.settingsNotSaved': 'Settings not saved: fix the marked fields',
  'error.listsNotSaved': 'Lists not saved: fix the marked fields',
  'error.enterNumber': 'Enter a number',
  'error.noClientNumber': 'No client number',
  'error.enterNumbers': 'Enter numbers',
  'error.enterNumberAndInn': 'Enter a number and an INN',
  'error.chooseFile': 'Choose a file',
  'error.dateFormat': 'Dates are YYYY-MM-DD',
  'error.journalFilter': 'Invalid journal filter: {field}',
  'error.localCallRefused': 'Calls from the card can only be placed inside Bitrix24',
  'error.operatorOnly':
    'The registry and MNP files are shared by every portal, so only the installation operator imports them: ' +
    'on the server console (npm run numbering -- import) or here, with the operator token (OPERATOR_TOKEN)',
  'error.operatorTokenWrong': 'Wrong operator token',
};
