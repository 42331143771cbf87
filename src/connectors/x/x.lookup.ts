/**
 * Finding what Regie already published on X. X has no idempotency key, so an earlier publish is recognised by
 * its text among the account's recent posts. Limits (by design, documented for the gate):
 * - only the newest 100 posts of the account (GET /2/users/:id/tweets) inside the look-back window are searched;
 * - text is compared after normalising what X changes (links become t.co, `&<>` come back HTML-escaped, leading
 *   @mentions of replies, white space), so two posts that differ only in a link target look the same;
 * - the same text published on purpose within the window is taken for the earlier post (X itself refuses
 *   duplicate content, so such a second post would fail anyway).
 */
import type { XApi } from './x.http';
import { compareIds, isTweetId, repliedTo, type XTweet } from './x.map';

/** How far back a publish looks for an earlier attempt when the caller does not say when it was. */
export const LOOKUP_WINDOW_MS = 24 * 60 * 60 * 1000;

const URL_RE = /\bhttps?:\/\/[^\s<>"]+/gi;

/** Text as X would hand it back, reduced to what survives the round trip. Pure. */
export function normalizeXText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(URL_RE, '\u0000')
    .replace(/\s+/g, ' ')
    .trim();
}

const stripLeadingMentions = (text: string) => text.replace(/^(?:\s*@\w{1,15})+\s*/, '');

/** True when a post fetched from X carries `ours` (the text Regie sent). Pure. */
export function sameXText(fetched: string, ours: string): boolean {
  const want = normalizeXText(ours);
  return normalizeXText(fetched) === want || normalizeXText(stripLeadingMentions(fetched)) === want;
}

/**
 * Which parts of a thread are already on X: the newest post whose text matches part 0 (not a reply, unless
 * `rootReplyTo` says it answers that post), then for each next part the post that replies to the previous one
 * with that part's text. Returns the ids found, in order: a prefix of the thread (empty when nothing). Pure.
 */
export function matchThread(tweets: XTweet[], texts: string[], rootReplyTo?: string): string[] {
  const newestFirst = [...tweets].filter((t) => isTweetId(t.id)).sort((a, b) => compareIds(b.id, a.id));
  const ids: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    const parent = i === 0 ? rootReplyTo : ids[i - 1];
    const hit = newestFirst.find((t) => repliedTo(t) === parent && sameXText(t.text ?? '', texts[i]));
    if (!hit) break;
    ids.push(hit.id);
  }
  return ids;
}

/** X wants RFC 3339 times without fractions. Pure. */
export const xTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The account's newest posts (up to 100, replies included, reposts left out) since `since`. */
export async function recentOwnTweets(api: XApi, userId: string, since: Date): Promise<XTweet[]> {
  const page = await api.get<{ data?: XTweet[] }>(`/2/users/${encodeURIComponent(userId)}/tweets`, {
    max_results: 100,
    exclude: 'retweets',
    start_time: xTime(since),
    'tweet.fields': 'created_at,conversation_id,referenced_tweets',
  });
  return page?.data ?? [];
}
