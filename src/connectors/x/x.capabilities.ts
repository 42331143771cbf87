import type { Capabilities } from '../types';

/** The X API v2 host; every platform call goes here (tests point ctx.fetch at a local spec mock instead). */
export const X_API = 'https://api.x.com';
/** Where a person is sent to allow Regie on their X account. */
export const X_AUTHORIZE_URL = 'https://x.com/i/oauth2/authorize';
/** OAuth 2.0 token endpoint (code exchange and refresh; refresh tokens rotate on every use). */
export const X_TOKEN_URL = `${X_API}/2/oauth2/token`;
/** What Regie asks for: read and write posts, read the account, stay signed in (refresh token), upload media. */
export const X_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'offline.access', 'media.write'];

/** Poll limits of X: 2–4 options of at most 25 characters, open 5 minutes to 7 days (whole minutes). */
export const X_POLL = { maxOptions: 4, maxOptionLength: 25, minDurationSeconds: 5 * 60, maxDurationSeconds: 10_080 * 60 };

/**
 * What an X account can do through Regie: 280 weighted characters (a URL counts 23), up to 4 images or one
 * video or GIF with alt text (1000), threads (a reply chain), polls, replies, deletes; no first comment (a thread's
 * second post is not one), no direct messages. Metrics from `public_metrics`.
 */
export const xCapabilities: Capabilities = {
  text: { maxLength: 280, counting: 'x-weighted' },
  media: {
    kinds: ['image', 'gif', 'video'],
    maxCount: 4,
    maxBytes: { image: 5 * 1024 * 1024, gif: 15 * 1024 * 1024, video: 512 * 1024 * 1024 },
    altText: { supported: true, maxLength: 1000 },
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'video/mp4', 'video/quicktime'],
  },
  threads: true,
  polls: X_POLL,
  linkCards: true,
  firstComment: false,
  replies: true,
  directMessages: false,
  deletes: true,
  metrics: ['likes', 'reposts', 'replies', 'quotes', 'impressions'],
  inbound: { poll: true, webhook: false, kinds: ['mention', 'reply'] },
};
