/**
 * LinkedIn's "little text" format for post commentary: the characters `\ | { } @ [ ] ( ) < > # * _ ~` are
 * reserved and must be escaped with a backslash (an unescaped one cuts or garbles the post), hashtags are written
 * as `{hashtag|\#|tag}` and mentions as `@[Name](urn:li:organization:1)`. Regie sends plain text, so every
 * reserved character is escaped and `#word` becomes a hashtag; reading back undoes both. Pure.
 */

const RESERVED = /[\\|{}@[\]()<>#*_~]/g;
const HASHTAG = /(^|[^\p{L}\p{N}_&/\\])#([\p{L}\p{N}_]+)/gu;

/** Escapes every reserved character. */
export const escapeLittle = (s: string) => s.replace(RESERVED, (c) => `\\${c}`);

/** Plain text → little text: reserved characters escaped, `#word` as a hashtag template. */
export function toLittleText(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(HASHTAG)) {
    const hash = m.index! + m[1].length;
    out += escapeLittle(text.slice(last, hash)) + `{hashtag|\\#|${escapeLittle(m[2])}}`;
    last = hash + 1 + m[2].length;
  }
  return out + escapeLittle(text.slice(last));
}

const TOKENS = /\{hashtag\|\\?#\|((?:\\.|[^\\}])*)\}|@\[((?:\\.|[^\\\]])*)\]\((urn:[^)]*)\)|\\(.)/gsu;
const unescape = (s: string) => s.replace(/\\(.)/gsu, '$1');

/** Little text → plain text: hashtags back to `#tag`, mentions to the name, escapes removed. */
export function fromLittleText(little: string): string {
  return little.replace(TOKENS, (_all, tag?: string, name?: string, _urn?: string, escaped?: string) => {
    if (tag !== undefined) return `#${unescape(tag)}`;
    if (name !== undefined) return unescape(name);
    return escaped ?? '';
  });
}

/** Text reduced for comparison (Unicode form, white space). */
export const normalizeText = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** True when commentary fetched from LinkedIn carries `ours` (plain text Regie sent). */
export function sameCommentary(fetched: string, ours: string): boolean {
  return fetched === toLittleText(ours) || normalizeText(fromLittleText(fetched)) === normalizeText(ours);
}
