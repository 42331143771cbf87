/**
 * The WhatsApp Business connector against Meta's WhatsApp Cloud API v23.0 OpenAPI spec served by Prism on
 * loopback: Prism validates every request body against the spec (422 for a wrong shape, which the connector would
 * report as `rejected`) and answers with the spec's examples. The contract suite (verify; WhatsApp has nothing to
 * publish), connecting with a System User token, text replies in the 24-hour window, the refusal outside it,
 * template messages, and Meta's own 401 error when the token is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformFetch } from '../../src/connectors/http/fetchers';
import { GRAPH_HOST } from '../../src/connectors/meta/graph';
import { answering, liveContract, staticContract, timingOut } from '../../src/connectors/testing/contract';
import type { HttpFetch, InboundItem, OutboundVariant } from '../../src/connectors/types';
import { replyWithTemplate } from '../../src/connectors/whatsapp/whatsapp.api';
import { whatsappConnector as wa } from '../../src/connectors/whatsapp/whatsapp.connector';
import { testContext } from '../support/connector-context';
import { prismRequestViolations, prismUnavailable, sharedSpec, startPrism, type PrismServer } from '../support/prism';

const SPEC = sharedSpec('whatsapp-cloud-api-v23.0.yaml');
const skip = prismUnavailable(SPEC);
const phoneNumberId = '106540352242922';
const account = { remoteId: phoneNumberId, handle: '+1 555 078 3881', displayName: 'Gemeente Voorbeeld' };
const sample = (key: string): OutboundVariant => ({ idempotencyKey: key, parts: [{ text: `Hallo (${key})` }] });

let prism: PrismServer;
const sent: Array<{ url: string; status: number; violations: number; body?: string }> = [];
/** Graph's host pointed at Prism; anything else is refused (network rule). Records Prism's request violations. */
const towardsPrism = (strip: string[] = []): HttpFetch => {
  const inner = createPlatformFetch();
  return async (url, init = {}) => {
    if (!url.startsWith(GRAPH_HOST)) throw new Error(`test refuses a non-Graph request: ${url}`);
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).filter(([k]) => !strip.includes(k)));
    const res = await inner(prism.url + url.slice(GRAPH_HOST.length), { ...init, headers });
    sent.push({ url: url.slice(GRAPH_HOST.length), status: res.status, violations: prismRequestViolations(res).length, body: typeof init.body === 'string' ? init.body : undefined });
    return res;
  };
};
const ctx = (strip: string[] = []) => testContext(account, { accessToken: 'EAAG-system-user-token', phoneNumberId, wabaId: '102290129340398' }, { fetch: towardsPrism(strip) });
const inbound = (ageMs: number): InboundItem => ({ remoteId: 'wamid.IN1', kind: 'direct_message', threadRemoteId: '16505551234', author: { remoteId: '16505551234', handle: '+16505551234' }, text: 'Does it come in another color?', createdAt: new Date(Date.now() - ageMs).toISOString(), replyRef: { waId: '16505551234' } });

beforeAll(async () => {
  if (!skip) prism = await startPrism(SPEC);
}, 90_000);
afterAll(async () => {
  await prism?.stop();
});

staticContract(wa, sample);

describe.skipIf(skip)('whatsapp against the Cloud API spec (Prism)', () => {
  liveContract(wa, { context: async () => ctx(), sampleVariant: sample, canPublish: false });

  it('connects with a System User token and phone number id', async () => {
    const { credentials, account: a } = await wa.connect!(towardsPrism(), { accessToken: 'EAAG-system-user-token', phoneNumberId, wabaId: '102290129340398' }, new Date());
    expect(credentials).toEqual({ accessToken: 'EAAG-system-user-token', phoneNumberId, wabaId: '102290129340398' });
    expect(a.remoteId).toBe(phoneNumberId);
    await expect(wa.connect!(towardsPrism(), { accessToken: 'x', phoneNumberId: 'not-a-number' }, new Date())).rejects.toMatchObject({ failure: 'rejected' });
  });

  it('replies with a text message inside the 24-hour window, in a shape the spec accepts', async () => {
    const r = await wa.reply!(ctx(), { idempotencyKey: 'r1', inReplyTo: inbound(60 * 60_000), text: 'Yes: red and blue. See https://example.org/colors' });
    expect(r.remoteId).toMatch(/^wamid\./);
    const last = sent.at(-1)!;
    expect(last).toMatchObject({ url: `/v23.0/${phoneNumberId}/messages`, status: 200, violations: 0 });
    expect(JSON.parse(last.body!)).toEqual({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '16505551234', type: 'text', text: { preview_url: true, body: 'Yes: red and blue. See https://example.org/colors' } });
  });

  it('refuses a free-form reply outside the window without calling WhatsApp; a template goes through', async () => {
    const before = sent.length;
    await expect(wa.reply!(ctx(), { idempotencyKey: 'r2', inReplyTo: inbound(25 * 3600_000), text: 'Late answer' })).rejects.toMatchObject({ failure: 'rejected', details: { platformCode: 'outside_service_window' } });
    expect(sent.length).toBe(before);
    const t = await replyWithTemplate(ctx(), { idempotencyKey: 't1', to: '+16505551234', template: { name: 'hello_world', languageCode: 'en_US', components: [{ type: 'body', parameters: [{ type: 'text', text: 'Sanne' }] }] } });
    expect(t.remoteId).toMatch(/^wamid\./);
    expect(sent.at(-1)).toMatchObject({ status: 200, violations: 0 });
  });

  it("maps Meta's 401 (code 190) for a request without a token to auth_expired", async () => {
    await expect(wa.verify(ctx(['authorization']))).rejects.toMatchObject({ failure: 'auth_expired', details: { status: 401, platformCode: '190/463' } });
  });

  it('maps failures of a reply to typed errors (WhatsApp has nothing to publish, so the contract cannot)', async () => {
    const call = (fetch: HttpFetch) => wa.reply!({ ...ctx(), fetch }, { idempotencyKey: 'f', inReplyTo: inbound(60_000), text: 'Hallo' }).then(() => null, (e) => e);
    expect(await call(answering(429, { 'retry-after': '30' }))).toMatchObject({ failure: 'rate_limited', details: { retryAfterMs: 30_000 } });
    expect(await call(answering(401))).toMatchObject({ failure: 'auth_expired' });
    expect(await call(answering(400))).toMatchObject({ failure: 'rejected', details: { platformReason: expect.stringMatching(/test failure reason/) } });
    expect(await call(answering(503))).toMatchObject({ failure: 'transient' });
    expect(await call(timingOut)).toMatchObject({ failure: 'transient' });
    const graph = (code: number) => answering(400, {}, JSON.stringify({ error: { message: `(#${code}) test`, type: 'OAuthException', code, fbtrace_id: 'x' } }));
    expect(await call(graph(131047))).toMatchObject({ failure: 'rejected', details: { platformCode: '131047' } });
    expect(await call(graph(130429))).toMatchObject({ failure: 'rate_limited' });
  });
});
