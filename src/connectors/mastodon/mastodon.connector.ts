/**
 * The Mastodon connector, for any instance: per-instance OAuth (PKCE), publishing statuses, threads, media with
 * alt text, polls and visibility idempotently (Mastodon's `Idempotency-Key`), replies that keep the original's
 * visibility, deletes, an inbox polled from mention notifications (mentions, replies, direct messages) and
 * favourites / boosts / replies as metrics.
 */
import { ConnectorError } from '../errors';
import type { Connector, ConnectorContext, MetricValues, RemoteRef } from '../types';
import { clientFor, mastodonRequest } from './mastodon.api';
import { authorizeUrl, exchangeCode, readAccount, registerApp } from './mastodon.auth';
import { mastodonAuth, mastodonCapabilities } from './mastodon.capabilities';
import type { MastodonStatus } from './mastodon.entities';
import { pollMentions } from './mastodon.inbound';
import { deleteRef, publishVariant, replyTo } from './mastodon.publish';
import { validateMastodon } from './mastodon.validate';

/** Favourites, boosts and replies of each status, as this instance knows them; a deleted status is left out. */
async function metrics(ctx: ConnectorContext, refs: RemoteRef[]): Promise<Map<string, MetricValues>> {
  const c = clientFor(ctx);
  const out = new Map<string, MetricValues>();
  for (const ref of refs) {
    try {
      const { body: s } = await mastodonRequest<MastodonStatus>(c, 'GET', `/api/v1/statuses/${encodeURIComponent(ref.remoteId)}`);
      const n = (v: unknown) => (typeof v === 'number' && v >= 0 ? v : null);
      out.set(ref.remoteId, { likes: n(s?.favourites_count), reposts: n(s?.reblogs_count), replies: n(s?.replies_count) });
    } catch (err) {
      if (err instanceof ConnectorError && (err.details.status === 404 || err.details.status === 410)) continue;
      throw err;
    }
  }
  return out;
}

/** The Mastodon connector (registered in the connector registry). */
export const mastodonConnector: Connector = {
  kind: 'mastodon',
  displayName: 'Mastodon',
  capabilities: mastodonCapabilities,
  auth: mastodonAuth,
  validate: validateMastodon,
  registerApp,
  authorizeUrl,
  exchangeCode,
  verify: (ctx) => readAccount(clientFor(ctx), ctx.log),
  publish: (ctx, variant) => publishVariant(clientFor(ctx), variant),
  /** Mastodon keeps an Idempotency-Key for one hour. */
  resendSafety: { kind: 'key', windowSeconds: 3600 },
  /** Mastodon's default: 300 statuses per account in 3 hours. */
  rateLimit: { perMinute: 1.5, burst: 30 },
  reply: (ctx, reply) => replyTo(clientFor(ctx), reply),
  delete: (ctx, ref) => deleteRef(clientFor(ctx), ref),
  poll: (ctx, cursor) => pollMentions(clientFor(ctx), ctx, cursor),
  metrics,
};
