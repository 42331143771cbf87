import { describe, expect, it } from 'vitest';
import { createPlatformFetch, createUntrustedFetch } from '../http/fetchers';
import { liveContract, staticContract } from '../testing/contract';
import type { ConnectorContext, HttpFetch } from '../types';
import { ConnectorError } from '../errors';
import { webformConnector } from './webform.connector';

const sample = (key: string) => ({ idempotencyKey: key, parts: [{ text: 'Kom zaterdag naar de open dag.' }] });
/** A fetch that must never be called: the website channel talks to no platform. */
const noNetwork: HttpFetch = async () => {
  throw new Error('the website connector must not call the network');
};
const connect = (input: Record<string, string>) => webformConnector.connect!(noNetwork, input, new Date());

staticContract(webformConnector, sample);
liveContract(webformConnector, {
  async context(): Promise<ConnectorContext> {
    const { credentials, account } = await connect({ name: 'Website gemeente', allowedOrigins: 'https://www.gemeente.test' });
    return { account, credentials, fetch: createPlatformFetch(), fetchUntrusted: createUntrustedFetch(), now: () => new Date(), log: { info() {}, warn() {} } };
  },
  sampleVariant: sample,
  canPublish: false,
  usesHttp: false,
});

describe('website connector', () => {
  it('connects with a fresh random public key and normalised allowed websites', async () => {
    const a = await connect({ name: ' Website ', allowedOrigins: 'https://www.Gemeente.test/contact, https://gemeente.test' });
    const b = await connect({ allowedOrigins: 'https://www.gemeente.test' });
    expect(a.credentials.publicKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(a.credentials.publicKey).not.toBe(b.credentials.publicKey);
    expect(a.credentials.allowedOrigins).toBe('https://www.gemeente.test,https://gemeente.test');
    expect(a.account).toEqual({ remoteId: a.credentials.publicKey, handle: 'www.gemeente.test', displayName: 'Website' });
    expect(b.account.displayName).toBe('Website');
  });

  it('refuses addresses that are not https websites, saying what to enter', async () => {
    for (const allowedOrigins of ['', 'www.gemeente.test', 'http://www.gemeente.test', 'https://ok.test, javascript:alert(1)']) {
      const err = await connect({ allowedOrigins }).catch((e) => e);
      expect(err, allowedOrigins).toBeInstanceOf(ConnectorError);
      expect(err.failure).toBe('rejected');
      expect(err.message).toMatch(/https:\/\/www\.gemeente\.nl/);
    }
  });

  it('declares an inbound-only channel: forms and chats, nothing to publish or answer', () => {
    const c = webformConnector.capabilities;
    expect(c.inbound.kinds).toEqual(['form', 'chat']);
    expect([c.replies, c.directMessages, c.deletes, c.threads]).toEqual([false, false, false, false]);
    expect(webformConnector.publish).toBeUndefined();
    expect(webformConnector.connectFields?.find((f) => f.name === 'allowedOrigins')?.required).toBe(true);
    expect(webformConnector.validate(sample('k')).map((f) => [f.code, f.severity])).toEqual([['publish_unsupported', 'warning']]);
  });
});
