/** What an Instagram professional account can take, and Instagram's own checks. Pure and browser-safe. */
import { countText } from '../text';
import type { Capabilities, OutboundMedia, OutboundVariant, ValidationFinding } from '../types';
import { validateAgainstCapabilities } from '../validate';

export const INSTAGRAM_MAX_HASHTAGS = 30;
export const INSTAGRAM_MAX_MENTIONS = 20;
/** Longest Instagram comment (first comment, replies). */
export const INSTAGRAM_COMMENT_MAX = 2200;

/**
 * Instagram fetches every image itself from a public address ("we cURL media used in publishing attempts"); it
 * cannot take uploaded bytes. Until the contract carries such an address, the connector reads it from an extra
 * `publicUrl` on each OutboundMedia (the host serves the variant's bytes at an unguessable, expiring public URL
 * and sets it). Without it, publish is refused with `rejected` / platformCode `media_url_required`.
 */
export type InstagramMedia = OutboundMedia & { publicUrl?: string };

/** A feed post: 1–10 JPEG photos (a carousel from 2), a 2200-character caption, a first comment; no deletes by API. */
export const instagramCapabilities: Capabilities = {
  text: { maxLength: 2200, counting: 'graphemes' },
  media: {
    kinds: ['image'],
    maxCount: 10,
    maxBytes: { image: 8_000_000 },
    // `alt_text` on image containers (since 2025); Meta documents no limit, Regie caps it.
    altText: { supported: true, maxLength: 1000 },
    mimeTypes: ['image/jpeg'],
  },
  threads: false,
  polls: null,
  linkCards: false,
  firstComment: true,
  replies: true,
  directMessages: true,
  deletes: false,
  metrics: ['likes', 'replies', 'shares', 'saves', 'views', 'impressions'],
  inbound: { poll: false, webhook: true, kinds: ['comment', 'direct_message'] },
};

const HASHTAG_RE = /(^|[^\p{L}\p{N}_&])#[\p{L}\p{N}_]+/gu;
const MENTION_RE = /(^|[^\p{L}\p{N}_.@])@[A-Za-z0-9_.]+/gu;
const URL_RE = /\bhttps?:\/\/\S+/i;

/** Number of #hashtags in `text` as Instagram counts them. Pure. */
export function countHashtags(text: string): number {
  return [...text.matchAll(HASHTAG_RE)].length;
}

/** Number of @mentions in `text`. Pure. */
export function countMentions(text: string): number {
  return [...text.matchAll(MENTION_RE)].length;
}

/**
 * The shared checks plus Instagram's: every post needs at least one image (Instagram has no text-only posts),
 * at most 30 hashtags and 20 @mentions in the caption, a first comment within the comment limit; links in a
 * caption are not clickable (warning). Pure: the same verdict in the browser and on the server.
 */
export function validateInstagram(v: OutboundVariant): ValidationFinding[] {
  const out = validateAgainstCapabilities(instagramCapabilities, v, 'Instagram');
  v.parts.forEach((p, part) => {
    if (!p.media?.length) out.push({ code: 'media_required', message: 'An Instagram post needs at least one photo.', severity: 'error', part });
    const tags = countHashtags(p.text);
    if (tags > INSTAGRAM_MAX_HASHTAGS) out.push({ code: 'too_many_hashtags', message: `${tags} hashtags; Instagram allows at most ${INSTAGRAM_MAX_HASHTAGS}.`, severity: 'error', part });
    const mentions = countMentions(p.text);
    if (mentions > INSTAGRAM_MAX_MENTIONS) out.push({ code: 'too_many_mentions', message: `${mentions} @mentions; Instagram allows at most ${INSTAGRAM_MAX_MENTIONS}.`, severity: 'error', part });
    if (p.link || URL_RE.test(p.text)) out.push({ code: 'links_not_clickable', message: 'Links in an Instagram caption are not clickable; mention "link in bio" or use the first comment.', severity: 'warning', part });
  });
  if (v.firstComment) {
    if (countText(v.firstComment, 'graphemes') > INSTAGRAM_COMMENT_MAX) out.push({ code: 'first_comment_too_long', message: `An Instagram comment may be at most ${INSTAGRAM_COMMENT_MAX} characters.`, severity: 'error' });
    const tags = countHashtags(v.firstComment);
    if (tags > INSTAGRAM_MAX_HASHTAGS) out.push({ code: 'too_many_hashtags', message: `${tags} hashtags in the first comment; Instagram allows at most ${INSTAGRAM_MAX_HASHTAGS}.`, severity: 'error' });
  }
  return out;
}
