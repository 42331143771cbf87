/** Rich-text facets for Bluesky posts: links, mentions and hashtags found in plain text, with UTF-8 byte offsets. */

/** What a facet marks: a link, a mention (by DID) or a hashtag. */
export type FacetFeature =
  | { $type: 'app.bsky.richtext.facet#link'; uri: string }
  | { $type: 'app.bsky.richtext.facet#mention'; did: string }
  | { $type: 'app.bsky.richtext.facet#tag'; tag: string };

/** An app.bsky.richtext.facet: a UTF-8 byte range of the text and what it marks. */
export interface Facet {
  index: { byteStart: number; byteEnd: number };
  features: FacetFeature[];
}

/** A span found in the text, before mentions are resolved. `start`/`end` are UTF-16 offsets of `text`. */
export interface TextSpan {
  kind: 'link' | 'mention' | 'tag';
  start: number;
  end: number;
  /** The URL, the handle (lower case, without @) or the tag (without #). */
  value: string;
}

const URL_RE = /https?:\/\/[^\s<>"`]+/gi;
const HANDLE_RE = /@((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?)/gi;
const TAG_RE = /#([\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*)/gu;
const TRAILING = /[.,;:!?'"»”’]+$/;

function cleanUrl(raw: string): string {
  let url = raw.replace(TRAILING, '');
  // A closing bracket belongs to the URL only when the URL opened one ("(see https://x.test/a_(b))").
  while (url.endsWith(')') && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) url = url.slice(0, -1).replace(TRAILING, '');
  return url;
}

const startsWord = (text: string, at: number) => at === 0 || !/[\p{L}\p{N}_@./:]/u.test(text[at - 1]);

/**
 * Finds links (http/https), @mentions of handles (domain-shaped, e.g. `@alice.bsky.social`) and #hashtags in
 * `text`, without overlaps (a mention inside a URL is part of the URL), in text order. Pure.
 */
export function findSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const m of text.matchAll(URL_RE)) {
    if (!startsWord(text, m.index!)) continue;
    const url = cleanUrl(m[0]);
    try {
      const parsed = new URL(url);
      if (!parsed.hostname) continue;
    } catch {
      continue;
    }
    spans.push({ kind: 'link', start: m.index!, end: m.index! + url.length, value: url });
  }
  const free = (s: number, e: number) => !spans.some((o) => s < o.end && e > o.start);
  for (const m of text.matchAll(HANDLE_RE)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (startsWord(text, start) && free(start, end)) spans.push({ kind: 'mention', start, end, value: m[1].toLowerCase() });
  }
  for (const m of text.matchAll(TAG_RE)) {
    const start = m.index!;
    const end = start + m[0].length;
    if ((start === 0 || /\s/.test(text[start - 1])) && m[1].length <= 64 && free(start, end)) spans.push({ kind: 'tag', start, end, value: m[1] });
  }
  return spans.sort((a, b) => a.start - b.start);
}

const encoder = new TextEncoder();

/** The UTF-8 byte offset of UTF-16 offset `index` in `text`. */
export function byteOffset(text: string, index: number): number {
  return encoder.encode(text.slice(0, index)).byteLength;
}

/**
 * Facets for `text`: every link and tag, and every mention whose handle `resolve` turns into a DID (an unresolvable
 * handle gets no facet and stays plain text). Offsets count UTF-8 bytes, as the lexicon requires.
 */
export async function buildFacets(text: string, resolve: (handle: string) => Promise<string | null>): Promise<Facet[]> {
  const spans = findSpans(text);
  const dids = new Map<string, string | null>();
  for (const s of spans) if (s.kind === 'mention' && !dids.has(s.value)) dids.set(s.value, await resolve(s.value));
  const facets: Facet[] = [];
  for (const s of spans) {
    let feature: FacetFeature;
    if (s.kind === 'link') feature = { $type: 'app.bsky.richtext.facet#link', uri: s.value };
    else if (s.kind === 'tag') feature = { $type: 'app.bsky.richtext.facet#tag', tag: s.value };
    else {
      const did = dids.get(s.value);
      if (!did) continue;
      feature = { $type: 'app.bsky.richtext.facet#mention', did };
    }
    facets.push({ index: { byteStart: byteOffset(text, s.start), byteEnd: byteOffset(text, s.end) }, features: [feature] });
  }
  return facets;
}
