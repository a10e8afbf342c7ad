// The machine's own noise, for reading bench/route-endpoint.bench.ts: an idle Node process whose only work is a 1 ms
// timer, counting the times its event loop got to run more than 2 ms late (the process was not scheduled, or the VM
// was not). A request arriving in such a moment waits for it in any server. Prints a JSON summary on stdin's end.
const started = performance.now();
let last = started;
const stalls = [];
setInterval(() => {
  const now = performance.now();
  if (now - last > 3) stalls.push(now - last - 1);
  last = now;
}, 1);
process.stdin.resume();
process.stdin.on('end', () => {
  const seconds = (performance.now() - started) / 1e3;
  const total = stalls.reduce((sum, ms) => sum + ms, 0);
  process.stdout.write(
    `${JSON.stringify({ seconds, count: stalls.length, totalMs: total, maxMs: Math.max(0, ...stalls) })}\n`,
  );
  process.exit(0);
});
