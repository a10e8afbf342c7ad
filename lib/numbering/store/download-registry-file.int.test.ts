import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing/create-test-database';
import { localizeMessage } from '../../i18n/localize-message';
import { downloadRegistryFile } from './download-registry-file';
import { getNumberingData } from './get-numbering-data';

// A mirror on loopback stands in for opendata.digital.gov.ru: this machine has no internet, which is itself one of the
// cases (a refused connection), and the real site needs a browser-grade TLS chain anyway.
const file = readFileSync('data/registry/DEF-9xx.csv');
const changed = Buffer.from(
  file
    .toString('utf8')
    .replace('900;0000000;0061999;62000;ООО "Т2 МОБАЙЛ"', '900;0000000;0061999;62000;ПАО "МЕГАФОН"')
    .replace(/(900;0000000;0061999;[^\n]*;)7743895280/, '$17812014560'),
);
let server: http.Server;
let base: string;
let closedPort: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/DEF-9xx.csv')
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': changed.length }).end(changed);
    else if (req.url === '/captcha/DEF-9xx.csv')
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>captcha</html>');
    else if (req.url === '/cut/DEF-9xx.csv') {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': changed.length });
      res.write(changed.subarray(0, 100_000));
      setTimeout(() => res.destroy(), 50);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('registry download (SQLite)', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase({ kind: 'sqlite' });
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it.each([
    [
      'a refused connection',
      () => `http://127.0.0.1:${closedPort}/DEF-9xx.csv`,
      /connection was refused.*registry in use stays: DEF-9xx\.csv \(16629 rows\)/,
    ],
    ['a missing file', () => `${base}/old/DEF-9xx.csv`, /HTTP 404/],
    ['a web page instead of the file', () => `${base}/captcha/DEF-9xx.csv`, /web page instead of the CSV/],
    ['a download that breaks off', () => `${base}/cut/DEF-9xx.csv`, /download broke off.*registry in use stays/],
  ])('fails clearly on %s and keeps the registry in use', async (_name, url, message) => {
    const before = await getNumberingData({ db: test.db() });
    const outcome = await downloadRegistryFile({ url: url(), db: test.db(), timeoutMs: 5_000 }).then(
      (result) => `rejected: ${result.reason}`,
      (error: Error) => error.message,
    );
    expect(outcome).toMatch(message);
    // Each language reads its own half, with no word of the other alphabet.
    if (!outcome.startsWith('rejected')) {
      expect(localizeMessage(outcome, 'ru')).toMatch(/^Не удалось скачать реестр/);
      expect(localizeMessage(outcome, 'en')).not.toMatch(/[а-яё]/i);
    }
    expect((await getNumberingData({ db: test.db() })).fingerprint).toBe(before.fingerprint);
  });

  it('imports a downloaded file like an upload', async () => {
    const result = await downloadRegistryFile({ url: `${base}/DEF-9xx.csv`, db: test.db() });
    expect(result).toMatchObject({
      outcome: 'activated',
      kind: 'DEF-9xx',
      rows: 16_629,
      diff: { rangesChangedCarrier: 1 },
    });
    const data = await getNumberingData({ db: test.db() });
    expect(data.files[0]).toMatchObject({ source: 'download', versionId: result.versionId });
  });
});
