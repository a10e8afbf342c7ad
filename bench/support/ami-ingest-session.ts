/**
 * One AMI session for bench/ami-event-filter.bench.ts: logs in as the user given, then takes every byte the PBX sends
 * through the app's ingest path (our stream parser → the call tracker's reducer). Prints `READY` once logged in; when
 * stdin closes, prints one JSON line: bytes, events and CPU milliseconds since READY. Args: host port user secret.
 */
import { connect } from 'node:net';
import { AmiStreamParser } from '../../lib/asterisk/ami/parse-ami-stream';
import { serializeAmiAction } from '../../lib/asterisk/ami/serialize-ami-action';
import { applyAmiEvent } from '../../lib/calls/apply-ami-event';
import { createCallTrackerState } from '../../lib/calls/call-tracker-state';
import { matchCallChannel } from '../../lib/calls/match-call-channel';

const [host = '127.0.0.1', port = '0', user = '', secret = ''] = process.argv.slice(2);
/** The FreePBX-shaped profile's lines and phones, recognised as the app would. */
const templates = ['PJSIP/{number}@Beeline-GoIP', 'IAX2/MegaFon-IAX/{number}', 'PJSIP/{number}@MTS-GoIP'];
const match = matchCallChannel({ templates, extensions: ['101', '102', '103'] });
const state = createCallTrackerState({ pbxName: 'fpbx', match });
const parser = new AmiStreamParser();
let bytes = 0;
let events = 0;
let ready: NodeJS.CpuUsage | null = null;

const socket = connect({ host, port: Number(port) }, () => {
  socket.write(serializeAmiAction({ Action: 'Login', ActionID: 'login', Username: user, Secret: secret }));
});
socket.setEncoding('utf8');
socket.on('data', (chunk: string) => {
  if (ready) bytes += Buffer.byteLength(chunk);
  for (const out of parser.push(chunk)) {
    if (out.kind !== 'message') continue;
    const message = out.message;
    if (!ready && message.ActionID === 'login') {
      if (message.Response !== 'Success') throw new Error(`login as ${user} refused: ${message.Message}`);
      ready = process.cpuUsage();
      process.stdout.write('READY\n');
    } else if (ready && message.Event) {
      events += 1;
      applyAmiEvent(state, message, Date.now());
    }
  }
});
process.stdin.resume();
process.stdin.on('end', () => {
  const cpu = process.cpuUsage(ready ?? undefined);
  process.stdout.write(`${JSON.stringify({ user, bytes, events, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
  socket.destroy();
  process.exit(0);
});
