import { describe, expect, it } from 'vitest';
import { AmiStreamParser, type AmiStreamOutput } from './parse-ami-stream';
import { serializeAmiAction } from './serialize-ami-action';

const stream =
  'Asterisk Call Manager/11.0.0\r\n' +
  'Response: Success\r\nActionID: a-1\r\nMessage: Authentication accepted\r\n\r\n' +
  'Event: Newchannel\r\nChannel: PJSIP/101-00000001\r\nCallerIDName: Ivanov, Ivan: boss\r\nLinkedid: c2c-1\r\n\r\n' +
  'Response: Success\r\nActionID: a-2\r\nOutput: line one\r\nOutput: line two\r\nOutput: \r\n\r\n' +
  'Event: VarSet\nVariable: X\nValue: 1\n\n';

function parseAll(chunks: string[]): AmiStreamOutput[] {
  const parser = new AmiStreamParser();
  return chunks.flatMap((chunk) => parser.push(chunk));
}

describe('AmiStreamParser', () => {
  const whole = parseAll([stream]);

  it('reads the greeting, messages, repeated headers as arrays, values with commas and colons intact', () => {
    expect(whole).toEqual([
      { kind: 'greeting', banner: 'Asterisk Call Manager/11.0.0' },
      { kind: 'message', message: { Response: 'Success', ActionID: 'a-1', Message: 'Authentication accepted' } },
      {
        kind: 'message',
        message: {
          Event: 'Newchannel',
          Channel: 'PJSIP/101-00000001',
          CallerIDName: 'Ivanov, Ivan: boss',
          Linkedid: 'c2c-1',
        },
      },
      { kind: 'message', message: { Response: 'Success', ActionID: 'a-2', Output: ['line one', 'line two', ''] } },
      { kind: 'message', message: { Event: 'VarSet', Variable: 'X', Value: '1' } },
    ]);
  });

  it('gives the same result however the byte stream is split (every offset, and byte by byte)', () => {
    for (let at = 0; at <= stream.length; at++)
      expect(parseAll([stream.slice(0, at), stream.slice(at)])).toEqual(whole);
    expect(parseAll([...stream])).toEqual(whole);
  });

  it('reports lines without a header as garbage and keeps going', () => {
    const out = parseAll([
      'Asterisk Call Manager/11.0.0\r\n',
      '!!garbage!!\r\nEvent: Hangup\r\n:novalue\r\nCause: 16\r\n\r\n',
      'Event: Ping\r\n\r\n',
    ]);
    expect(out.filter((o) => o.kind === 'garbage').map((o) => (o as { line: string }).line)).toEqual([
      '!!garbage!!',
      ':novalue',
    ]);
    expect(out.filter((o) => o.kind === 'message')).toEqual([
      { kind: 'message', message: { Event: 'Hangup', Cause: '16' } },
      { kind: 'message', message: { Event: 'Ping' } },
    ]);
  });

  it('drops a runaway line instead of buffering it forever', () => {
    const parser = new AmiStreamParser();
    const out = parser.push('x'.repeat((1 << 20) + 10));
    expect(out[0]?.kind).toBe('garbage');
    expect(parser.push('Event: A\r\n\r\n')).toEqual([{ kind: 'message', message: { Event: 'A' } }]);
  });
});

describe('serializeAmiAction', () => {
  it('writes lists as repeated headers (commas survive) and skips undefined', () => {
    expect(
      serializeAmiAction({
        Action: 'Originate',
        Variable: ['TITLE=Ivanov, Ivan', 'Y=2'],
        Async: true,
        Skip: undefined,
        Timeout: 30000,
      }),
    ).toBe(
      'Action: Originate\r\nVariable: TITLE=Ivanov, Ivan\r\nVariable: Y=2\r\nAsync: true\r\nTimeout: 30000\r\n\r\n',
    );
  });

  it('refuses line breaks that would inject headers or actions', () => {
    expect(() => serializeAmiAction({ Action: 'Ping', Exten: '123\r\nAction: Command' })).toThrow(/line break/);
    expect(() => serializeAmiAction({ 'Bad: name': 'x' })).toThrow(/not allowed/);
  });

  it('round-trips through the parser', () => {
    const text = serializeAmiAction({ Action: 'Setvar', Variable: 'A', Value: 'x: y, z' });
    expect(parseAll([text])).toEqual([
      { kind: 'message', message: { Action: 'Setvar', Variable: 'A', Value: 'x: y, z' } },
    ]);
  });
});
