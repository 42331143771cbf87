/**
 * Inbound text is hostile: it is rendered as text, and only http(s) URLs become links. Trailing punctuation that
 * usually closes a sentence or a bracket stays text.
 */

export type Segment = { type: 'text'; value: string } | { type: 'link'; value: string; href: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`{}|\\^]+/gi;
const TRAILING = /[.,;:!?'")\]}>]+$/;
const MAX_URL = 2048;

/** Splits text into text and http(s) link segments; concatenating the values gives the input back exactly. */
export function linkify(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_PATTERN)) {
    const start = m.index ?? 0;
    let url = m[0];
    const trail = TRAILING.exec(url);
    if (trail) url = url.slice(0, url.length - trail[0].length);
    if (url.length <= 'https://'.length || url.length > MAX_URL || !isHttpUrl(url)) continue;
    if (start > last) out.push({ type: 'text', value: text.slice(last, start) });
    out.push({ type: 'link', value: url, href: url });
    last = start + url.length;
  }
  if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
  return mergeText(out);
}

function isHttpUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

function mergeText(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const prev = out[out.length - 1];
    if (s.type === 'text' && prev?.type === 'text') out[out.length - 1] = { type: 'text', value: prev.value + s.value };
    else out.push(s);
  }
  return out;
}

/** Only http(s) URLs may become a link (e.g. a message's "view on the platform"); anything else gives null. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const u = url.trim();
  return /^https?:\/\//i.test(u) && isHttpUrl(u) ? u : null;
}

export type MentionSegment = { type: 'text'; value: string } | { type: 'mention'; value: string };

/**
 * Marks "@Full Name" mentions of known people in a note (longest name first, so "@Anna de Vries" wins over
 * "@Anna"); everything else stays text.
 */
export function splitMentions(body: string, names: string[]): MentionSegment[] {
  const sorted = [...new Set(names.map((n) => n.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const out: MentionSegment[] = [];
  let buffer = '';
  let i = 0;
  while (i < body.length) {
    if (body[i] === '@') {
      const hit = sorted.find((n) => body.startsWith(n, i + 1) && !isWordChar(body[i + 1 + n.length]));
      if (hit) {
        if (buffer) out.push({ type: 'text', value: buffer });
        buffer = '';
        out.push({ type: 'mention', value: `@${hit}` });
        i += hit.length + 1;
        continue;
      }
    }
    buffer += body[i];
    i += 1;
  }
  if (buffer) out.push({ type: 'text', value: buffer });
  return out;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);
}
