// The baseline for bench/route-endpoint.bench.ts, in its own process like the server under test: a bare node:http
// server answering a constant trunk name. Prints its port on stdout once listening.
import http from 'node:http';

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': 6 });
  res.end('gw_mts');
});
server.keepAliveTimeout = 5_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
