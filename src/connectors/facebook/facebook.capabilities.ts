/** What a Facebook Page can take, and the Page-specific checks. Pure and browser-safe (the composer uses it). */
import { countText } from '../text';
import type { Capabilities, OutboundVariant, ValidationFinding } from '../types';
import { validateAgainstCapabilities } from '../validate';

/** Longest comment Facebook accepts (first comment, comment replies). */
export const FACEBOOK_COMMENT_MAX = 8000;
/** Longest Messenger text message. */
export const MESSENGER_TEXT_MAX = 2000;

/** A Page post: long text, a link card or up to 10 photos (no video yet), a first comment; comments and Messenger inbound by webhook. */
export const facebookCapabilities: Capabilities = {
  text: { maxLength: 63_206, counting: 'graphemes' },
  media: {
    kinds: ['image'],
    maxCount: 10,
    maxBytes: { image: 4_000_000 },
    // Meta documents no limit for `alt_text_custom`; Regie caps it so screen-reader text stays readable.
    altText: { supported: true, maxLength: 1000 },
    mimeTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp', 'image/tiff', 'image/heif'],
  },
  threads: false,
  polls: null,
  linkCards: true,
  firstComment: true,
  replies: true,
  directMessages: true,
  deletes: true,
  metrics: ['likes', 'replies', 'shares', 'clicks', 'impressions', 'views'],
  inbound: { poll: false, webhook: true, kinds: ['comment', 'direct_message'] },
};

/**
 * The shared checks plus Facebook's own: a link card is not shown next to photos (warning), and a first comment
 * must fit Facebook's comment limit. Pure: the same verdict in the browser and on the server.
 */
export function validateFacebook(v: OutboundVariant): ValidationFinding[] {
  const out = validateAgainstCapabilities(facebookCapabilities, v, 'Facebook');
  v.parts.forEach((p, part) => {
    if (p.link && p.media?.length) {
      out.push({ code: 'link_card_with_photos', message: 'Facebook shows the photos, not a link card; the link only works if it is also in the text.', severity: 'warning', part });
    }
  });
  if (v.firstComment && countText(v.firstComment, 'graphemes') > FACEBOOK_COMMENT_MAX) {
    out.push({ code: 'first_comment_too_long', message: `A Facebook comment may be at most ${FACEBOOK_COMMENT_MAX} characters.`, severity: 'error' });
  }
  return out;
}
