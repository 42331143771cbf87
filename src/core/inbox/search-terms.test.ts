import { describe, expect, it } from 'vitest';
import { MAX_INDEXED_CHARS, MAX_QUERY_WORDS, MAX_WORD_LENGTH, searchQueryOf, searchTermsOf } from './search-terms';

/** The matching rule the databases apply: every query word has an alternative among the message's terms. */
const matches = (terms: string, query: string[][] | null) => {
  const set = new Set(terms.split(' '));
  return !!query && query.every((alts) => alts.some((t) => set.has(t)));
};

describe('searchTermsOf', () => {
  it('indexes each word as its Dutch and English stem, lower-cased, each term once', () => {
    expect(searchTermsOf(null, 'Klachten over de Complaints')).toBe('klacht klachten over de complaint');
    expect(searchTermsOf(null, 'klacht klacht KLACHT')).toBe('klacht');
  });

  it('folds accents and special letters, and splits on everything that is not a letter or digit', () => {
    expect(searchTermsOf(null, 'Café, naïef! Straße')).toBe('caf cafe naief stras strass');
    expect(searchTermsOf(null, "zo'n e-mail: 1234 AB / 06-12345678")).toBe('zo n e mail 1234 ab 06 12345678');
  });

  it('keeps postcodes and numbers', () => {
    expect(searchTermsOf(null, 'Postcode 1234AB, huisnummer 56')).toBe('postcod 1234ab huisnummer huisnumm 56');
  });

  it('puts the subject before the text', () => {
    expect(searchTermsOf('Afval', 'niet opgehaald')).toBe('afval niet opgehaald');
    expect(searchTermsOf('', 'afval')).toBe('afval');
  });

  it('is empty for text without words, and for an empty message', () => {
    expect(searchTermsOf(null, '')).toBe('');
    expect(searchTermsOf(null, '?! … 🙏 — ***')).toBe('');
    expect(searchTermsOf(null, '\u200b\u200d')).toBe('');
  });

  it('indexes only the first part of a very long message, and cuts very long words', () => {
    const long = `${'woord '.repeat(MAX_INDEXED_CHARS)}einde`;
    expect(searchTermsOf(null, long)).toBe('woord');
    const word = 'x'.repeat(500);
    expect(searchTermsOf(null, word)).toBe('x'.repeat(MAX_WORD_LENGTH));
    expect(searchTermsOf(null, 'a'.repeat(10_000_000)).length).toBe(MAX_WORD_LENGTH);
  });

  it('produces only terms of letters and digits separated by single spaces', () => {
    const terms = searchTermsOf('Re: "Vraag" (1/2)', 'OR * NEAR( "a" AND -b ^c \\ \' ; DROP TABLE x; -- ℌ𝔢𝔩𝔩𝔬 ﬁne');
    expect(terms).toMatch(/^[\p{L}\p{N}]+( [\p{L}\p{N}]+)*$/u);
    expect(terms.split(' ')).toContain('fine');
    expect(terms.split(' ')).toContain('hello');
  });
});

describe('searchQueryOf', () => {
  it('gives every word its alternatives', () => {
    expect(searchQueryOf('klachten')).toEqual([['klacht', 'klachten']]);
    expect(searchQueryOf('Complaints')).toEqual([['complaint']]);
    expect(searchQueryOf('afval ophalen')).toEqual([['afval'], ['ophal', 'ophalen']]);
  });

  it('finds the other forms of a word in both languages', () => {
    expect(matches(searchTermsOf(null, 'Ik heb een klacht'), searchQueryOf('klachten'))).toBe(true);
    expect(matches(searchTermsOf(null, 'I have a complaint'), searchQueryOf('complaints'))).toBe(true);
    expect(matches(searchTermsOf(null, 'De gemeente'), searchQueryOf('gemeentes'))).toBe(true);
    expect(matches(searchTermsOf(null, 'twee zwembaden'), searchQueryOf('zwembad'))).toBe(true);
    expect(matches(searchTermsOf(null, 'café'), searchQueryOf('CAFE'))).toBe(true);
    expect(matches(searchTermsOf(null, 'cafe'), searchQueryOf('Café'))).toBe(true);
  });

  it('needs all words in the same message', () => {
    const terms = searchTermsOf('Afval', 'Het afval is niet opgehaald');
    expect(matches(terms, searchQueryOf('afval opgehaald'))).toBe(true);
    expect(matches(terms, searchQueryOf('afval paspoort'))).toBe(false);
  });

  it('always lets an indexed word find itself', () => {
    const words = ['klachten', 'Gemeentes', 'ophalen', 'running', 'Straße', 'ÆØÅ', 'ﬁne', 'ijs', 'IJsselmeer', 'yes', 'yyyy', 'ζωή', 'москва', '東京', '2026', '1234ab', 'e-mail', 'x'.repeat(200), 'naïeve', 'façade'];
    for (const w of words) expect(matches(searchTermsOf(null, `voor ${w} na`), searchQueryOf(w)), w).toBe(true);
  });

  it('treats operators and quotes as plain words or nothing', () => {
    expect(searchQueryOf('"a" OR * NEAR(')).toEqual([['a'], ['or'], ['near']]);
    expect(searchQueryOf("'; DROP TABLE messages; --")).toEqual([['drop'], ['tabl'], ['messages', 'messag']]);
  });

  it('is null when nothing searchable remains', () => {
    expect(searchQueryOf('')).toBeNull();
    expect(searchQueryOf('   ')).toBeNull();
    expect(searchQueryOf('*** ?! ()"')).toBeNull();
  });

  it('drops repeated words and keeps at most a bounded number of words', () => {
    expect(searchQueryOf('afval Afval AFVAL')).toEqual([['afval']]);
    const many = Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ');
    expect(searchQueryOf(many)).toHaveLength(MAX_QUERY_WORDS);
  });
});
