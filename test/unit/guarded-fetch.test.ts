import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../src/connectors/errors';
import { createPlatformFetch, createUntrustedFetch } from '../../src/connectors/http/fetchers';

/** A loopback canary: the guarded fetch must never reach it, whatever form the address takes. */
describe('guarded fetch for user-supplied URLs', () => {
  let server: Server;
  let port: number;
  let hits = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++;
      if (req.url === '/redirect') {
        res.writeHead(302, { location: `http://127.0.0.1:${port}/secret` });
        return res.end();
      }
      res.end('canary');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const guarded = createUntrustedFetch();
  const forms = ['127.0.0.1', '127.1', '0x7f000001', '2130706433', '[::1]', '[::ffff:127.0.0.1]', 'localhost', 'localhost.', '0.0.0.0'];

  it.each(forms)('refuses http://%s and never connects', async (host) => {
    const err = await guarded(`http://${host}:${port}/`).catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    // Refused by the address check, or (localhost. on some resolvers) not resolvable: either way never connected.
    expect(['rejected', 'transient']).toContain((err as ConnectorError).failure);
    if (host !== 'localhost.') expect((err as ConnectorError).failure).toBe('rejected');
    expect(hits).toBe(0);
  });

  it('refuses other schemes', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.org/', 'gopher://127.0.0.1/']) {
      expect(((await guarded(url).catch((e) => e)) as ConnectorError).failure).toBe('rejected');
    }
  });

  it('the platform fetch (for platform APIs) does reach loopback, with its limits', async () => {
    const platform = createPlatformFetch();
    const r = await platform(`http://127.0.0.1:${port}/redirect`, { redirect: 'manual' });
    expect(r.status).toBe(302);
    expect(hits).toBe(1);
    const big = await platform(`http://127.0.0.1:${port}/`, { maxBytes: 3 }).catch((e) => e);
    expect((big as ConnectorError).failure).toBe('rejected');
    const down = await platform('http://127.0.0.1:1/').catch((e) => e);
    expect((down as ConnectorError).failure).toBe('transient');
  });
});
