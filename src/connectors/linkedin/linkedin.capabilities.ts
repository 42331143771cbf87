import type { Capabilities } from '../types';

/** LinkedIn's versioned REST API host (`/rest/...`). */
export const LINKEDIN_API = 'https://api.linkedin.com';
/** The Marketing API version Regie speaks (`LinkedIn-Version: YYYYMM`); LinkedIn sunsets a version after about a year. */
export const LINKEDIN_VERSION = '202605';
/** Where a person is sent to allow Regie on their LinkedIn pages. */
export const LINKEDIN_AUTHORIZE_URL = 'https://www.linkedin.com/oauth/v2/authorization';
/** Token endpoint (code exchange; refresh for apps LinkedIn granted refresh tokens). */
export const LINKEDIN_TOKEN_URL = 'https://www.linkedin.com/oauth/v2/accessToken';
/** Post, comment and read as the organization; read the page's statistics and who administers it. */
export const LINKEDIN_SCOPES = ['w_organization_social', 'r_organization_social', 'rw_organization_admin'];
/** Largest image Regie uploads to LinkedIn, in bytes (the app's own limit; LinkedIn limits pixels, 36 MP). */
export const LINKEDIN_MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/**
 * What a LinkedIn organization page can do through Regie: 3000 characters (counted in UTF-16 units, as LinkedIn
 * does), one link (article) or up to 20 images with alt text, replies to comments, deletes, page statistics.
 * No threads, polls (not offered yet), first comment or direct messages. Inbound: comments on recent posts.
 */
export const linkedinCapabilities: Capabilities = {
  text: { maxLength: 3000, counting: 'utf16' },
  media: {
    kinds: ['image', 'gif'],
    maxCount: 20,
    maxBytes: { image: LINKEDIN_MAX_IMAGE_BYTES, gif: LINKEDIN_MAX_IMAGE_BYTES },
    altText: { supported: true, maxLength: 4086 },
    mimeTypes: ['image/jpeg', 'image/png', 'image/gif'],
  },
  threads: false,
  polls: null,
  linkCards: true,
  firstComment: false,
  replies: true,
  directMessages: false,
  deletes: true,
  metrics: ['likes', 'replies', 'shares', 'clicks', 'impressions'],
  inbound: { poll: true, webhook: false, kinds: ['comment'] },
};
