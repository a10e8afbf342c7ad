// The second baseline for bench/route-endpoint.bench.ts: the dialplan listener's socket handling without the routing
// decision. Like lib/dialplan/start-dialplan-listener.ts it serves over `net`, one request per connection: no-delay,
// a head timeout, the head read as latin1 up to the blank line, a constant answer with `Connection: close`, end.
// What this server's p99 costs is what any answer over a new connection costs here, before the route is decided.
// Prints its port on stdout once listening.
import net from 'node:net';

const ANSWER =
  'HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 6\r\nConnection: close\r\n\r\ngw_mts';

const server = net.createServer((socket) => {
  let received = '';
  socket.setNoDelay(true);
  socket.setTimeout(5_000, () => socket.destroy());
  socket.on('error', () => socket.destroy());
  const onData = (chunk) => {
    received += chunk.toString('latin1');
    if (received.indexOf('\r\n\r\n') < 0 && received.length <= 8192) return;
    socket.off('data', onData);
    // The listener answers after a promise (the decision is async); so does this, to keep the same event-loop turns.
    void Promise.resolve().then(() => socket.destroyed || socket.end(ANSWER));
  };
  socket.on('data', onData);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
