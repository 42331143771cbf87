/**
 * What the inbox search indexes and asks for: words folded (lower case, no accents), each reduced to its Dutch and
 * its English Snowball stem, so that "klachten" finds "klacht" and "complaints" finds "complaint". The database only
 * compares these terms for equality; all language knowledge lives here.
 */
import { stemmer as dutchStem } from '@orama/stemmers/dutch';
import { stemmer as englishStem } from '@orama/stemmers/english';
import { fold } from '../code/normalize';

/** Only the start of a long message is indexed (subject and text together). */
export const MAX_INDEXED_CHARS = 4000;
/** Longer words (links, hashes) are cut to this length on both sides, so they still find themselves. */
export const MAX_WORD_LENGTH = 48;
/** A query uses at most this many distinct words; the rest is ignored. */
export const MAX_QUERY_WORDS = 8;

const WORD = /[\p{L}\p{N}]+/gu;
const TERM = /^[\p{L}\p{N}]+$/u;
const CACHE_LIMIT = 50_000;
const stemCache = new Map<string, readonly string[]>();

const DIGITS = /^[0-9]+$/;

/** The distinct stems of one folded word, Dutch first; a number is its own only stem. */
function stemsOf(word: string): readonly string[] {
  if (DIGITS.test(word)) return [word];
  const known = stemCache.get(word);
  if (known) return known;
  const nl = dutchStem(word);
  const en = englishStem(word);
  const out = [TERM.test(nl) ? nl : word];
  const second = TERM.test(en) ? en : word;
  if (second !== out[0]) out.push(second);
  // The oldest word leaves when the cache is full: rare words come and go, the common ones stay.
  if (stemCache.size >= CACHE_LIMIT) stemCache.delete(stemCache.keys().next().value!);
  stemCache.set(word, out);
  return out;
}

const WORD_END = /[\p{L}\p{N}\p{M}\p{Cf}]+$/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}\p{Cf}]/u;

/** The first `max` characters of `s`, without a word cut in half at the end (unless it is the only word). */
function head(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  if (!WORD_CHAR.test(s[max])) return cut;
  return cut.replace(WORD_END, '') || cut;
}

function wordsOf(text: string): string[] {
  return (fold(text).match(WORD) ?? []).map((w) => (w.length > MAX_WORD_LENGTH ? w.slice(0, MAX_WORD_LENGTH) : w));
}

/**
 * The text to index for a message: every word of the subject and the text (the first {@link MAX_INDEXED_CHARS}
 * characters of both together) as its Dutch and English stems, each term once, separated by single spaces. Terms
 * hold only letters and digits. Empty when there are no words.
 */
export function searchTermsOf(subject: string | null, text: string): string {
  const source = head(subject ? `${subject}\n${text}` : text, MAX_INDEXED_CHARS);
  const terms = new Set<string>();
  for (const word of wordsOf(source)) for (const stem of stemsOf(word)) terms.add(stem);
  return [...terms].join(' ');
}

/**
 * A search query as words that must all occur in one message; each word is a list of alternative terms (its
 * stems), any of which may match. A word indexed by {@link searchTermsOf} always matches a query of that same word.
 * Operators and punctuation mean nothing here. Null when no word remains (empty or only punctuation).
 */
export function searchQueryOf(q: string): string[][] | null {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const word of wordsOf(head(q, MAX_INDEXED_CHARS))) {
    const stems = stemsOf(word);
    const key = stems.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([...stems]);
    if (out.length === MAX_QUERY_WORDS) break;
  }
  return out.length ? out : null;
}
