/**
 * Words as the checker sees them: found in one pass over the text, lowercased and stripped of accents, with their
 * offsets in the original text so that findings point at what the writer typed.
 */

export interface Token {
  /** [start, end) UTF-16 offsets into the original text. */
  start: number;
  end: number;
  /** Lowercase, accents and zero-width characters removed ("Kút" → "kut"). */
  norm: string;
  /** Directly preceded by "#". */
  hashtag: boolean;
  /** Contains a run of three or more equal characters ("kuuut"): compared by its collapsed form too. */
  stretched: boolean;
}

const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_WORD[c] = /[0-9A-Za-z]/.test(ch) ? 1 : 0;
}
const WORD_CHAR = /^[\p{L}\p{M}\p{N}\p{Cf}]$/u;
const wordCache = new Map<number, boolean>();
const MARKS_AND_FORMAT = /[\p{M}\p{Cf}]/gu;
const SPECIAL_LETTERS = /[ßæœøłđðþı]/g;
const SPECIAL_FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

function isWordCodePoint(cp: number): boolean {
  if (cp < 128) return ASCII_WORD[cp] === 1;
  let known = wordCache.get(cp);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(cp));
    if (wordCache.size < 10_000) wordCache.set(cp, known);
  }
  return known;
}

/** Lowercase, compatibility-decomposed text without accents or zero-width characters ("Ｋút" → "kut"). */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(MARKS_AND_FORMAT, '')
    .replace(SPECIAL_LETTERS, (c) => SPECIAL_FOLD[c] ?? c);
}

/** `s` with every run of equal characters reduced to one ("kuuut" → "kut", "ass" → "as"). */
export function collapse(s: string): string {
  let out = '';
  let prev = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch !== prev) out += ch;
    prev = ch;
  }
  return out;
}

/** True when `s` holds three or more equal characters in a row. */
export function hasStretch(s: string): boolean {
  for (let i = 2; i < s.length; i++) if (s[i] === s[i - 1] && s[i] === s[i - 2]) return true;
  return false;
}

/**
 * The words of `text` in order: maximal runs of letters, digits and combining marks (apostrophes, hyphens and
 * punctuation separate words). Zero-width characters inside a word are ignored, so they cannot hide one.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const lowered = text.toLowerCase();
  const lower = lowered.length === text.length ? lowered : null;
  const n = text.length;
  let start = -1;
  let ascii = true;
  let i = 0;
  while (i < n) {
    let cp = text.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      cp = text.codePointAt(i) as number;
      width = cp > 0xffff ? 2 : 1;
    }
    if (isWordCodePoint(cp)) {
      if (start < 0) {
        start = i;
        ascii = true;
      }
      if (cp >= 128) ascii = false;
    } else if (start >= 0) {
      pushToken(tokens, text, lower, start, i, ascii);
      start = -1;
    }
    i += width;
  }
  if (start >= 0) pushToken(tokens, text, lower, start, n, ascii);
  return tokens;
}

function pushToken(tokens: Token[], text: string, lower: string | null, start: number, end: number, ascii: boolean): void {
  const norm = !ascii ? fold(text.slice(start, end)) : lower ? lower.slice(start, end) : text.slice(start, end).toLowerCase();
  if (norm === '') return;
  tokens.push({ start, end, norm, hashtag: start > 0 && text.charCodeAt(start - 1) === 35, stretched: hasStretch(norm) });
}

const SPELL_SEPARATORS = '.-_* ';

/**
 * Words spelled out letter by letter with one repeated separator ("k.u.t", "k u t", "f-u-c-k"): three or more
 * single letters become one extra token spanning them all.
 */
export function spelledOut(text: string, tokens: Token[]): Token[] {
  const extra: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i];
    if (first.end - first.start !== 1 || first.norm.length !== 1 || i + 1 >= tokens.length) {
      i++;
      continue;
    }
    const sep = text[first.end];
    if (!SPELL_SEPARATORS.includes(sep)) {
      i++;
      continue;
    }
    let j = i;
    let norm = first.norm;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1];
      if (next.start !== tokens[j].end + 1 || text[tokens[j].end] !== sep || next.end - next.start !== 1 || next.norm.length !== 1) break;
      norm += next.norm;
      j++;
    }
    if (j - i + 1 >= 3) {
      extra.push({ start: first.start, end: tokens[j].end, norm, hashtag: false, stretched: hasStretch(norm) });
    }
    i = j + 1;
  }
  return extra;
}

const PHRASE_GAP = /^[\s\-_'’.]{1,3}$/;

/** True when the text between two words of a phrase may join them ("in samenwerking  met", "jumbo.com"). */
export function isPhraseGap(text: string, from: number, to: number): boolean {
  return to > from && PHRASE_GAP.test(text.slice(from, to));
}
