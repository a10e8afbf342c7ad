import { AppError } from '../../errors/app-error';
import { escapeConfValue } from './escape-conf-value';
import type { KitFlavour, KitInput } from './kit-input';
import { lineKey } from './line-key';
import { buildDialPattern } from '../../routing/dial-template/build-dial-pattern';

export type RenderKitGlobalsOptions = { flavour: KitFlavour; input: KitInput; stamp: string };

/** The [globals] section: where the app answers, the lines and how each is dialled, the departments' fallbacks. */
export function renderKitGlobals({ flavour, input, stamp }: RenderKitGlobalsOptions): string {
  const keys = new Map<string, string>();
  for (const line of input.lines) {
    const key = lineKey(line);
    const other = keys.get(key);
    if (other)
      throw new AppError(
        'CONFIG_INVALID',
        `Линии «${other}» и «${line.endpoint}» неразличимы для Asterisk / Lines "${other}" and "${line.endpoint}" ` +
          'differ only in "-" vs "_": Asterisk cannot tell them apart',
      );
    keys.set(key, line.endpoint);
  }
  const where =
    flavour === 'freepbx'
      ? [
          '; Куда: строки ПОСЛЕ заголовка — в /etc/asterisk/globals_custom.conf',
          '; (FreePBX включает его в свой [globals]).',
          '; Where: the lines BELOW the header go in /etc/asterisk/globals_custom.conf (FreePBX includes it in its',
          '; own [globals]); then "fwconsole reload".',
        ]
      : [
          '; Куда: в [globals] файла extensions.conf, затем "dialplan reload".',
          '; Where: the [globals] section of extensions.conf, then "dialplan reload".',
        ];
  const value = (name: string, text: string) => `${name}=${escapeConfValue({ name, value: text })}`;
  const pattern = input.lines.map((line) => line.endpoint).join('|');
  return [
    '; ---- b24-kit: globals ----',
    ...where,
    '[globals]',
    `B24_KIT_VERSION=${stamp}`,
    "; the app's route for desk phones (PUBLIC_URL / DIALPLAN_LISTEN) and its DIALPLAN_SECRET",
    value('ROUTE_URL', input.routeUrl),
    value('ROUTE_SECRET', input.routeSecret),
    value('ROUTE_PORTAL', input.portal),
    "; with the app down or silent: the portal's default line",
    value('DEFAULT_TRUNK', input.defaultEndpoint),
    '; the lines the app may name; anything else in its answer is ignored',
    value('TRUNK_PATTERN', pattern ? `^(${pattern})$` : '^$'),
    "; the desk-phone drop-in's names for the same: the dial strings the app may answer, the default line's template",
    value(
      'DIAL_PATTERN',
      buildDialPattern({ templates: input.lines.flatMap((line) => [line.template, ...(line.simTemplates ?? [])]) }),
    ),
    value('DEFAULT_DIAL', input.defaultDial),
    '; recordings: MixMonitor runs RECORDING_SENDER once the file is closed, which uploads it to RECORDING_URL',
    '; (install lib/asterisk/kit/b24-send-recording.sh there: "npm run pbx -- recording-sender"; it needs curl)',
    value('RECORDING_URL', input.recordingUrl),
    'RECORDING_SENDER=/usr/local/bin/b24-send-recording',
    ...(flavour === 'freepbx'
      ? [
          "; FreePBX's own recordings (its route's or extension's Record setting): its post-recording command",
          "; uploads the file too when the call carries the app's token (click-to-call)",
          value(
            'MIXMON_POST',
            "${RECORDING_SENDER} '^{MIXMON_DIR}^{YEAR}/^{MONTH}/^{DAY}/^{CALLFILENAME}.^{MON_FMT}' " +
              "'${RECORDING_URL}' '^{B24_REC_TOKEN}'",
          ),
        ]
      : []),
    'DIAL_TIMEOUT=60',
    '; how each line is dialled: ${B24_DIALPRE_<line>}<number>${B24_DIALPOST_<line>} ("-" in a name is "_" here)',
    ...input.lines.flatMap((line) => [
      `; ${oneLine(line.label)}`,
      value(`B24_DIALPRE_${lineKey(line)}`, line.pre),
      value(`B24_DIALPOST_${lineKey(line)}`, line.post),
    ]),
    "; with the app down, these desk phones leave through their department's own line, not the default",
    ...input.fallbacks.map(
      (fallback) =>
        `${value(`B24_FALLBACK_${fallback.extension}`, fallback.endpoint)} ; ${oneLine(fallback.department)}`,
    ),
    '',
  ].join('\n');
}

/** A name from the settings inside a comment: one line, whatever it holds. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ');
