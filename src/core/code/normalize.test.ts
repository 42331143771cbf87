import { describe, expect, it } from 'vitest';
import { collapse, fold, hasStretch, isPhraseGap, spelledOut, tokenize } from './normalize';

describe('tokenize', () => {
  it('splits on punctuation and keeps offsets into the original text', () => {
    const text = "Hé, #Dag @Jan! Don't 12x";
    expect(tokenize(text).map((t) => [t.norm, t.start, t.end, t.hashtag])).toEqual([
      ['he', 0, 2, false],
      ['dag', 5, 8, true],
      ['jan', 10, 13, false],
      ['don', 15, 18, false],
      ['t', 19, 20, false],
      ['12x', 21, 24, false],
    ]);
  });

  it('treats emoji as separators and letters outside the basic plane as letters', () => {
    expect(tokenize('a😀b 𝐀𝐁').map((t) => [t.norm, t.start, t.end])).toEqual([
      ['a', 0, 1],
      ['b', 3, 4],
      ['ab', 5, 9],
    ]);
  });

  it('marks stretched words', () => {
    expect(tokenize('kuuut kuut').map((t) => t.stretched)).toEqual([true, false]);
  });
});

describe('folding and collapsing', () => {
  it('lowercases, removes accents and zero-width characters, and spells out special letters', () => {
    expect(fold('KÚT')).toBe('kut');
    expect(fold('Straße Æble Øre ĳs')).toBe('strasse aeble ore ijs');
    expect(fold('ｋｕｔ')).toBe('kut');
    expect(fold('k\u200Bu\u00ADt')).toBe('kut');
  });

  it('collapses runs of equal characters', () => {
    expect(collapse('kuuuut')).toBe('kut');
    expect(collapse('ass')).toBe('as');
    expect(hasStretch('aab')).toBe(false);
    expect(hasStretch('aaab')).toBe(true);
  });
});

describe('spelled-out words and phrase gaps', () => {
  it('joins three or more single letters with one repeated separator', () => {
    const text = 'k.u.t en a b en x-y-z-w';
    expect(spelledOut(text, tokenize(text)).map((t) => [t.norm, t.start, t.end])).toEqual([
      ['kut', 0, 5],
      ['xyzw', 16, 23],
    ]);
  });

  it('allows only short gaps of spaces, hyphens, dots and apostrophes between the words of a phrase', () => {
    expect(isPhraseGap('a  b', 1, 3)).toBe(true);
    expect(isPhraseGap('a, b', 1, 3)).toBe(false);
    expect(isPhraseGap('a    b', 1, 5)).toBe(false);
    expect(isPhraseGap('ab', 1, 1)).toBe(false);
  });
});
