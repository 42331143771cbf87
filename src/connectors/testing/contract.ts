/**
 * The contract suite every connector must pass (call it from a test file with a harness for that connector).
 * Static checks need no network; the live part runs against the connector's real local peer or spec mock.
 */
import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors';
import { CHANNEL_KINDS, type Connector, type ConnectorContext, type HttpFetch, type OutboundVariant, type RemoteRef } from '../types';

export interface ContractHarness {
  /** A context for a connected test account on the peer. */
  context(): Promise<ConnectorContext>;
  /** A small variant this channel accepts; `key` is the idempotency key to use. */
  sampleVariant(key: string): OutboundVariant;
  /** False for inbound-only channels (website form). */
  canPublish: boolean;
  /** Waits until the peer has processed what was just written (indexers), when it is asynchronous. */
  settle?(): Promise<void>;
  /** False for connectors that do not speak HTTP to their platform (sandbox, e-mail): skips the HTTP failure mapping. */
  usesHttp?: boolean;
}

/** A fetch that answers every request with the given status, headers and body: to provoke each failure path. */
export function answering(status: number, headers: Record<string, string> = {}, body = '{"error":"TestFailure","message":"test failure reason"}'): HttpFetch {
  return async () => new Response(status === 204 ? null : body, { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A fetch that fails like a timed-out connection. */
export const timingOut: HttpFetch = async () => {
  throw Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
};

async function failureOf(p: Promise<unknown>): Promise<ConnectorError> {
  try {
    await p;
  } catch (e) {
    expect(e, 'connectors throw ConnectorError, nothing else').toBeInstanceOf(ConnectorError);
    return e as ConnectorError;
  }
  throw new Error('expected the call to fail');
}

/** The static part: declarations agree with what the connector implements; validate is pure and strict. */
export function staticContract(connector: Connector, sample: (key: string) => OutboundVariant): void {
  describe(`${connector.kind} connector: declarations`, () => {
    it('names a known kind and sane capabilities', () => {
      expect(CHANNEL_KINDS).toContain(connector.kind);
      expect(connector.displayName.length).toBeGreaterThan(0);
      expect(connector.capabilities.text.maxLength).toBeGreaterThan(0);
    });
    it('implements what it declares', () => {
      const c = connector.capabilities;
      if (c.inbound.poll) expect(connector.poll, 'inbound.poll').toBeTypeOf('function');
      if (c.inbound.webhook) expect(connector.verifyAndParseWebhook, 'inbound.webhook').toBeTypeOf('function');
      if (c.replies) expect(connector.reply, 'replies').toBeTypeOf('function');
      if (c.deletes) expect(connector.delete, 'deletes').toBeTypeOf('function');
      if (c.metrics.length) expect(connector.metrics, 'metrics').toBeTypeOf('function');
      const a = connector.auth;
      if (a.kind === 'oauth2') {
        expect(connector.authorizeUrl).toBeTypeOf('function');
        expect(connector.exchangeCode).toBeTypeOf('function');
      }
      if (a.kind === 'oauth2-per-instance') expect(connector.registerApp).toBeTypeOf('function');
      if (a.kind === 'app-password' || a.kind === 'mail-credentials' || a.kind === 'access-token') expect(connector.connect).toBeTypeOf('function');
    });
    it('validate accepts the sample and refuses empty and over-long text, the same way every time', () => {
      expect(connector.validate(sample('k')).filter((f) => f.severity === 'error')).toEqual([]);
      const long: OutboundVariant = { idempotencyKey: 'k', parts: [{ text: 'a'.repeat(connector.capabilities.text.maxLength + 1) }] };
      const a = connector.validate(long);
      expect(a.map((f) => f.code)).toContain('text_too_long');
      expect(connector.validate(long)).toEqual(a);
      expect(connector.validate({ idempotencyKey: 'k', parts: [] }).some((f) => f.severity === 'error')).toBe(true);
    });
  });
}

/** The live part, against the peer: verify, publish idempotently, metrics, delete, poll with a cursor, failures. */
export function liveContract(connector: Connector, h: ContractHarness): void {
  describe(`${connector.kind} connector: against its peer`, () => {
    it('verifies the connected account', async () => {
      const ctx = await h.context();
      const account = await connector.verify(ctx);
      expect(account.remoteId).toBeTruthy();
      expect(account.handle).toBeTruthy();
    });

    it.runIf(h.canPublish)('publishes once per idempotency key, reports only declared metrics, and deletes', async () => {
      const ctx = await h.context();
      const key = `contract-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const first = await connector.publish!(ctx, h.sampleVariant(key));
      expect(first.status).toBe('published');
      const again = await connector.publish!(ctx, h.sampleVariant(key));
      if (first.status === 'published' && again.status === 'published') expect(again.remote.remoteId).toBe(first.remote.remoteId);
      const ref = (first as { remote: RemoteRef }).remote;
      await h.settle?.();
      if (connector.metrics) {
        const m = await connector.metrics(ctx, [ref]);
        const values = m.get(ref.remoteId) ?? {};
        for (const [name, v] of Object.entries(values)) {
          expect(connector.capabilities.metrics).toContain(name);
          expect(v === null || (typeof v === 'number' && v >= 0)).toBe(true);
        }
      }
      if (connector.delete) await connector.delete(ctx, ref);
    });

    it.runIf(!!connector.poll)('polls with a cursor: a second poll from the returned cursor repeats nothing', async () => {
      const ctx = await h.context();
      const first = await connector.poll!(ctx, null);
      expect(Array.isArray(first.items)).toBe(true);
      const second = await connector.poll!(ctx, first.cursor);
      const seen = new Set(first.items.map((i) => i.remoteId));
      expect(second.items.filter((i) => seen.has(i.remoteId))).toEqual([]);
    });

    it.runIf(h.canPublish && h.usesHttp !== false)('maps platform failures to typed errors', async () => {
      const base = await h.context();
      const call = (fetch: HttpFetch) => connector.publish!({ ...base, fetch, refreshCredentials: undefined }, h.sampleVariant(`fail-${Math.random()}`));
      const limited = await failureOf(call(answering(429, { 'retry-after': '30' })));
      expect(limited.failure).toBe('rate_limited');
      expect(limited.details.retryAfterMs).toBe(30_000);
      expect((await failureOf(call(answering(429)))).failure).toBe('rate_limited');
      expect((await failureOf(call(answering(401)))).failure).toBe('auth_expired');
      const rejected = await failureOf(call(answering(400)));
      expect(rejected.failure).toBe('rejected');
      expect(rejected.details.platformReason).toMatch(/test failure reason|TestFailure/);
      expect((await failureOf(call(answering(503)))).failure).toBe('transient');
      expect((await failureOf(call(timingOut))).failure).toBe('transient');
    });
  });
}
