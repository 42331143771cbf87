import { describe, expect, it } from 'vitest';
import { graphemeLength, xWeightedLength } from './text';

describe('text counting', () => {
  it('counts graphemes: emoji with skin tone, combining accents, flags and CR LF as one', () => {
    expect(graphemeLength('👍🏽')).toBe(1);
    expect(graphemeLength('e\u0301')).toBe(1);
    expect(graphemeLength('🇳🇱')).toBe(1);
    expect(graphemeLength('a\r\nb')).toBe(3);
    expect(graphemeLength('hallo')).toBe(5);
  });
  it('is fast on long ASCII text', () => {
    const t0 = performance.now();
    expect(graphemeLength('a'.repeat(200_000))).toBe(200_000);
    expect(performance.now() - t0).toBeLessThan(200);
  });
  it('counts X-weighted: URLs 23, CJK and emoji 2', () => {
    expect(xWeightedLength('Lees meer: https://www.gemeente-voorbeeld.nl/nieuws/zeer-lang-artikel')).toBe(11 + 23);
    expect(xWeightedLength('日本')).toBe(4);
    expect(xWeightedLength('ok 👍')).toBe(5);
  });
});
