/**
 * Writing posts: threads, replies, idempotent record keys, deletes. Every post is a record whose key is derived
 * from the idempotency key (and the part number), so a retry finds what an earlier attempt already wrote.
 */
import { ConnectorError } from '../errors';
import type { ConnectorContext, OutboundMedia, OutboundPart, OutboundReply, OutboundVariant, PublishResult, RemoteRef } from '../types';
import { BlueskyClient, type BlobRef, type StrongRef } from './bluesky.api';
import { buildFacets } from './bluesky.facets';
import { imageSize } from './bluesky.image';
import { linkCardEmbed } from './bluesky.link-card';
import { parseAtUri, postUrl, recordKeyFor } from './bluesky.rkey';

/** The collection of Bluesky posts. */
export const POST = 'app.bsky.feed.post';
/** Parts probed when looking up an earlier thread by its key. */
const MAX_THREAD_PARTS = 50;

interface PostContent {
  text: string;
  media?: OutboundMedia[];
  link?: OutboundPart['link'];
}

async function uploadImage(api: BlueskyClient, m: OutboundMedia): Promise<BlobRef> {
  return api.uploadBlob(m.bytes, m.mimeType);
}

/** Builds a post record: text, facets, the reply refs, one embed (images win over a link card), languages. */
async function postRecord(api: BlueskyClient, ctx: ConnectorContext, p: PostContent, extra: { reply?: { root: StrongRef; parent: StrongRef }; language?: string }) {
  const record: Record<string, unknown> = { $type: POST, text: p.text, createdAt: ctx.now().toISOString() };
  const facets = await buildFacets(p.text, (h) => api.resolveHandle(h));
  if (facets.length) record.facets = facets;
  if (extra.reply) record.reply = { root: strong(extra.reply.root), parent: strong(extra.reply.parent) };
  if (extra.language) record.langs = [extra.language];
  const images = (p.media ?? []).filter((m) => m.kind === 'image');
  if (images.length) {
    const out = [];
    for (const m of images) {
      const size = imageSize(m.bytes);
      out.push({ image: await uploadImage(api, m), alt: m.altText ?? '', ...(size ? { aspectRatio: size } : {}) });
    }
    record.embed = { $type: 'app.bsky.embed.images', images: out };
  } else if (p.link) {
    record.embed = await linkCardEmbed(p.link, { fetchUntrusted: ctx.fetchUntrusted, log: ctx.log, upload: (m) => uploadImage(api, m) });
  }
  return record;
}

const strong = (r: StrongRef): StrongRef => ({ uri: r.uri, cid: r.cid });

function remoteRef(r: StrongRef, extra: Record<string, string> = {}): RemoteRef {
  const url = postUrl(r.uri);
  return { remoteId: r.uri, ...(url ? { url } : {}), extra: { cid: r.cid, ...extra } };
}

/** The post under `rkey` when it exists, else one written now from `build()`. */
async function ensurePost(api: BlueskyClient, rkey: string, build: () => Promise<Record<string, unknown>>): Promise<StrongRef> {
  const existing = await api.getRecord(POST, rkey);
  if (existing) return strong(existing);
  return api.createRecord(POST, rkey, await build());
}

/**
 * Publishes a variant as one post or a thread (each part a reply to the previous, all with the first as root).
 * Idempotent: part i lives under a record key derived from (idempotencyKey, i); parts that already exist are
 * reused, so a retry after a crash completes the thread without posting anything twice. The first part's ref
 * lists the other parts' URIs in `extra.threadUris` (space-separated) so that a delete removes the whole thread.
 */
export async function publishVariant(ctx: ConnectorContext, variant: OutboundVariant): Promise<PublishResult> {
  if (variant.parts.length === 0) throw new ConnectorError('rejected', 'There is nothing to publish.');
  const api = new BlueskyClient(ctx);
  const refs: StrongRef[] = [];
  for (const [i, part] of variant.parts.entries()) {
    const reply = i === 0 ? undefined : { root: refs[0], parent: refs[i - 1] };
    refs.push(await ensurePost(api, recordKeyFor(variant.idempotencyKey, i), () => postRecord(api, ctx, part, { reply, language: variant.language })));
  }
  const threadUris = refs.slice(1).map((r) => r.uri).join(' ');
  const parts = refs.map((r, i) => remoteRef(r, i === 0 && threadUris ? { threadUris } : {}));
  return { status: 'published', remote: parts[0], parts };
}

/** The first post published under `idempotencyKey` (with the thread's other parts in `extra.threadUris`), or null. */
export async function findPublishedPost(ctx: ConnectorContext, idempotencyKey: string): Promise<RemoteRef | null> {
  const api = new BlueskyClient(ctx);
  const first = await api.getRecord(POST, recordKeyFor(idempotencyKey, 0));
  if (!first) return null;
  const rest: string[] = [];
  for (let i = 1; i < MAX_THREAD_PARTS; i++) {
    const next = await api.getRecord(POST, recordKeyFor(idempotencyKey, i));
    if (!next) break;
    rest.push(next.uri);
  }
  return remoteRef(first, rest.length ? { threadUris: rest.join(' ') } : {});
}

/**
 * Replies to an inbound item: a post whose parent is the item and whose root is the item's thread root (from its
 * `replyRef`; looked up with getPosts when an item lacks it). Idempotent on the reply's key like publish.
 */
export async function replyTo(ctx: ConnectorContext, reply: OutboundReply): Promise<RemoteRef> {
  const api = new BlueskyClient(ctx);
  let { rootUri, rootCid, parentUri, parentCid } = reply.inReplyTo.replyRef ?? {};
  if (!rootUri || !rootCid || !parentUri || !parentCid) {
    const found = await api.get<{ posts: Array<{ uri: string; cid: string; record?: { reply?: { root?: StrongRef } } }> }>('app.bsky.feed.getPosts', { uris: [reply.inReplyTo.remoteId] });
    const post = found.posts?.[0];
    if (!post) throw new ConnectorError('rejected', 'The post to reply to no longer exists on Bluesky.', { platformCode: 'NotFound' });
    parentUri = post.uri;
    parentCid = post.cid;
    rootUri = post.record?.reply?.root?.uri ?? post.uri;
    rootCid = post.record?.reply?.root?.cid ?? post.cid;
  }
  const refs = { root: { uri: rootUri, cid: rootCid }, parent: { uri: parentUri, cid: parentCid } };
  const made = await ensurePost(api, recordKeyFor(reply.idempotencyKey, 0), () => postRecord(api, ctx, { text: reply.text, media: reply.media }, { reply: refs }));
  return remoteRef(made);
}

/**
 * Deletes a published post and, for a thread's first post, the other parts listed in `extra.threadUris` (last
 * first). Only this account's own posts; deleting what is already gone succeeds.
 */
export async function deletePost(ctx: ConnectorContext, ref: RemoteRef): Promise<void> {
  const api = new BlueskyClient(ctx);
  const uris = [ref.remoteId, ...(ref.extra?.threadUris ?? '').split(' ').filter(Boolean)];
  const targets = uris.map((u) => ({ uri: u, at: parseAtUri(u) }));
  for (const t of targets) {
    if (!t.at || t.at.collection !== POST) throw new ConnectorError('rejected', `Not a Bluesky post: ${t.uri}`);
    if (t.at.repo !== api.did) throw new ConnectorError('rejected', 'Only this account’s own posts can be deleted.', { platformReason: t.uri });
  }
  for (const t of targets.reverse()) await api.deleteRecord(POST, t.at!.rkey);
}
