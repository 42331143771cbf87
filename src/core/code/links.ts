/**
 * Links in a text and the domains they go to: full URLs, "www." addresses and bare domains with a common
 * top-level domain in lowercase ("Gemeente.nl/afval"), compared against allow and deny lists where a subdomain matches its parent.
 */

export interface LinkHit {
  url: string;
  host: string;
  /** Offsets into the text; absent for links given outside the text. */
  start?: number;
  end?: number;
}

const COMMON_TLDS =
  'nl|be|com|org|net|eu|de|fr|uk|io|co|info|app|dev|gov|edu|me|tv|ly|ai|frl|amsterdam|brussels|online|site|shop|nu|biz|us|ca|es|it|ch|at|se|dk|pl|xyz|link|news|social|gl|to|gd|sr|cw|aw';
const LINK_RE = new RegExp(
  `[hH][tT][tT][pP][sS]?://[^\\s<>"'\`]+|(?<![\\p{L}\\p{N}@._/-])(?:[wW]{3}\\.[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+|(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?\\.)+(?:${COMMON_TLDS})(?![\\p{L}\\p{N}-]))(?:[/?#][^\\s<>"'\`]*)?`,
  'gu',
);
const TRAILING = /[.,;:!?)\]}'"’”…]+$/;

function toAscii(host: string): string {
  if (/^[\x00-\x7f]*$/.test(host)) return host;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return host;
  }
}

/** The lowercase host of a URL or bare address ("https://user@Www.Example.nl:8080/x" → "www.example.nl"), or null. */
export function hostOf(url: string): string | null {
  let rest = url.trim();
  const scheme = rest.indexOf('://');
  if (scheme >= 0) rest = rest.slice(scheme + 3);
  else if (/^[a-z][a-z0-9+.-]*:/i.test(rest) && !/^[^:/]+:\d/.test(rest)) return null;
  const cut = rest.search(/[/?#]/);
  if (cut >= 0) rest = rest.slice(0, cut);
  const at = rest.lastIndexOf('@');
  if (at >= 0) rest = rest.slice(at + 1);
  rest = rest.replace(/:\d*$/, '').replace(/\.$/, '').toLowerCase();
  if (!rest || /\s/.test(rest)) return null;
  return toAscii(rest);
}

/** Every link in `text`, with its offsets; trailing punctuation is not part of a link. */
export function findLinks(text: string): LinkHit[] {
  const hits: LinkHit[] = [];
  if (!text.includes('.')) return hits;
  for (const m of text.matchAll(LINK_RE)) {
    const url = m[0].replace(TRAILING, '');
    const host = hostOf(url);
    if (host) hits.push({ url, host, start: m.index, end: m.index + url.length });
  }
  return hits;
}

const DOMAIN_RE = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/;

/** A domain as written in a list, normalized ("*.Example.com." → "example.com", "www.x.nl" → "x.nl"), or null. */
export function normalizeDomain(entry: string): string | null {
  let d = entry.trim().toLowerCase().replace(/\.$/, '');
  if (d.startsWith('*.')) d = d.slice(2);
  if (d.startsWith('www.')) d = d.slice(4);
  d = toAscii(d);
  return DOMAIN_RE.test(d) ? d : null;
}

/** True when `host` is `domain` or one of its subdomains. */
export function underDomain(host: string, domain: string): boolean {
  return host === domain || (host.length > domain.length && host.endsWith(domain) && host[host.length - domain.length - 1] === '.');
}

/** Why a host may not be linked: 'denied' (on the deny list), 'not_allowed' (an allow list that lacks it), or null. */
export function domainProblem(host: string, allow: readonly string[], deny: readonly string[]): 'denied' | 'not_allowed' | null {
  if (deny.some((d) => underDomain(host, d))) return 'denied';
  if (allow.length > 0 && !allow.some((d) => underDomain(host, d))) return 'not_allowed';
  return null;
}
