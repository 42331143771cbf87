/**
 * An allow-list sanitiser for the HTML of inbound e-mail. It never passes the input through: it tokenises the
 * HTML and writes new markup from the allowed tag names, allowed attributes (values decoded, checked and
 * re-escaped) and escaped text. Scripts, styles, frames, forms, comments and event handlers are dropped; links may
 * only be http(s), mailto or tel; remote images are not loaded: `<img src="http…">` becomes `data-src` so that
 * the UI can offer "load images". The result is still to be rendered as untrusted (sandboxed).
 */
import { cleanStyle } from './email.style';

/** Elements kept (without their disallowed attributes). */
const ALLOWED = new Set(
  ('a abbr address article aside b bdi bdo big blockquote br caption center cite code col colgroup dd del details ' +
    'dfn div dl dt em figcaption figure font footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd li main mark nav ol ' +
    'p pre q s samp section small span strike strong sub summary sup table tbody td tfoot th thead time tr tt u ul var wbr').split(' '),
);
/** Elements dropped together with everything inside them. */
const DROP_WITH_CONTENT = new Set(
  ('script style iframe frame frameset object embed applet noscript noembed noframes template title head svg math ' +
    'textarea select option button form xmp plaintext audio video canvas map').split(' '),
);
/** Elements whose content is raw text in HTML: skipped up to their end tag without looking for tags inside. */
const RAW_TEXT = new Set('script style iframe noscript noembed noframes template title textarea xmp plaintext'.split(' '));
const VOID = new Set('br col hr img wbr'.split(' '));
/** Deeper nesting is flattened (the tags are dropped, their text kept): bounds the work per end tag. */
const MAX_DEPTH = 200;

/** Attributes allowed on any kept element. */
const GLOBAL_ATTRS = new Set('title dir lang align valign width height style bgcolor color face size border cellpadding cellspacing'.split(' '));
const TAG_ATTRS: Record<string, Set<string>> = {
  a: new Set(['href']),
  img: new Set(['src', 'alt']),
  td: new Set(['colspan', 'rowspan', 'nowrap']),
  th: new Set(['colspan', 'rowspan', 'nowrap', 'scope']),
  col: new Set(['span']),
  colgroup: new Set(['span']),
  ol: new Set(['start', 'type', 'reversed']),
  ul: new Set(['type']),
  li: new Set(['value']),
  blockquote: new Set(['cite']),
  q: new Set(['cite']),
  time: new Set(['datetime']),
};

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', colon: ':', tab: '\t', newline: '\n', sol: '/', lpar: '(', rpar: ')' };

/** Decodes character references in an attribute value (numeric, and the few names that matter for URL checks). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);?/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    const named = NAMED[ref.toLowerCase()];
    return named ?? m;
  });
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes text, keeping well-formed character references as they are (they stay text when rendered). */
function escapeText(s: string): string {
  return s
    .replace(/&(?!(?:#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A URL with all whitespace and control characters removed, as browsers read it. */
function compactUrl(value: string): string {
  return decodeEntities(value).replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
}

/** A link target that is safe to keep: http(s), mailto, tel or an in-page anchor; else null. */
export function safeLink(value: string): string | null {
  const v = compactUrl(value);
  if (/^(https?:\/\/|mailto:|tel:)/i.test(v) || /^#[\w-]*$/.test(v)) return v;
  return null;
}

type ImgSource = { attr: 'src' | 'data-src'; value: string } | null;

/** Where an image comes from: inline (cid:, data:image) stays `src`; remote (http, https) moves to `data-src`. */
export function imageSource(value: string): ImgSource {
  const v = compactUrl(value);
  if (/^cid:[^\s"'<>]+$/i.test(v)) return { attr: 'src', value: v };
  if (/^data:image\/(png|gif|jpe?g|webp);base64,[a-z0-9+/=]+$/i.test(v)) return { attr: 'src', value: v };
  if (/^https?:\/\//i.test(v) || v.startsWith('//')) return { attr: 'data-src', value: v.startsWith('//') ? `https:${v}` : v };
  return null;
}

interface Tag {
  name: string;
  end: boolean;
  attrs: Array<[string, string]>;
  next: number;
}

/** Reads a tag starting at `<` at position i; null when it is not a tag (then `<` is text). */
function readTag(html: string, i: number): Tag | null | 'eof' {
  const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(i, i + 64));
  if (!m) return null;
  const tag: Tag = { name: m[2]!.toLowerCase(), end: m[1] === '/', attrs: [], next: 0 };
  let p = i + m[0].length;
  for (;;) {
    while (p < html.length && /[\s/]/.test(html[p]!)) p++;
    if (p >= html.length) return 'eof';
    if (html[p] === '>') {
      tag.next = p + 1;
      return tag;
    }
    const nm = /^[^\s/>=]+|^=/.exec(html.slice(p, p + 256));
    const name = nm ? nm[0] : html[p]!;
    p += name.length;
    while (p < html.length && /\s/.test(html[p]!)) p++;
    let value = '';
    if (html[p] === '=') {
      p++;
      while (p < html.length && /\s/.test(html[p]!)) p++;
      const q = html[p];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, p + 1);
        if (close < 0) return 'eof';
        value = html.slice(p + 1, close);
        p = close + 1;
      } else {
        const start = p;
        while (p < html.length && !/[\s>]/.test(html[p]!)) p++;
        value = html.slice(start, p);
      }
    }
    tag.attrs.push([name.toLowerCase(), value]);
  }
}

/** The attributes to write for a kept element, already escaped, with a leading space each. */
function cleanAttrs(tag: Tag): string {
  const allowed = TAG_ATTRS[tag.name];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const [name, raw] of tag.attrs) {
    if (seen.has(name) || !(GLOBAL_ATTRS.has(name) || allowed?.has(name))) continue;
    seen.add(name);
    if (name === 'href') {
      const link = safeLink(raw);
      if (link) out.push(` href="${escapeAttr(link)}"`);
    } else if (name === 'src') {
      const src = imageSource(raw);
      if (src) out.push(` ${src.attr}="${escapeAttr(src.value)}"`);
    } else if (name === 'cite') {
      const link = safeLink(raw);
      if (link) out.push(` cite="${escapeAttr(link)}"`);
    } else if (name === 'style') {
      const style = cleanStyle(decodeEntities(raw));
      if (style) out.push(` style="${escapeAttr(style)}"`);
    } else {
      const value = decodeEntities(raw);
      if (/(javascript|vbscript|data)\s*:|expression\s*\(|url\s*\(/i.test(value)) continue;
      out.push(` ${name}="${escapeAttr(value)}"`);
    }
  }
  if (tag.name === 'a' && out.some((a) => a.startsWith(' href='))) out.push(' target="_blank" rel="noopener noreferrer nofollow"');
  return out.join('');
}

/** Sanitises untrusted e-mail HTML into a fragment built only from allowed elements, attributes and text. */
export function sanitizeEmailHtml(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  const open: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out.push(escapeText(html.slice(i)));
      break;
    }
    if (lt > i) out.push(escapeText(html.slice(i, lt)));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const tag = readTag(html, lt);
    if (tag === 'eof') break;
    if (tag === null) {
      out.push('&lt;');
      i = lt + 1;
      continue;
    }
    i = tag.next;
    if (!tag.end && DROP_WITH_CONTENT.has(tag.name)) {
      i = skipElement(html, lower, tag.name, i);
      continue;
    }
    if (!ALLOWED.has(tag.name)) continue;
    if (tag.end) {
      const at = open.lastIndexOf(tag.name);
      if (at >= 0) while (open.length > at) out.push(`</${open.pop()}>`);
      continue;
    }
    if (VOID.has(tag.name)) out.push(`<${tag.name}${cleanAttrs(tag)}>`);
    else if (open.length < MAX_DEPTH) {
      out.push(`<${tag.name}${cleanAttrs(tag)}>`);
      open.push(tag.name);
    }
  }
  while (open.length) out.push(`</${open.pop()}>`);
  return out.join('');
}

/** Skips a dropped element's content up to its matching end tag (counting nesting for non-raw elements). */
function skipElement(html: string, lower: string, name: string, from: number): number {
  if (name === 'head') {
    // A head without its end tag ends where the body starts, as browsers read it.
    const ends = [lower.indexOf('</head', from), lower.indexOf('<body', from)].filter((n) => n >= 0);
    if (!ends.length) return html.length;
    const end = Math.min(...ends);
    if (lower.startsWith('<body', end)) return end;
    const gt = html.indexOf('>', end);
    return gt < 0 ? html.length : gt + 1;
  }
  if (RAW_TEXT.has(name)) {
    const end = lower.indexOf(`</${name}`, from);
    if (end < 0) return html.length;
    const gt = html.indexOf('>', end);
    return gt < 0 ? html.length : gt + 1;
  }
  let depth = 1;
  const re = new RegExp(`<(/?)${name}(?=[\\s/>])`, 'gi');
  re.lastIndex = from;
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      const gt = html.indexOf('>', m.index);
      return gt < 0 ? html.length : gt + 1;
    }
  }
  return html.length;
}
