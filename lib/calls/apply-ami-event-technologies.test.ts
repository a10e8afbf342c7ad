import { describe, expect, it } from 'vitest';
import type { AmiMessage } from '../asterisk/ami/ami-message';
import { applyAmiEvent } from './apply-ami-event';
import { createCallTrackerState, type CallChange } from './call-tracker-state';
import { matchCallChannel } from './match-call-channel';
import { loadEventStream } from './testing/load-event-stream';
import { trackOriginatedCall } from './track-originated-call';

/**
 * The recorded PJSIP calls replayed as other PBXes name the same legs: the trunk leg by each technology's channel
 * naming, the manager's leg as chan_sip or FreePBX's Local channel. Recognition comes only from the lines' templates.
 */
const lines = [
  { technology: 'PJSIP, hyphenated', template: 'PJSIP/{number}@Beeline-GoIP', channel: 'PJSIP/Beeline-GoIP' },
  { technology: 'PJSIP with prefix', template: 'PJSIP/1#{number}@goip', channel: 'PJSIP/goip' },
  { technology: 'chan_sip', template: 'SIP/beeline/{number}', channel: 'SIP/beeline' },
  { technology: 'IAX2', template: 'IAX2/gw/{number}', channel: 'IAX2/gw' },
  { technology: 'chan_dongle group', template: 'Dongle/g1/{number}', channel: 'Dongle/dongle0' },
  { technology: 'numeric PJSIP endpoint', template: 'PJSIP/{number}@7001', channel: 'PJSIP/7001' },
];
const managers = [
  ['PJSIP', 'PJSIP/101'],
  ['chan_sip', 'SIP/101'],
  ['FreePBX queue', 'Local/101@from-queue'],
];
const cases = lines.flatMap((line) => managers.map(([kind, manager]) => ({ ...line, kind, manager: manager! })));

function replay(
  recorded: string,
  line: (typeof lines)[number],
  manager: string,
  number: string,
  known = lines.map((l) => l.template),
  originated?: string,
): CallChange[] {
  const { template, channel } = line;
  const dialString = template.slice(template.indexOf('/') + 1).replace('{number}', number);
  const rename = (value: string) =>
    value
      .replace(/^PJSIP\/gw_[a-z]+-/, `${channel}-`)
      .replace(/^PJSIP\/101-(\w+)$/, manager.startsWith('Local/') ? `${manager}-$1;1` : `${manager}-$1`);
  const events = loadEventStream(recorded as 'answered-beeline').map((event) => {
    const copy: AmiMessage = { ...event };
    for (const key of ['Channel', 'DestChannel'])
      if (typeof copy[key] === 'string') copy[key] = rename(copy[key] as string);
    if (copy.Event === 'DialBegin') copy.DialString = dialString;
    return copy;
  });
  const state = createCallTrackerState({
    pbxName: 'pbx',
    match: matchCallChannel({ templates: known, extensions: ['101', '102'] }),
  });
  const linkedId = String(events[0]!.Linkedid);
  if (originated)
    trackOriginatedCall(state, {
      linkedId,
      extension: '101',
      number,
      trunkEndpoint: originated,
      sim: 0,
      b24CallId: null,
      now: 0,
    });
  return events.flatMap((event, index) => applyAmiEvent(state, event, (index + 1) * 100).changes);
}

describe('trunk and manager legs of every technology', () => {
  it.each(cases)('$technology line, $kind manager: answered, talk time, line key', (c) => {
    const ended = replay('answered-beeline', c, c.manager, '79031234567').filter((x) => x.kind === 'ended');
    expect(ended).toHaveLength(1);
    const line = c.template === 'Dongle/g1/{number}' ? 'g1' : c.channel.slice(c.channel.indexOf('/') + 1);
    expect(ended[0]!.call).toMatchObject({
      origin: 'desk_phone',
      extension: '101',
      number: '79031234567',
      trunkEndpoint: line,
      b24StatusCode: '200',
    });
    expect(ended[0]!.call.talkSec).toBeGreaterThan(0);
  });

  it.each(cases)('$technology line, $kind manager: busy is unanswered with no talk', (c) => {
    const ended = replay('busy-mts', c, c.manager, '79161234560').filter((x) => x.kind === 'ended');
    expect(ended).toHaveLength(1);
    expect(ended[0]!.call).toMatchObject({ number: '79161234560', b24StatusCode: '486', talkSec: 0 });
  });

  it('a click-to-call through a line saved after the tracker last read the lines is still answered and timed', () => {
    const line = lines[0]!;
    const changes = replay('answered-beeline', line, 'PJSIP/101', '79031234567', [], 'Beeline-GoIP');
    const ended = changes.filter((x) => x.kind === 'ended');
    expect(ended).toHaveLength(1);
    expect(ended[0]!.call).toMatchObject({
      origin: 'click_to_call',
      trunkEndpoint: 'Beeline-GoIP',
      b24StatusCode: '200',
    });
    expect(ended[0]!.call.talkSec).toBeGreaterThan(0);
  });
});
