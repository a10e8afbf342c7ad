/**
 * AMI ingest benchmark: `npx tsx bench/ami-ingest.bench.ts`. Target: ≥ 10 k AMI events/s without backlog.
 *
 * Replays event streams recorded from the test PBX (lib/calls/testing/streams: answered, busy, transferred
 * click-to-calls), repeated with fresh Uniqueid/Linkedid per copy so the tracker sees distinct calls, as raw AMI bytes
 * cut into 16 KiB socket-sized chunks → our stream parser → the call tracker's reducer. Baselines in the same run,
 * on the same events: JSON.parse of them as JSON lines, and asterisk-ami-client's own parser (split on the blank
 * line + asterisk-ami-event-utils toObject), which only parses (no tracking). Nothing is asserted.
 */
import { createRequire } from 'node:module';
import type { AmiMessage } from '../lib/asterisk/ami/ami-message';
import { AmiStreamParser } from '../lib/asterisk/ami/parse-ami-stream';
import { serializeAmiAction } from '../lib/asterisk/ami/serialize-ami-action';
import { applyAmiEvent } from '../lib/calls/apply-ami-event';
import { createCallTrackerState } from '../lib/calls/call-tracker-state';
import { matchCallChannel } from '../lib/calls/match-call-channel';
import { demoTrunks } from '../lib/routing/demo-routing-settings';
import { loadEventStream } from '../lib/calls/testing/load-event-stream';

const amiUtils = createRequire(import.meta.url)('asterisk-ami-event-utils') as {
  toObject(raw: string): Record<string, string>;
};
const COPIES = 400;
const REPEATS = 5;
const CHUNK = 16 * 1024;

const recorded = (['answered-beeline', 'busy-mts', 'transfer-megafon'] as const).map(loadEventStream);
const events: AmiMessage[] = [];
for (let copy = 0; copy < COPIES; copy++) {
  // Interleave the three calls event by event, like concurrent calls on a busy PBX.
  const renamed = recorded.map((stream) =>
    stream.map(
      (e) => JSON.parse(JSON.stringify(e).replace(/c2c-capture-|pbx-\d+\.\d+/g, (m) => `${m}${copy}x`)) as AmiMessage,
    ),
  );
  for (let i = 0; renamed.some((s) => i < s.length); i++) for (const s of renamed) if (i < s.length) events.push(s[i]!);
}
const wire = events.map((e) => serializeAmiAction(e as Record<string, string>)).join('');
const chunks: string[] = [];
for (let at = 0; at < wire.length; at += CHUNK) chunks.push(wire.slice(at, at + CHUNK));
const jsonLines = events.map((e) => JSON.stringify(e)).join('\n');
let sink = 0;
/** The test peers' lines and phones: trunk and manager legs are recognised as in production. */
const match = matchCallChannel({ templates: demoTrunks.map((t) => t.dial), extensions: ['101', '102', '103'] });

function medianRate(run: () => void): number {
  run();
  const rates: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    run();
    rates.push(events.length / ((performance.now() - start) / 1000));
  }
  return rates.sort((a, b) => a - b)[Math.floor(REPEATS / 2)]!;
}

const ours = medianRate(() => {
  const parser = new AmiStreamParser();
  const state = createCallTrackerState({ pbxName: 'pbx', match });
  let t = 0;
  for (const chunk of chunks) {
    for (const out of parser.push(chunk)) {
      if (out.kind === 'message') sink += applyAmiEvent(state, out.message, (t += 7)).changes.length;
    }
  }
});
const parseOnly = medianRate(() => {
  const parser = new AmiStreamParser();
  for (const chunk of chunks) sink += parser.push(chunk).length;
});
const jsonParse = medianRate(() => {
  for (const line of jsonLines.split('\n')) sink += Object.keys(JSON.parse(line) as object).length;
});
const library = medianRate(() => {
  let buffer = '';
  for (const chunk of chunks) {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\r\n\r\n')) !== -1) {
      sink += Object.keys(amiUtils.toObject(buffer.slice(0, end))).length;
      buffer = buffer.slice(end + 4);
    }
  }
});

const k = (rate: number) => `${Math.round(rate / 1000).toLocaleString('en')} k events/s`;
console.log(
  `AMI ingest: ${events.length.toLocaleString('en')} events (${(wire.length / 1e6).toFixed(1)} MB of AMI ` +
    `text), median of ${REPEATS}`,
);
console.log(
  `  parser + call tracker (ours)         ${k(ours)}   target ≥ 10 k/s: ${ours >= 10_000 ? 'met' : 'NOT met'} ` +
    `(×${(ours / 10_000).toFixed(0)})`,
);
console.log(`  parser only (ours)                   ${k(parseOnly)}`);
console.log(
  `  baseline: JSON.parse, same events    ${k(jsonParse)}   ours/baseline = ${(ours / jsonParse).toFixed(2)}`,
);
console.log(
  `  baseline: asterisk-ami-client parser ${k(library)}   ours/baseline = ${(ours / library).toFixed(2)} (it ` +
    `only parses)`,
);
if (sink === 42) console.log('');
