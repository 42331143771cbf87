import { createHash } from 'node:crypto';
import { validateAgainstCapabilities } from '../validate';
import { ConnectorError } from '../errors';
import type { Capabilities, Connector, ConnectorContext, InboundItem, MetricValues, OutboundVariant, PublishResult, RemoteRef } from '../types';
import { REACTION_INTERVAL_MINUTES, reaction, simulatedMetrics } from './sandbox-audience';

const capabilities: Capabilities = {
  text: { maxLength: 500, counting: 'graphemes' },
  media: {
    kinds: ['image', 'video', 'gif'],
    maxCount: 4,
    maxBytes: { image: 5_000_000, video: 50_000_000, gif: 5_000_000 },
    altText: { supported: true, maxLength: 1500 },
    mimeTypes: [],
  },
  threads: true,
  polls: { maxOptions: 4, maxOptionLength: 50, minDurationSeconds: 300, maxDurationSeconds: 7 * 86400 },
  linkCards: true,
  firstComment: true,
  replies: true,
  directMessages: true,
  deletes: true,
  metrics: ['likes', 'reposts', 'replies', 'quotes', 'shares', 'clicks', 'impressions', 'saves', 'views'],
  inbound: { poll: true, webhook: false, kinds: ['mention', 'reply', 'direct_message'] },
};

const idFor = (accountId: string, key: string) => `sandbox:${accountId}:post:${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;

/**
 * The sandbox: a channel that publishes nowhere and has a simulated audience that reacts over time. Clearly
 * labelled in the UI; for demos, training and tests. Publishing is idempotent by construction (the remote id is
 * derived from the idempotency key). Credentials: `{ name }`, and optionally `serverUrl`: a sandbox platform server
 * (see test/support/sandbox-platform.ts) that records every post and, like X or Meta, does NOT refuse a duplicate,
 * so tests can count what really went out.
 */
export const sandboxConnector: Connector = {
  kind: 'sandbox',
  displayName: 'Sandbox',
  capabilities,
  auth: { kind: 'access-token' },

  validate: (v) => validateAgainstCapabilities(capabilities, v, 'the sandbox'),
  connectFields: [{ name: 'name', type: 'text', required: true, default: 'Sandbox' }],

  async connect(_fetch, input) {
    const name = (input.name ?? '').trim() || 'Sandbox';
    const handle = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'sandbox';
    // The same name is the same simulated account, so a sandbox channel can be reconnected.
    const remoteId = `${handle}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
    const serverUrl = (input.serverUrl ?? '').trim();
    const credentials: Record<string, string> = serverUrl ? { name, serverUrl } : { name };
    return { credentials, account: { remoteId, handle: `@${handle}`, displayName: name } };
  },

  async verify(ctx) {
    return ctx.account;
  },

  resendSafety: { kind: 'key', windowSeconds: null },

  async publish(ctx, variant) {
    if (ctx.credentials.serverUrl) return publishToServer(ctx, variant);
    const base = idFor(ctx.account.remoteId, variant.idempotencyKey);
    const parts: RemoteRef[] = variant.parts.map((_, i) => ({
      remoteId: i === 0 ? base : `${base}:${i}`,
      url: `https://sandbox.regie.invalid/${encodeURIComponent(ctx.account.handle)}/${encodeURIComponent(i === 0 ? base : `${base}:${i}`)}`,
    }));
    return { status: 'published', remote: parts[0], parts };
  },

  /** With a server: asks it. Without one nothing is stored, so nothing can be found (a resend is harmless). */
  async findPublished(ctx, key) {
    if (!ctx.credentials.serverUrl) return null;
    const res = await serverCall(ctx, 'GET', `/posts?account=${encodeURIComponent(ctx.account.remoteId)}&key=${encodeURIComponent(key)}`);
    const found = (await res.json()) as { items: Array<{ id: string }> };
    const first = found.items[0];
    return first ? { remoteId: first.id, url: `${ctx.credentials.serverUrl}/posts/${first.id}` } : null;
  },

  async delete() {
    /* nothing is stored anywhere: deleting always succeeds */
  },

  async reply(ctx, r) {
    return { remoteId: idFor(ctx.account.remoteId, `reply:${r.idempotencyKey}`) };
  },

  async poll(ctx, cursor) {
    const now = ctx.now().getTime();
    const interval = REACTION_INTERVAL_MINUTES * 60_000;
    const current = Math.floor(now / interval);
    const from = cursor === null ? current - 3 : Number(cursor) + 1;
    const items: InboundItem[] = [];
    for (let n = Math.max(from, current - 50); n <= current; n++) items.push(reaction(ctx.account.remoteId, n, new Date(n * interval)));
    return { items, cursor: String(current) };
  },

  async metrics(ctx, refs) {
    const out = new Map<string, MetricValues>();
    for (const r of refs) {
      const publishedAt = Date.parse(r.extra?.publishedAt ?? '');
      out.set(r.remoteId, simulatedMetrics(r.remoteId, Number.isNaN(publishedAt) ? 0 : ctx.now().getTime() - publishedAt));
    }
    return out;
  },
};

async function serverCall(ctx: ConnectorContext, method: string, path: string, body?: unknown): Promise<Response> {
  let res: Response;
  try {
    res = await ctx.fetch(`${ctx.credentials.serverUrl}${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      ...(body ? { body: JSON.stringify(body) } : {}),
      timeoutMs: 10_000,
    });
  } catch (err) {
    throw new ConnectorError('transient', `The sandbox server did not answer: ${(err as Error).message}`);
  }
  if (res.status === 429) throw new ConnectorError('rate_limited', 'The sandbox server asks to slow down.', { retryAfterMs: 1000 * Number(res.headers.get('retry-after') ?? '1') });
  if (res.status >= 500) throw new ConnectorError('transient', `The sandbox server failed (${res.status}).`);
  if (!res.ok) throw new ConnectorError('rejected', `The sandbox server refused the post (${res.status}).`);
  return res;
}

async function publishToServer(ctx: ConnectorContext, variant: OutboundVariant): Promise<PublishResult> {
  const res = await serverCall(ctx, 'POST', '/posts', { account: ctx.account.remoteId, key: variant.idempotencyKey, parts: variant.parts.map((p) => p.text) });
  const { id } = (await res.json()) as { id: string };
  const remote = { remoteId: id, url: `${ctx.credentials.serverUrl}/posts/${id}` };
  return { status: 'published', remote, parts: [remote] };
}
