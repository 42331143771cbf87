/** Link cards (app.bsky.embed.external): the page's title, description and image, read only when not given. */
import type { ConnectorLog, HttpFetch, OutboundMedia, OutboundPart } from '../types';
import type { BlobRef } from './bluesky.api';

/** What a page says about itself for a card. */
export interface PageMeta {
  title?: string;
  description?: string;
  imageUrl?: string;
}

/** An app.bsky.embed.external value as stored in a post record. */
export interface ExternalEmbed {
  $type: 'app.bsky.embed.external';
  external: { uri: string; title: string; description: string; thumb?: BlobRef };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(s: string): string {
  return s
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
      if (e[0] === '#') {
        const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
      }
      return ENTITIES[e.toLowerCase()] ?? all;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z:-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/g)) out[m[1].toLowerCase()] = m[3] ?? m[4] ?? m[5] ?? '';
  return out;
}

/**
 * Reads a page's card data from its HTML: Open Graph title/description/image, else `<title>` and the description
 * meta tag; the image URL resolved against the page URL (http/https only). Pure; never runs scripts.
 */
export function parsePageMeta(html: string, pageUrl: string): PageMeta {
  const head = html.slice(0, 200_000);
  const meta: Record<string, string> = {};
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const a = attrs(m[0]);
    const key = (a.property ?? a.name ?? '').toLowerCase();
    if (key && a.content !== undefined && !(key in meta)) meta[key] = decode(a.content);
  }
  const titleTag = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(head)?.[1];
  const out: PageMeta = {};
  const title = meta['og:title'] || meta['twitter:title'] || (titleTag ? decode(titleTag) : '');
  const description = meta['og:description'] || meta['twitter:description'] || meta.description || '';
  if (title) out.title = title.slice(0, 300);
  if (description) out.description = description.slice(0, 1000);
  const image = meta['og:image'] || meta['og:image:url'] || meta['twitter:image'];
  if (image) {
    try {
      const u = new URL(image, pageUrl);
      if (u.protocol === 'http:' || u.protocol === 'https:') out.imageUrl = u.toString();
    } catch {
      // not a usable address: no image
    }
  }
  return out;
}

/** Fetches a page through the guarded fetch and reads its card data; any failure gives no data (logged). */
export async function fetchPageMeta(fetchUntrusted: HttpFetch, url: string, log: ConnectorLog): Promise<PageMeta> {
  try {
    const res = await fetchUntrusted(url, { headers: { accept: 'text/html' }, timeoutMs: 8000, maxBytes: 1_000_000 });
    if (!res.ok || !/html/i.test(res.headers.get('content-type') ?? 'text/html')) return {};
    return parsePageMeta(await res.text(), url);
  } catch (err) {
    log.warn({ url, err: (err as Error).message }, 'link card: the page could not be read');
    return {};
  }
}

/** Fetches a card image through the guarded fetch: an image of at most 1 MB, else nothing. */
export async function fetchCardImage(fetchUntrusted: HttpFetch, url: string, log: ConnectorLog): Promise<OutboundMedia | null> {
  try {
    const res = await fetchUntrusted(url, { timeoutMs: 8000, maxBytes: 1_000_000 });
    const mimeType = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (!res.ok || !mimeType.startsWith('image/')) return null;
    return { kind: 'image', mimeType, bytes: new Uint8Array(await res.arrayBuffer()) };
  } catch (err) {
    log.warn({ url, err: (err as Error).message }, 'link card: the image could not be read');
    return null;
  }
}

/**
 * The external embed for a part's link. Given a title, it uses the given title/description/thumb and fetches
 * nothing; without one it reads the page through `fetchUntrusted` (which refuses private and loopback targets) and
 * falls back to the URL itself as title when the page cannot be read.
 */
export async function linkCardEmbed(
  link: NonNullable<OutboundPart['link']>,
  deps: { fetchUntrusted: HttpFetch; log: ConnectorLog; upload: (m: OutboundMedia) => Promise<BlobRef> },
): Promise<ExternalEmbed> {
  let { title, description } = link;
  let thumb = link.thumb ?? null;
  if (!title) {
    const meta = await fetchPageMeta(deps.fetchUntrusted, link.url, deps.log);
    title = meta.title || link.url;
    description ??= meta.description;
    if (!thumb && meta.imageUrl) thumb = await fetchCardImage(deps.fetchUntrusted, meta.imageUrl, deps.log);
  }
  const external: ExternalEmbed['external'] = { uri: link.url, title, description: description ?? '' };
  if (thumb) external.thumb = await deps.upload(thumb);
  return { $type: 'app.bsky.embed.external', external };
}
