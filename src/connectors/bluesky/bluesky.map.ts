/** Bluesky JSON → Regie shapes: notifications to inbound items, post views to metrics, and the poll cursor. */
import type { InboundItem, InboundKind, MetricValues } from '../types';
import { postUrl } from './bluesky.rkey';

interface Ref {
  uri?: unknown;
  cid?: unknown;
}

/** The parts of app.bsky.notification.listNotifications#notification that Regie reads. */
export interface BskyNotification {
  uri: string;
  cid: string;
  author: { did: string; handle?: string; displayName?: string; avatar?: string };
  reason: string;
  reasonSubject?: string;
  record: { text?: unknown; createdAt?: unknown; reply?: { root?: Ref; parent?: Ref }; embed?: unknown; [k: string]: unknown };
  indexedAt: string;
}

/** The counters of app.bsky.feed.defs#postView. */
export interface BskyPostView {
  uri: string;
  cid: string;
  likeCount?: number;
  repostCount?: number;
  replyCount?: number;
  quoteCount?: number;
  record?: BskyNotification['record'];
}

const INBOUND_REASONS: Record<string, InboundKind> = { mention: 'mention', reply: 'reply', quote: 'quote' };
/** The notification reasons Regie takes in. */
export const INBOUND_REASON_LIST = Object.keys(INBOUND_REASONS);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const validDate = (v: unknown): string | undefined => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : undefined);

function attachmentsOf(embed: unknown): InboundItem['attachments'] {
  const e = embed as { $type?: string; images?: Array<{ alt?: unknown; image?: { mimeType?: unknown; size?: unknown } }>; media?: unknown } | undefined;
  if (!e || typeof e !== 'object') return undefined;
  if (e.$type === 'app.bsky.embed.recordWithMedia') return attachmentsOf(e.media);
  if (e.$type !== 'app.bsky.embed.images' || !Array.isArray(e.images)) return undefined;
  return e.images.map((img, i) => ({
    name: str(img.alt) ?? `image ${i + 1}`,
    mimeType: str(img.image?.mimeType) ?? 'application/octet-stream',
    size: typeof img.image?.size === 'number' ? img.image.size : 0,
  }));
}

/**
 * One notification as an inbound item, or null for reasons Regie does not take in (likes, follows, reposts). The
 * thread is the reply chain's root (the post itself when it starts one); `replyRef` holds what a reply to this item
 * needs: the root and, as parent, this post (uri + cid). `fromSelf` when our own DID wrote it.
 */
export function notificationToItem(n: BskyNotification, selfDid: string): InboundItem | null {
  const kind = INBOUND_REASONS[n.reason];
  if (!kind || !n.uri || !n.cid || !n.author?.did) return null;
  const reply = n.record?.reply;
  const rootUri = str(reply?.root?.uri);
  const rootCid = str(reply?.root?.cid);
  const parentUri = str(reply?.parent?.uri);
  const threadRoot = rootUri && rootCid ? { uri: rootUri, cid: rootCid } : { uri: n.uri, cid: n.cid };
  const author: InboundItem['author'] = { remoteId: n.author.did };
  if (n.author.handle) author.handle = n.author.handle;
  if (n.author.displayName) author.displayName = n.author.displayName;
  if (n.author.avatar) author.avatarUrl = n.author.avatar;
  const item: InboundItem = {
    remoteId: n.uri,
    kind,
    threadRemoteId: threadRoot.uri,
    author,
    text: typeof n.record?.text === 'string' ? n.record.text : '',
    createdAt: validDate(n.indexedAt) ?? validDate(n.record?.createdAt) ?? new Date(0).toISOString(),
    replyRef: { rootUri: threadRoot.uri, rootCid: threadRoot.cid, parentUri: n.uri, parentCid: n.cid },
  };
  if (parentUri) item.inReplyToRemoteId = parentUri;
  const url = postUrl(n.uri);
  if (url) item.url = url;
  const attachments = attachmentsOf(n.record?.embed);
  if (attachments?.length) item.attachments = attachments;
  if (n.author.did === selfDid) item.fromSelf = true;
  return item;
}

/** The metrics of a post view: likes, reposts, replies, quotes (a counter the view lacks is unsupported: null). */
export function postMetrics(p: BskyPostView): MetricValues {
  const n = (v: unknown) => (typeof v === 'number' && v >= 0 ? v : null);
  return { likes: n(p.likeCount), reposts: n(p.repostCount), replies: n(p.replyCount), quotes: n(p.quoteCount) };
}

/** Where a poll continues: the newest indexedAt seen and the notifications seen at exactly that moment. */
export interface PollCursor {
  at: string;
  uris: string[];
}

/** Reads a cursor written by {@link formatCursor}; anything else (or null) means "from the beginning". */
export function parseCursor(cursor: string | null): PollCursor | null {
  if (!cursor) return null;
  try {
    const c = JSON.parse(cursor) as PollCursor;
    if (typeof c.at === 'string' && !Number.isNaN(Date.parse(c.at)) && Array.isArray(c.uris)) return { at: c.at, uris: c.uris.filter((u) => typeof u === 'string') };
  } catch {
    // an older or foreign cursor: start over (the caller dedupes by remote id)
  }
  return null;
}

/** The cursor string to store. */
export function formatCursor(c: PollCursor): string {
  return JSON.stringify(c);
}

/** Whether a notification indexed at `indexedAt` with `uri` is new after cursor `c`. */
export function isAfter(c: PollCursor | null, indexedAt: string, uri: string): boolean {
  if (!c) return true;
  const t = Date.parse(indexedAt);
  const at = Date.parse(c.at);
  return t > at || (t === at && !c.uris.includes(uri));
}

/** The cursor after seeing `seen` (any order) on top of `prev`. */
export function advanceCursor(prev: PollCursor | null, seen: Array<{ uri: string; indexedAt: string }>): PollCursor | null {
  let c = prev;
  for (const s of seen) {
    const t = Date.parse(s.indexedAt);
    if (Number.isNaN(t)) continue;
    if (!c || t > Date.parse(c.at)) c = { at: s.indexedAt, uris: [s.uri] };
    else if (t === Date.parse(c.at) && !c.uris.includes(s.uri)) c = { at: c.at, uris: [...c.uris, s.uri] };
  }
  return c;
}
