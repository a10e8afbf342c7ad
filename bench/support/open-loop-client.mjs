// Open-loop HTTP load generator, run as its own process so neither the server under test nor the baseline server
// shares its event loop or heap with the measuring side. Plain .mjs (no tsx): nothing to transform, nothing to warm.
//
//   node bench/support/open-loop-client.mjs '{"urls":["http://127.0.0.1:4000/x"],"rate":500,"count":5000,"headers":{}}'
//
// Each request is what Asterisk's CURL() sends: a fresh TCP connection, one GET, `Connection: close`, read to EOF.
// Latency = connect start → last byte. Prints one JSON line: { latencies: number[] (sorted, ms), errors: string[] }.
import net from 'node:net';

const { urls, rate, count, headers = {} } = JSON.parse(process.argv[2]);
const targets = urls.map((u) => {
  const url = new URL(u);
  const extra = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  return {
    host: url.hostname,
    port: Number(url.port),
    request: `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\n${extra}Connection: close\r\n\r\n`,
  };
});

function once(target) {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect({ host: target.host, port: target.port, noDelay: true });
    let head = '';
    socket.on('connect', () => socket.write(target.request));
    socket.on('data', (chunk) => {
      if (head.length < 16) head += chunk.toString('latin1');
    });
    socket.on('error', (error) => resolve({ error: error.message }));
    socket.on('end', () => {
      const ms = performance.now() - started;
      resolve(head.startsWith('HTTP/1.1 200') ? { ms } : { error: head.slice(0, 16) || 'empty reply' });
    });
  });
}

const pending = [];
const start = performance.now();
for (let i = 0; i < count; i += 1) {
  const due = start + (i * 1000) / rate;
  // Timers only, no spinning: a busy-waiting client would take a core from the server on this 2-core machine.
  const wait = due - performance.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
  pending.push(once(targets[i % targets.length]));
}
const results = await Promise.all(pending);
const latencies = results
  .filter((r) => r.ms !== undefined)
  .map((r) => r.ms)
  .sort((a, b) => a - b);
const errors = results.filter((r) => r.error).map((r) => r.error);
process.stdout.write(`${JSON.stringify({ latencies, errors: errors.slice(0, 5), errorCount: errors.length })}\n`);
