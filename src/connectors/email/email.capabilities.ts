/**
 * What the mailbox channel can do: answer e-mail (replies) and receive it (polling, plus IDLE through `watch`).
 * It does not publish: a mailbox has no public timeline. Replies are plain text up to 100 000 characters (UTF-16 units).
 */
import type { Capabilities } from '../types';

/** Replies and inbound e-mail only; no publishing, media, threads, polls or metrics. */
export const emailCapabilities: Capabilities = {
  // E-mail has no character limit of its own; this is a sanity bound. Counted in UTF-16 units: grapheme counting
  // (Intl.Segmenter) is quadratic on Node 20 and takes seconds at this length.
  text: { maxLength: 100_000, counting: 'utf16' },
  media: null,
  threads: false,
  polls: null,
  linkCards: false,
  firstComment: false,
  replies: true,
  directMessages: false,
  deletes: false,
  metrics: [],
  inbound: { poll: true, webhook: false, kinds: ['email'] },
};
