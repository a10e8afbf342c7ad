import type { AmiMessage } from './ami-message';

export type AmiStreamOutput =
  | { kind: 'greeting'; banner: string }
  | { kind: 'message'; message: AmiMessage }
  | { kind: 'garbage'; line: string };

/**
 * Incremental AMI decoder: feed socket chunks in any split, get whole messages out. Our own instead of
 * asterisk-ami-client's because that one collapses repeated headers (lib/asterisk/README.md) and cannot be fixed from
 * outside.
 *
 * - Messages end with an empty line. Asterisk writes CRLF, but some events (CoreShowChannelMap, asterisk#761) use bare
 *   LF, so both are accepted.
 * - The greeting "Asterisk Call Manager/x.y" is one line without a blank line after it: recognised on its own.
 * - A line without "name: value" cannot be trusted; it is reported as garbage and the rest of the message kept.
 * - Values are kept verbatim after the first ": " (they may contain colons and commas).
 */
export class AmiStreamParser {
  private pending = '';
  private current: AmiMessage | null = null;
  private seenGreeting = false;
  /** A cap on one line so a peer that never sends a newline cannot grow memory forever. */
  private static readonly MAX_LINE = 1 << 20;

  push(chunk: string): AmiStreamOutput[] {
    const out: AmiStreamOutput[] = [];
    this.pending += chunk;
    let start = 0;
    for (;;) {
      const end = this.pending.indexOf('\n', start);
      if (end === -1) break;
      const line =
        this.pending.charCodeAt(end - 1) === 13 && end > start
          ? this.pending.slice(start, end - 1)
          : this.pending.slice(start, end);
      start = end + 1;
      this.takeLine(line, out);
    }
    this.pending = start === 0 ? this.pending : this.pending.slice(start);
    if (this.pending.length > AmiStreamParser.MAX_LINE) {
      out.push({
        kind: 'garbage',
        line: `${this.pending.slice(0, 80)}… (${this.pending.length} chars without a newline)`,
      });
      this.pending = '';
    }
    return out;
  }

  private takeLine(line: string, out: AmiStreamOutput[]): void {
    if (line === '') {
      if (this.current) out.push({ kind: 'message', message: this.current });
      this.current = null;
      return;
    }
    if (!this.seenGreeting && this.current === null && line.startsWith('Asterisk Call Manager/')) {
      this.seenGreeting = true;
      out.push({ kind: 'greeting', banner: line });
      return;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      out.push({ kind: 'garbage', line: line.slice(0, 200) });
      return;
    }
    const name = line.slice(0, colon);
    const value = line.charCodeAt(colon + 1) === 32 ? line.slice(colon + 2) : line.slice(colon + 1);
    const message = (this.current ??= {});
    const existing = message[name];
    if (existing === undefined) message[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else message[name] = [existing, value];
  }
}
