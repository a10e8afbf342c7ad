import { APP_AMI_EVENTS, APP_AMI_RIGHTS, APP_AMI_VARIABLES } from './app-ami-events';
import { escapeConfValue } from './escape-conf-value';
import type { KitFlavour, KitInput } from './kit-input';

export type RenderKitAmiUserOptions = { flavour: KitFlavour; input: KitInput };

/** The AMI user section: the least rights the app needs, and the event filter the app cannot set without `system`. */
export function renderKitAmiUser({ flavour, input }: RenderKitAmiUserOptions): string {
  const where =
    flavour === 'freepbx'
      ? '/etc/asterisk/manager_custom.conf (FreePBX does not overwrite it)'
      : '/etc/asterisk/manager.conf';
  return [
    '; ---- b24-kit: ami ----',
    `; Куда: ${where}, затем "manager reload".`,
    `; Where: ${where}, then "manager reload".`,
    '; Права — минимум, нужный приложению; фильтр событий пропускает только то, что оно читает.',
    '; Rights: the least the app needs; the event filter passes only the events the app reads (FreePBX sends',
    '; thousands of Newexten/VarSet per call otherwise).',
    '; If the app runs on another host, add its address as one more "permit" line.',
    `[${escapeConfValue({ name: 'AMI_USER', value: input.ami.user })}]`,
    `secret = ${escapeConfValue({ name: 'AMI_SECRET', value: input.ami.secret })}`,
    'deny = 0.0.0.0/0.0.0.0',
    'permit = 127.0.0.1/255.255.255.255',
    `read = ${APP_AMI_RIGHTS.read.join(',')}`,
    `write = ${APP_AMI_RIGHTS.write.join(',')}`,
    // two lines (a filter that matches lets the event through), so the file stays readable at 120 columns
    `eventfilter = Event: (${APP_AMI_EVENTS.slice(0, 6).join('|')})`,
    `eventfilter = Event: (${APP_AMI_EVENTS.slice(6).join('|')})`,
    `eventfilter = Variable: _*(${APP_AMI_VARIABLES.join('|')})`,
    '',
  ].join('\n');
}
