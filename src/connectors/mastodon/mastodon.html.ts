/**
 * Mastodon sends status content as HTML (its own, or another server's after Mastodon sanitised it). The inbox shows
 * plain text, so this turns that HTML into text: tags are dropped (never interpreted), paragraphs become blank
 * lines, `<br>` a line break, list items lines, entities are decoded; link text is kept whole (Mastodon hides parts
 * of long URLs in `invisible` spans, which are joined back). Pure; no tag or attribute survives.
 */

const MAX_INPUT = 200_000;
const BLOCK = new Set(['p', 'div', 'blockquote', 'pre', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'tr']);
const SKIP_CONTENT = new Set(['script', 'style', 'template', 'title', 'textarea']);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', shy: '' };

/** Decodes HTML character references; unknown names stay as they are, invalid code points become U+FFFD. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(cp) || cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(cp);
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

interface Tag {
  name: string;
  closing: boolean;
  classes: string[];
  end: number;
}

/** Reads the tag starting at `i` (which holds '<'), honouring quoted attribute values; null when it is not a tag. */
function readTag(html: string, i: number): Tag | null {
  const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(i, i + 40));
  if (!m) return null;
  let j = i + m[0].length;
  let quote: string | null = null;
  while (j < html.length) {
    const c = html[j];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') break;
    j++;
  }
  const attrs = html.slice(i + m[0].length, j);
  const cls = /\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
  const classes = cls ? (cls[1] ?? cls[2] ?? cls[3] ?? '').split(/\s+/).filter(Boolean) : [];
  return { name: m[2].toLowerCase(), closing: m[1] === '/', classes, end: Math.min(j + 1, html.length) };
}

/** Skips to just after the closing tag `name` (or the end of the input). */
function skipElement(html: string, from: number, name: string): number {
  const close = html.toLowerCase().indexOf(`</${name}`, from);
  if (close < 0) return html.length;
  const gt = html.indexOf('>', close);
  return gt < 0 ? html.length : gt + 1;
}

/** Plain text of Mastodon status HTML, with paragraphs as blank lines and line breaks kept. */
export function htmlToText(input: string): string {
  const html = input.length > MAX_INPUT ? input.slice(0, MAX_INPUT) : input;
  let out = '';
  let pendingBreak = '';
  const emit = (text: string) => {
    if (!text) return;
    if (pendingBreak && out) out = out.replace(/[ \t]+$/, '') + pendingBreak;
    pendingBreak = '';
    out += text;
  };
  const breakAtLeast = (br: string) => {
    if (br.length > pendingBreak.length) pendingBreak = br;
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > i) emit(decodeEntities(html.slice(i, textEnd)));
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const endComment = html.indexOf('-->', lt + 4);
      i = endComment < 0 ? html.length : endComment + 3;
      continue;
    }
    if (/^<[!?]/.test(html.slice(lt, lt + 2))) {
      const gt = html.indexOf('>', lt);
      i = gt < 0 ? html.length : gt + 1;
      continue;
    }
    const tag = readTag(html, lt);
    if (!tag) {
      emit('<');
      i = lt + 1;
      continue;
    }
    i = tag.end;
    if (!tag.closing && (SKIP_CONTENT.has(tag.name) || (tag.name === 'p' && tag.classes.includes('quote-inline')))) {
      i = skipElement(html, i, tag.name);
      continue;
    }
    if (tag.name === 'br') {
      if (pendingBreak) pendingBreak += '\n';
      else if (out) out += '\n';
      else pendingBreak = '\n';
    } else if (tag.name === 'li' && !tag.closing) {
      breakAtLeast('\n');
      emit('- ');
    } else if (BLOCK.has(tag.name)) breakAtLeast('\n\n');
  }
  return out
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
