import type { Capabilities } from '../types';

/** Largest image Regie uploads to Bluesky, in bytes (the app's own limit; the lexicon allows more). */
export const BLUESKY_MAX_IMAGE_BYTES = 1_000_000;
/** A post record's text may hold at most this many UTF-8 bytes, besides the 300-grapheme limit. */
export const BLUESKY_MAX_TEXT_BYTES = 3000;

/**
 * What a Bluesky account can do through Regie: 300 graphemes, up to 4 images with alt text, threads (a reply
 * chain), link cards, replies, deletes; no polls, no first comment, no direct messages (chat is a separate service).
 */
export const blueskyCapabilities: Capabilities = {
  text: { maxLength: 300, counting: 'graphemes' },
  media: {
    kinds: ['image'],
    maxCount: 4,
    maxBytes: { image: BLUESKY_MAX_IMAGE_BYTES },
    altText: { supported: true, maxLength: 2000 },
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
  },
  threads: true,
  polls: null,
  linkCards: true,
  firstComment: false,
  replies: true,
  directMessages: false,
  deletes: true,
  metrics: ['likes', 'reposts', 'replies', 'quotes'],
  inbound: { poll: true, webhook: false, kinds: ['mention', 'reply', 'quote'] },
};
