/**
 * UTM tags on links in posts, so that visits from social media show up per channel and campaign in the
 * organization's web statistics. Pure string work: the link is otherwise left exactly as the author wrote it.
 */

export interface UtmTags {
  source: string;
  medium: string;
  campaign?: string;
  content?: string;
}

const ABSOLUTE_HTTP = /^https?:\/\//i;

/** True for an absolute http(s) URL with a host (`https://a.nl/x`); false for relative, other-scheme or broken ones. */
export function isHttpUrl(url: string): boolean {
  if (!ABSOLUTE_HTTP.test(url)) return false;
  try {
    return new URL(url).hostname !== '';
  } catch {
    return false;
  }
}

function existingKeys(query: string): Set<string> {
  const keys = new Set<string>();
  try {
    for (const key of new URLSearchParams(query).keys()) keys.add(key.toLowerCase());
  } catch {
    // A malformed query cannot be read; then no tag counts as present.
  }
  return keys;
}

/**
 * `url` with `utm_source`, `utm_medium` and (when given) `utm_campaign` and `utm_content` added to its query, in that
 * order. The existing query and fragment are kept byte for byte; a utm_* parameter the link already has (in any
 * letter case) is not touched, and empty tag values are left out. Anything that is not an absolute http(s) URL is
 * returned unchanged. Never throws.
 */
export function withUtm(url: string, tags: UtmTags): string {
  if (typeof url !== 'string' || !isHttpUrl(url)) return url;
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : url.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  const query = queryAt === -1 ? '' : beforeHash.slice(queryAt + 1);
  const present = existingKeys(query);

  const wanted: Array<[string, string | undefined]> = [
    ['utm_source', tags.source],
    ['utm_medium', tags.medium],
    ['utm_campaign', tags.campaign],
    ['utm_content', tags.content],
  ];
  const added = wanted
    .map(([key, value]) => [key, typeof value === 'string' ? value.trim() : ''] as const)
    .filter(([key, value]) => value !== '' && !present.has(key))
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  if (added.length === 0) return url;

  const joiner = queryAt === -1 ? '?' : query === '' || query.endsWith('&') ? '' : '&';
  return `${beforeHash}${joiner}${added.join('&')}${fragment}`;
}

const KNOWN_SOURCES: Record<string, string> = {
  bluesky: 'bluesky',
  mastodon: 'mastodon',
  facebook: 'facebook',
  instagram: 'instagram',
  linkedin: 'linkedin',
  whatsapp: 'whatsapp',
  email: 'email',
  webform: 'website',
  sandbox: 'sandbox',
  x: 'twitter',
};

/**
 * The `utm_source` for links posted on a channel of this kind. X is tagged `twitter`: web statistics tools have long
 * classified that source as social media, while a bare `x` is easily lumped under "other". The website channel is
 * `website`. Kinds Regie does not know are lowercased and reduced to letters, digits, `-` and `_` (`unknown` when
 * nothing is left).
 */
export function utmSourceFor(channelKind: string): string {
  const kind = String(channelKind ?? '').trim().toLowerCase();
  if (Object.hasOwn(KNOWN_SOURCES, kind)) return KNOWN_SOURCES[kind];
  const cleaned = kind.replace(/[^a-z0-9_-]+/g, '');
  return cleaned === '' ? 'unknown' : cleaned;
}
