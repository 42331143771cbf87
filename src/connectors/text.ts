/** Text counting the way each network counts it. Pure; shared by the composer (browser) and the server. */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const ASCII = /^[\x00-\x7f]*$/;

/** Number of user-perceived characters (grapheme clusters): 👍🏽 and é count as one. */
export function graphemeLength(text: string): number {
  // Fast path: in ASCII every character is one grapheme, except CR LF which is one together.
  if (ASCII.test(text)) return text.length - (text.match(/\r\n/g)?.length ?? 0);
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

const URL_RE = /\bhttps?:\/\/[^\s<>"]+/gi;

/**
 * X's weighted length: every URL counts 23, code points in the Latin-1 and general punctuation ranges count 1,
 * everything else (CJK, emoji) counts 2, and the limit is 280.
 */
export function xWeightedLength(text: string): number {
  let n = 0;
  const rest = text.replace(URL_RE, () => {
    n += 23;
    return '';
  });
  for (const seg of segmenter.segment(rest)) {
    const cp = seg.segment.codePointAt(0)!;
    const light = cp <= 0x10ff || (cp >= 0x2000 && cp <= 0x200d) || (cp >= 0x2010 && cp <= 0x201f) || (cp >= 0x2032 && cp <= 0x2037);
    n += light ? 1 : 2;
  }
  return n;
}

/** Length of `text` under `counting`. */
export function countText(text: string, counting: 'graphemes' | 'x-weighted' | 'utf16'): number {
  if (counting === 'x-weighted') return xWeightedLength(text);
  if (counting === 'utf16') return text.length;
  return graphemeLength(text);
}
