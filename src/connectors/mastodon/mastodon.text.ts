/**
 * Mastodon's way of counting a status, as its server validates it (StatusLengthValidator) and its composer shows
 * it: every http(s) URL counts 23 characters whatever its length, a mention of a remote account counts only
 * `@username` (the `@domain` part is free), and the rest is counted in grapheme clusters. Pure.
 */
import { graphemeLength } from '../text';
import type { OutboundPart } from '../types';
import { MASTODON_CHARACTERS_PER_URL } from './mastodon.capabilities';

// A URL starts after the start of text or a character that cannot glue to it (not a letter, digit, @, $ or #).
const URL_CANDIDATE = /(^|[^\p{L}\p{N}_@＠$#＃])(https?:\/\/[^\s<>"]+)/giu;
const HOST = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}_-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;
const MENTION = /(?<![=/\p{L}\p{N}_])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@[\p{L}\p{N}_]+(?:[.-]+[\p{L}\p{N}_]+)*)?/giu;
const TRAILING = new Set(['.', ',', ':', ';', '!', '?', "'", '"', '*', '…']);

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

/** Drops punctuation that ends a sentence rather than the URL, keeping balanced brackets (Wikipedia-style paths). */
function trimUrl(url: string): string {
  let u = url;
  for (;;) {
    const last = u[u.length - 1];
    if (TRAILING.has(last)) u = u.slice(0, -1);
    else if (last === ')' && count(u, '(') < count(u, ')')) u = u.slice(0, -1);
    else if (last === ']' && count(u, '[') < count(u, ']')) u = u.slice(0, -1);
    else return u;
  }
}

/** The host part of a URL candidate, or null when it is not a plausible domain (`http://foo` is not a link). */
function hostOf(url: string): string | null {
  const rest = url.replace(/^https?:\/\//i, '');
  const host = rest.split(/[/?#:]/, 1)[0];
  return HOST.test(host) ? host : null;
}

/** The URLs Mastodon would turn into links in `text`, with their UTF-16 offsets. */
export function findUrls(text: string): Array<{ url: string; start: number; end: number }> {
  const out: Array<{ url: string; start: number; end: number }> = [];
  for (const m of text.matchAll(URL_CANDIDATE)) {
    const url = trimUrl(m[2]);
    if (!hostOf(url)) continue;
    const start = m.index! + m[1].length;
    out.push({ url, start, end: start + url.length });
  }
  return out;
}

/** The text Mastodon actually counts: URLs replaced by 23 placeholder characters, remote mentions without domain. */
export function countableText(text: string): string {
  let out = '';
  let at = 0;
  for (const u of findUrls(text)) {
    out += text.slice(at, u.start) + 'x'.repeat(MASTODON_CHARACTERS_PER_URL);
    at = u.end;
  }
  out += text.slice(at);
  return out.replace(MENTION, '@$1');
}

/** Length of a status (plus its content warning, which Mastodon counts too) in Mastodon's own counting. */
export function mastodonLength(text: string, spoilerText = ''): number {
  return graphemeLength(countableText(text) + countableText(spoilerText));
}

/** The text a part is posted with: when a link is given but not in the text, it is appended (the instance builds the card). */
export function partText(part: OutboundPart): string {
  const url = part.link?.url;
  if (!url || part.text.includes(url)) return part.text;
  return part.text.trim() ? `${part.text.trimEnd()}\n\n${url}` : url;
}
