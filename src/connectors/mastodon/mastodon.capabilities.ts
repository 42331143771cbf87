import type { AuthStrategy, Capabilities } from '../types';

/** OAuth scopes Regie asks a Mastodon instance for: reading the inbox and writing statuses and media. */
export const MASTODON_SCOPES = ['read', 'write'] as const;

/** Mastodon's default status length; instances may raise it (GET /api/v2/instance `configuration.statuses.max_characters`). */
export const MASTODON_DEFAULT_MAX_CHARACTERS = 500;

/** Every http(s) URL counts this many characters, whatever its length (`characters_reserved_per_url`). */
export const MASTODON_CHARACTERS_PER_URL = 23;

/**
 * What a stock Mastodon instance (4.x defaults, docs.joinmastodon.org/entities/Instance/#configuration) accepts.
 * Static on purpose: the limits of one instance may be higher (more characters, options), never assumed here.
 * Text is counted the Mastodon way by `validate` (URLs as 23, remote mentions without their domain); the
 * `graphemes` declaration is the closest the shared contract offers.
 */
export const mastodonCapabilities: Capabilities = {
  text: { maxLength: MASTODON_DEFAULT_MAX_CHARACTERS, counting: 'graphemes' },
  media: {
    kinds: ['image', 'video', 'gif'],
    maxCount: 4,
    maxBytes: { image: 16 * 1024 * 1024, gif: 16 * 1024 * 1024, video: 99 * 1024 * 1024 },
    altText: { supported: true, maxLength: 1500 },
    mimeTypes: [
      'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'image/heif', 'image/avif',
      'video/mp4', 'video/webm', 'video/quicktime', 'video/ogg',
    ],
  },
  threads: true,
  // Mastodon's defaults: 4 options of 50 characters, from 5 minutes to 2629746 s (about a month).
  polls: { maxOptions: 4, maxOptionLength: 50, minDurationSeconds: 300, maxDurationSeconds: 2_629_746 },
  linkCards: false,
  firstComment: false,
  replies: true,
  directMessages: true,
  deletes: true,
  metrics: ['likes', 'reposts', 'replies'],
  inbound: { poll: true, webhook: false, kinds: ['mention', 'reply', 'direct_message'] },
};

/** Per-instance OAuth: Regie registers itself as an app on each instance, then runs an authorization-code flow with PKCE. */
export const mastodonAuth: AuthStrategy = { kind: 'oauth2-per-instance', scopes: [...MASTODON_SCOPES] };
