/**
 * The sentiment of an inbound message (Dutch or English): negative, neutral or positive, with a score from -1 to 1.
 * Lexicon based, one pass over the text: words and phrases from `sentiment-lexicon.ts`, turned around by a
 * negation ("niet goed", "not bad"), strengthened by intensifiers ("heel", "very"), capitals, stretched words
 * ("slechttt") and exclamation marks, and weighed less in a question or before a "maar"/"but".
 */
import { EMOJI, EMOTICONS, LEXICONS, normWord, type Lexicon, type Phrase } from './sentiment-lexicon';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';
export interface SentimentResult {
  label: SentimentLabel;
  /** -1 (very negative) … 1 (very positive), rounded to three decimals. */
  score: number;
}

/** A score at or beyond ±this is negative or positive; closer to 0 it is neutral. */
export const NEUTRAL_BAND = 0.25;

const NEGATION_SCOPE = 4;
const BOOST_SCOPE = 2;
const MAX_BOOST = 2.5;
const CAPS = 1.5;
const STRETCHED = 1.2;
const NEGATED_POSITIVE = -0.75;
const NEGATED_NEGATIVE = -0.5;
const QUESTION = 0.35;
const BEFORE_CONTRAST = 0.5;
const PER_EXCLAMATION = 0.3;
const MAX_EXCLAMATIONS = 3;
const SCALE = 3;
const CONTRAST = new Set(['maar', 'but', 'however', 'echter']);

const enum Kind {
  Word,
  Emoji,
  Pause,
  End,
}

interface Token {
  kind: Kind;
  norm: string;
  weight: number;
  caps: boolean;
  question: boolean;
}

const EMOJI_BY_CODE = new Map(Object.entries(EMOJI).map(([e, w]) => [e.codePointAt(0) as number, w]));
const EMOTICON_LIST = Object.entries(EMOTICONS).sort((a, b) => b[0].length - a[0].length);
const EMOTICON_START = new Set(EMOTICON_LIST.map(([e]) => e.charCodeAt(0)));

const LETTER = /[\p{L}\p{M}\p{N}]/u;
const letterCache = new Map<number, boolean>();
function isLetter(cp: number): boolean {
  if (!(cp >= 0)) return false;
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  let known = letterCache.get(cp);
  if (known === undefined) {
    known = LETTER.test(String.fromCodePoint(cp));
    if (letterCache.size < 10_000) letterCache.set(cp, known);
  }
  return known;
}

const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/** Reads the word starting at `start` into `out`; returns where it ends. */
function readWord(text: string, start: number, out: Token[]): number {
  const n = text.length;
  let i = start;
  let upper = 0;
  let lower = 0;
  let ascii = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) lower++;
    else if (c >= 65 && c <= 90) upper++;
    else if (c >= 48 && c <= 57) {
      // digits belong to the word
    } else if (isApostrophe(c) && i + 1 < n && isLetter(text.codePointAt(i + 1) as number)) {
      ascii = false;
    } else if (c >= 128) {
      const cp = text.codePointAt(i) as number;
      if (!isLetter(cp)) break;
      const ch = String.fromCodePoint(cp);
      if (ch !== ch.toLowerCase()) upper++;
      else if (ch !== ch.toUpperCase()) lower++;
      ascii = false;
      i += cp > 0xffff ? 2 : 1;
      continue;
    } else break;
    i++;
  }
  const raw = text.slice(start, i);
  const norm = ascii ? (upper > 0 ? raw.toLowerCase() : raw) : normWord(raw);
  out.push({ kind: Kind.Word, norm, weight: 0, caps: upper >= 2 && lower === 0, question: false });
  return i;
}

/** The emoticon at `i` ("<3", ":-(") with its length, or null. */
function emoticonAt(text: string, i: number): [number, number] | null {
  for (const [e, w] of EMOTICON_LIST) {
    if (!text.startsWith(e, i)) continue;
    const next = text.charCodeAt(i + e.length);
    if (isLetter(e.charCodeAt(e.length - 1)) && isLetter(next)) continue;
    if (e.endsWith('/') && next === 47) continue;
    return [e.length, w];
  }
  return null;
}

const enum Role {
  Skip,
  Letter,
  Emoticon,
  End,
  Pause,
  Other,
}
const ASCII_ROLE = new Uint8Array(128).fill(Role.Skip);
for (let c = 0; c < 128; c++) if (isLetter(c)) ASCII_ROLE[c] = Role.Letter;
for (const ch of '!?.\n\r') ASCII_ROLE[ch.charCodeAt(0)] = Role.End;
for (const ch of ',()"') ASCII_ROLE[ch.charCodeAt(0)] = Role.Pause;
for (const c of EMOTICON_START) ASCII_ROLE[c] = Role.Emoticon;

/** The words, emoji, pauses and sentence ends of `text`, and how many exclamation marks it has. */
function scan(text: string): { tokens: Token[]; exclamations: number } {
  const tokens: Token[] = [];
  let exclamations = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const role = c < 128 ? ASCII_ROLE[c] : Role.Other;
    if (role === Role.Skip) {
      i++;
      continue;
    }
    if (role === Role.Letter) {
      i = readWord(text, i, tokens);
      continue;
    }
    if (role === Role.Emoticon) {
      const hit = emoticonAt(text, i);
      if (hit) {
        tokens.push({ kind: Kind.Emoji, norm: '', weight: hit[1], caps: false, question: false });
        i += hit[0];
        continue;
      }
    }
    if (role === Role.End) {
      let question = false;
      let exclaimed = false;
      for (; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 33) {
          exclaimed = true;
          exclamations++;
        } else if (d === 63) question = true;
        else if (d !== 46 && d !== 10 && d !== 13) break;
      }
      tokens.push({ kind: Kind.End, norm: '', weight: 0, caps: false, question: question && !exclaimed });
      continue;
    }
    if (c < 128) {
      if (c === 58 || c === 59 || ASCII_ROLE[c] === Role.Pause) tokens.push({ kind: Kind.Pause, norm: '', weight: 0, caps: false, question: false });
      i++;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    if (isLetter(cp)) {
      i = readWord(text, i, tokens);
      continue;
    }
    const weight = EMOJI_BY_CODE.get(cp);
    if (weight !== undefined) tokens.push({ kind: Kind.Emoji, norm: '', weight, caps: false, question: false });
    i += cp > 0xffff ? 2 : 1;
  }
  return { tokens, exclamations };
}

function isNumber(lex: Lexicon, w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 48 && c <= 57 ? /^\d+$/.test(w) : lex.numbers.has(w);
}

function fits(tokens: Token[], i: number, p: Phrase, lex: Lexicon): boolean {
  if (i + p.parts.length > tokens.length) return false;
  for (let k = 1; k < p.parts.length; k++) {
    const t = tokens[i + k];
    if (t.kind !== Kind.Word) return false;
    const part = p.parts[k];
    if (part === '*') continue;
    if (part === '#n' ? !isNumber(lex, t.norm) : t.norm !== part) return false;
  }
  return true;
}

function phraseAt(tokens: Token[], i: number, lex: Lexicon): Phrase | null {
  const norm = tokens[i].norm;
  for (const p of lex.phrases.get(norm) ?? []) if (fits(tokens, i, p, lex)) return p;
  if (isNumber(lex, norm)) for (const p of lex.phrases.get('#n') ?? []) if (fits(tokens, i, p, lex)) return p;
  return null;
}

/** The weight of a stretched word ("goeeed", "heeeel"), read with its runs cut to two letters, then to one. */
function stretchedWeight(lex: Lexicon, norm: string): number | undefined {
  let stretched = false;
  for (let i = 2; i < norm.length && !stretched; i++) stretched = norm[i] === norm[i - 1] && norm[i] === norm[i - 2];
  if (!stretched) return undefined;
  return lex.words.get(norm.replace(/(.)\1{2,}/g, '$1$1')) ?? lex.words.get(norm.replace(/(.)\1{2,}/g, '$1'));
}

function carriesSentiment(tokens: Token[], i: number, lex: Lexicon): boolean {
  const t = tokens[i];
  if (!t || t.kind !== Kind.Word) return false;
  return lex.words.has(t.norm) || lex.intensifiers.has(t.norm) || stretchedWeight(lex, t.norm) !== undefined || phraseAt(tokens, i, lex) !== null;
}

/** What the words before a sentiment word do to it: a negation, and a boost from intensifiers. */
interface Modifiers {
  /** Words left in the scope of a negation; 0 is none. */
  negation: number;
  boost: number;
  boostLeft: number;
  /** The boost came after the negation ("niet heel goed" is no stronger than "niet goed"; "absoluut niet goed" is). */
  boostNegated: boolean;
}

function clear(m: Modifiers): void {
  m.negation = 0;
  m.boost = 1;
  m.boostLeft = 0;
  m.boostNegated = false;
}

/** The contribution of a sentiment word or phrase under the modifiers, which it uses up. */
function shaped(m: Modifiers, weight: number, factor: number): number {
  let v = weight * factor * (m.boostNegated ? 1 : m.boost);
  if (m.negation > 0 && weight !== 0) v *= weight > 0 ? NEGATED_POSITIVE : NEGATED_NEGATIVE;
  clear(m);
  return v;
}

/** The summed, unscaled sentiment of the tokens. */
function evaluate(tokens: Token[], lex: Lexicon): number {
  let total = 0;
  let sentence = 0;
  let firm = 0;
  const m: Modifiers = { negation: 0, boost: 1, boostLeft: 0, boostNegated: false };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === Kind.End) {
      total += (t.question ? sentence * QUESTION : sentence) + firm;
      sentence = 0;
      firm = 0;
      clear(m);
      continue;
    }
    if (t.kind === Kind.Pause) {
      clear(m);
      continue;
    }
    if (t.kind === Kind.Emoji) {
      firm += t.weight;
      continue;
    }
    const phrase = phraseAt(tokens, i, lex);
    if (phrase) {
      firm += shaped(m, phrase.weight, t.caps ? CAPS : 1);
      i += phrase.parts.length - 1;
      if (phrase.negatesAfter) m.negation = NEGATION_SCOPE;
      continue;
    }
    if (lex.negators.has(t.norm)) {
      m.negation = NEGATION_SCOPE;
      continue;
    }
    if (CONTRAST.has(t.norm)) {
      total *= BEFORE_CONTRAST;
      sentence *= BEFORE_CONTRAST;
      firm *= BEFORE_CONTRAST;
      clear(m);
      continue;
    }
    let weight = lex.words.get(t.norm);
    const stretched = weight === undefined && (weight = stretchedWeight(lex, t.norm)) !== undefined;
    const factor = lex.intensifiers.get(t.norm);
    if (factor !== undefined && (weight === undefined || carriesSentiment(tokens, i + 1, lex))) {
      m.boost = Math.min(m.boost * factor, MAX_BOOST);
      m.boostLeft = BOOST_SCOPE;
      if (m.negation > 0) m.boostNegated = true;
      continue;
    }
    if (weight === undefined) {
      if (m.negation > 0) m.negation--;
      if (m.boostLeft > 0 && --m.boostLeft === 0) m.boost = 1;
      continue;
    }
    sentence += shaped(m, weight, (t.caps ? CAPS : 1) * (stretched ? STRETCHED : 1));
  }
  return total + sentence + firm;
}

/**
 * The sentiment of `text`. `language` picks the word list; null (unknown) uses both, without the words that mean
 * something else in the other language. A text without sentiment words is neutral with score 0. Never throws.
 */
export function sentimentOf(text: string, language: 'nl' | 'en' | null): SentimentResult {
  const lex = language === 'nl' ? LEXICONS.nl : language === 'en' ? LEXICONS.en : LEXICONS.both;
  const { tokens, exclamations } = scan(typeof text === 'string' ? text : '');
  let sum = evaluate(tokens, lex);
  if (sum !== 0 && exclamations > 0) {
    const extra = Math.min(Math.abs(sum), PER_EXCLAMATION * Math.min(exclamations, MAX_EXCLAMATIONS));
    sum += Math.sign(sum) * extra;
  }
  const score = Math.round(Math.tanh(sum / SCALE) * 1000) / 1000 || 0;
  const label: SentimentLabel = score >= NEUTRAL_BAND ? 'positive' : score <= -NEUTRAL_BAND ? 'negative' : 'neutral';
  return { label, score };
}
