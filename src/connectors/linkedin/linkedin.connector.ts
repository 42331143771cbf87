import { ConnectorError } from '../errors';
import type { Connector, ConnectorContext, Credentials, HttpFetch, MetricValues, OutboundVariant, RemoteRef, ValidationFinding } from '../types';
import { validateAgainstCapabilities } from '../validate';
import { administeredOrganizations, linkedinAuthorizeUrl, linkedinExchangeCode, organizationAccount, refreshLinkedInCredentials } from './linkedin.auth';
import { LINKEDIN_SCOPES, linkedinCapabilities } from './linkedin.capabilities';
import { pollComments, replyLinkedIn } from './linkedin.comments';
import { linkedinApi, restliList, restliQuery } from './linkedin.http';
import { linkedinMetrics, orgUrn, type LinkedInShareStatistics } from './linkedin.map';
import { deleteLinkedIn, findLinkedInPublished, publishLinkedIn } from './linkedin.posts';

/**
 * LinkedIn's rules on a variant: the shared checks, plus one post has either images or a link (article), not
 * both. Pure and deterministic.
 */
export function validateLinkedIn(v: OutboundVariant): ValidationFinding[] {
  const out = validateAgainstCapabilities(linkedinCapabilities, v, 'LinkedIn');
  v.parts.forEach((p, part) => {
    if (p.link && p.media?.length) out.push({ code: 'linkedin_link_and_media', message: 'A LinkedIn post shows images or a link preview, not both: put the link in the text.', severity: 'error', part });
    if (p.link && !/^https?:\/\//i.test(p.link.url)) out.push({ code: 'linkedin_link_url', message: 'The link must be a web address (http or https).', severity: 'error', part });
  });
  return out;
}

async function verifyPage(ctx: ConnectorContext) {
  const org = orgUrn(ctx.account.remoteId);
  const pages = await administeredOrganizations(ctx);
  if (!pages.includes(org)) throw new ConnectorError('auth_revoked', 'The signed-in member is no longer an administrator of this LinkedIn page.', { platformCode: 'not_admin' });
  return organizationAccount(ctx, org);
}

async function metricsOf(ctx: ConnectorContext, refs: RemoteRef[]): Promise<Map<string, MetricValues>> {
  const out = new Map<string, MetricValues>();
  const org = orgUrn(ctx.account.remoteId);
  const shares = refs.map((r) => r.remoteId).filter((u) => u.startsWith('urn:li:share:'));
  const ugc = refs.map((r) => r.remoteId).filter((u) => u.startsWith('urn:li:ugcPost:'));
  const api = linkedinApi(ctx);
  for (let i = 0; i < Math.max(shares.length, ugc.length); i += 20) {
    const raw: Record<string, string> = {};
    if (shares.slice(i, i + 20).length) raw.shares = restliList(shares.slice(i, i + 20));
    if (ugc.slice(i, i + 20).length) raw.ugcPosts = restliList(ugc.slice(i, i + 20));
    const answer = await api.get<{ elements?: LinkedInShareStatistics[] }>('/rest/organizationalEntityShareStatistics', restliQuery({ q: 'organizationalEntity', organizationalEntity: org }, raw));
    for (const e of answer?.elements ?? []) {
      const urn = e.share ?? e.ugcPost;
      if (urn) out.set(urn, linkedinMetrics(e));
    }
  }
  return out;
}

function connectingContext(fetch: HttpFetch, credentials: Credentials, now: Date): ConnectorContext {
  return { account: { remoteId: '', handle: '', displayName: '' }, credentials, fetch, fetchUntrusted: fetch, now: () => now, log: { info() {}, warn() {} } };
}

/**
 * A LinkedIn organization page, connected with OAuth 2 by a member who administers it (the first page they
 * administer is connected). Publishes text posts with images (alt text) or a link; polls comments on recent
 * posts and answers them; deletes; reads post statistics. LinkedIn has no idempotency key: publishing looks for
 * an earlier attempt by text first (see linkedin.posts.ts). Credentials: `accessToken`, `expiresAt`, and
 * `refreshToken` where LinkedIn grants one. On a 401 it asks `ctx.refreshCredentials` once and retries once.
 */
export const linkedinConnector: Connector = {
  kind: 'linkedin',
  displayName: 'LinkedIn page',
  capabilities: linkedinCapabilities,
  auth: { kind: 'oauth2', pkce: false, refresh: true, scopes: LINKEDIN_SCOPES, provider: 'linkedin' },

  validate: validateLinkedIn,
  authorizeUrl: linkedinAuthorizeUrl,

  refresh(fetch, app, credentials, now) {
    if (!app) throw new ConnectorError('auth_expired', 'The LinkedIn app credentials are missing; reconnect the channel.');
    return refreshLinkedInCredentials(fetch, app, credentials, now);
  },

  async exchangeCode(fetch, app, p, now) {
    const credentials = await linkedinExchangeCode(fetch, app, p, now);
    const ctx = connectingContext(fetch, credentials, now);
    const [first] = await administeredOrganizations(ctx);
    if (!first) throw new ConnectorError('rejected', 'This LinkedIn member administers no organization page.', { platformCode: 'no_pages' });
    return { credentials, account: await organizationAccount(ctx, first) };
  },

  verify: verifyPage,
  publish: publishLinkedIn,
  /** LinkedIn: about 150 member posts a day; organization pages similar. */
  rateLimit: { perMinute: 0.1, burst: 25 },

  /**
   * Needs the variant: LinkedIn has no idempotency key, so the lookup is by text, from an hour before
   * `attemptedAt` (default: the last day). Without the variant it refuses (`rejected`, code lookup_needs_variant)
   * rather than answer "never arrived" and risk a second post.
   */
  async findPublished(ctx: ConnectorContext, _key: string, variant?: OutboundVariant, attemptedAt?: Date) {
    if (!variant) throw new ConnectorError('rejected', 'LinkedIn has no idempotency key: finding an earlier publish needs the variant text.', { platformCode: 'lookup_needs_variant' });
    return findLinkedInPublished(ctx, variant, attemptedAt ? new Date(attemptedAt.getTime() - 60 * 60 * 1000) : undefined);
  },

  delete: deleteLinkedIn,
  reply: replyLinkedIn,
  poll: pollComments,
  metrics: metricsOf,
};
