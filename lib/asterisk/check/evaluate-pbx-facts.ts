import type { KitFlavour } from '../kit/kit-input';
import type { PbxCheckResult, PbxFacts } from './pbx-check-types';

export type EvaluatePbxFactsOptions = {
  pbx: string;
  facts: PbxFacts;
  /** The kit the app would generate now for this PBX's flavour: its stamp is the current version. */
  expectedStamp: string;
  routeUrl: string;
};

type Verdict = Omit<PbxCheckResult, 'pbx'>;
type Check = (facts: PbxFacts, options: EvaluatePbxFactsOptions) => Verdict[];

const MANAGER_FILE = 'manager_custom.conf (FreePBX) / manager.conf';
const pass = (check: string, detail: string, subject?: string): Verdict => ({ check, subject, status: 'pass', detail });
const fail = (check: string, detail: string, ru: string, en: string, subject?: string): Verdict => ({
  check,
  subject,
  status: 'fail',
  detail,
  hint: { ru, en },
});
const skip = (check: string, detail: string, subject?: string): Verdict => ({ check, subject, status: 'skip', detail });

function right(check: string, allowed: boolean | null, right: string, kind: 'read' | 'write'): Verdict {
  if (allowed === null) return skip(check, 'not tried', right);
  if (allowed) return pass(check, `${kind} ${right}`, right);
  return fail(
    check,
    `missing right: ${right}`,
    `Добавьте ${right} в строку ${kind} = пользователя AMI (${MANAGER_FILE}), затем manager reload`,
    `Add ${right} to the AMI user's ${kind} = line (${MANAGER_FILE}), then manager reload`,
    right,
  );
}

const readRight = (facts: PbxFacts, name: 'call' | 'dialplan' | 'user'): Verdict =>
  facts.events === null
    ? skip('ami-right', "read rights are seen on the kit's probe call: install the kit, grant originate", name)
    : right('ami-right', facts.events[name], name, 'read');

/** What Getvar and ShowDialPlan read, by check name: without `reporting` none of it can be known. */
const PBX_READS: Array<[string, Check]> = [
  [
    'func-curl',
    (facts) => [
      facts.curl.file || facts.curl.route
        ? pass('func-curl', 'CURL() works')
        : fail(
            'func-curl',
            'CURL() returns nothing: func_curl is not loaded',
            'Загрузите модуль: module load func_curl.so (и load => func_curl.so в modules.conf)',
            'Load the module: module load func_curl.so (and load => func_curl.so in modules.conf)',
          ),
    ],
  ],
  [
    'route-url',
    (facts, { routeUrl }) => [
      facts.curl.route
        ? pass('route-url', `${routeUrl} answers from the PBX`)
        : !facts.curl.file
          ? skip('route-url', 'needs func_curl')
          : fail(
              'route-url',
              `${routeUrl} does not answer from the PBX${facts.curl.routeError ? `: ${facts.curl.routeError}` : ''}`,
              'Проверьте PUBLIC_URL / DIALPLAN_LISTEN, что приложение запущено и порт открыт для АТС',
              'Check PUBLIC_URL / DIALPLAN_LISTEN, that the app is running and its port is open to the PBX',
            ),
    ],
  ],
  ['kit-contexts', (facts) => [kitInstalled(facts)]],
  ['kit-version', (facts, { expectedStamp }) => [kitVersion(facts, expectedStamp)]],
  ['line', (facts) => facts.lines.map(lineVerdict)],
  ['extension', (facts) => facts.users.map(userVerdict)],
];

/**
 * The checks, in the order they print. Each judges the gathered facts only, so every verdict is table-tested
 * without a PBX.
 */
const CHECKS: Check[] = [
  (facts) => [right('ami-right', facts.allowed.originate, 'originate', 'write')],
  (facts) => [right('ami-right', facts.allowed.reporting, 'reporting', 'write')],
  (facts) => (['call', 'dialplan', 'user'] as const).map((name) => readRight(facts, name)),
  ...PBX_READS.map(
    ([name, check]): Check =>
      (facts, options) =>
        facts.allowed.reporting === false ? [skip(name, 'needs the reporting right')] : check(facts, options),
  ),
];

function kitInstalled(facts: PbxFacts): Verdict {
  if (!facts.kit) return skip('kit-contexts', 'the dialplan could not be read (reporting right)');
  if (facts.kit.missing.length === 0) return pass('kit-contexts', 'routing contexts installed');
  return fail(
    'kit-contexts',
    `missing contexts: ${facts.kit.missing.join(', ')}`,
    `Установите комплект: npm run pbx -- config ${flavourOf(facts)} (раздел dialplan), затем перезагрузите диалплан`,
    `Install the kit: npm run pbx -- config ${flavourOf(facts)} (its dialplan part), then reload the dialplan`,
  );
}

function kitVersion(facts: PbxFacts, expectedStamp: string): Verdict {
  if (!facts.kit?.stamp) return skip('kit-version', 'no kit installed');
  if (facts.kit.stamp === expectedStamp) return pass('kit-version', `current (${expectedStamp})`);
  return fail(
    'kit-version',
    `stale: installed ${facts.kit.stamp}, current ${expectedStamp}`,
    `Настройки изменились: установите заново вывод npm run pbx -- config ${flavourOf(facts)} (все три раздела)`,
    `The settings changed: install the output of npm run pbx -- config ${flavourOf(facts)} again (all three parts)`,
  );
}

function lineVerdict(line: PbxFacts['lines'][number]): Verdict {
  if (line.state === 'INVALID')
    return fail(
      'line',
      `${line.device}: no such endpoint`,
      `Создайте транк ${line.endpoint} на АТС или исправьте линию в настройках приложения`,
      `Create the trunk ${line.endpoint} on the PBX, or correct the line in the app's settings`,
      line.endpoint,
    );
  if (line.state === 'UNAVAILABLE')
    return fail(
      'line',
      `${line.device}: unreachable`,
      'Шлюз не отвечает: проверьте его адрес, питание и qualify',
      'The gateway does not answer: check its address, power and qualify',
      line.endpoint,
    );
  return pass('line', `${line.device}: ${line.state || 'present'}`, line.endpoint);
}

function userVerdict(user: PbxFacts['users'][number]): Verdict {
  const subject = `${user.extension} ${user.name}`;
  if ((user.hint ?? -1) >= 0 || (user.device !== '' && user.device !== 'INVALID'))
    return pass('extension', `present (${user.device || `hint ${user.hint}`})`, subject);
  return fail(
    'extension',
    `extension ${user.extension} not found`,
    `Создайте внутренний номер ${user.extension} или исправьте его у сотрудника в Битрикс24`,
    `Create extension ${user.extension} on the PBX, or correct the user's extension in Bitrix24`,
    subject,
  );
}

const flavourOf = (facts: PbxFacts): KitFlavour => facts.flavour ?? 'asterisk';

/** Every check's verdict for one PBX; a failed login is the only line (nothing else can be tried). */
export function evaluatePbxFacts(options: EvaluatePbxFactsOptions): PbxCheckResult[] {
  const { facts, pbx } = options;
  if (!facts.login.ok)
    return [
      {
        pbx,
        check: 'ami-login',
        status: 'fail',
        detail: facts.login.error,
        hint: {
          ru: 'Проверьте AMI_HOST/AMI_PORT/AMI_USER/AMI_SECRET и раздел пользователя в manager.conf (permit)',
          en: 'Check AMI_HOST/AMI_PORT/AMI_USER/AMI_SECRET and the user section in manager.conf (permit)',
        },
      },
    ];
  const login: PbxCheckResult = { pbx, check: 'ami-login', status: 'pass', detail: 'logged in' };
  return [login, ...CHECKS.flatMap((check) => check(facts, options).map((verdict) => ({ pbx, ...verdict })))];
}
