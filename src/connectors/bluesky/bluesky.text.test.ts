import { describe, expect, it } from 'vitest';
import type { OutboundVariant } from '../types';
import { buildFacets, byteOffset, findSpans } from './bluesky.facets';
import { validateBluesky } from './bluesky.validate';

const codes = (v: OutboundVariant) => validateBluesky(v).map((f) => `${f.severity}:${f.code}`);

describe('bluesky facets', () => {
  it('finds links, mentions and tags in text order, with UTF-8 byte offsets', async () => {
    const text = 'Zie 📊 https://regie.test/a?b=1. Dank @Bob.Test en #Verslag!';
    const facets = await buildFacets(text, async (h) => (h === 'bob.test' ? 'did:plc:bob' : null));
    const bytes = Buffer.from(text);
    const slice = (f: (typeof facets)[number]) => bytes.subarray(f.index.byteStart, f.index.byteEnd).toString();
    expect(facets.map(slice)).toEqual(['https://regie.test/a?b=1', '@Bob.Test', '#Verslag']);
    expect(facets.map((f) => f.features[0])).toEqual([
      { $type: 'app.bsky.richtext.facet#link', uri: 'https://regie.test/a?b=1' },
      { $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:bob' },
      { $type: 'app.bsky.richtext.facet#tag', tag: 'Verslag' },
    ]);
  });

  it('gives an unresolvable handle no facet, and asks once per handle', async () => {
    const asked: string[] = [];
    const facets = await buildFacets('@nobody.test and @nobody.test', async (h) => {
      asked.push(h);
      return null;
    });
    expect(facets).toEqual([]);
    expect(asked).toEqual(['nobody.test']);
  });

  it('leaves e-mail addresses, handles inside URLs, trailing punctuation and unopened brackets alone', () => {
    const spans = findSpans('Mail info@regie.test or see (https://x.test/@bob.test/post). Also https://w.test/a_(b) and @ann.test.');
    expect(spans.map((s) => [s.kind, s.value])).toEqual([
      ['link', 'https://x.test/@bob.test/post'],
      ['link', 'https://w.test/a_(b)'],
      ['mention', 'ann.test'],
    ]);
  });

  it('counts offsets in bytes, not UTF-16 units', () => {
    expect(byteOffset('é👍🏽x', 4)).toBe(2 + 4 + 3);
  });
});

describe('bluesky validate', () => {
  const img = (size = 10, altText: string | undefined = 'alt') => ({ kind: 'image' as const, mimeType: 'image/png', bytes: new Uint8Array(size), altText });

  it('accepts a thread with images and a link card', () => {
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'one', media: [img()] }, { text: 'two', link: { url: 'https://regie.test' } }] })).toEqual([]);
  });

  it('counts 300 graphemes and 3000 bytes', () => {
    expect(codes({ idempotencyKey: 'k', parts: [{ text: '👍🏽'.repeat(300) }] })).toEqual([]);
    expect(codes({ idempotencyKey: 'k', parts: [{ text: '👍🏽'.repeat(301) }] })).toContain('error:text_too_long');
    expect(codes({ idempotencyKey: 'k', parts: [{ text: '👨‍👩‍👧‍👦'.repeat(121) }] })).toEqual(['error:text_too_many_bytes']);
  });

  it('refuses polls, first comments, more than 4 or too large images, long alt text, non-public visibility', () => {
    const five = Array.from({ length: 5 }, () => img());
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'x', media: five }] })).toContain('error:too_many_media');
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'x', media: [img(1_000_001)] }] })).toContain('error:media_too_large');
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'x', media: [img(10, 'a'.repeat(2001))] }] })).toContain('error:alt_text_too_long');
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'x', media: [img(10, '')] }] })).toEqual(['warning:alt_text_missing']);
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'x', poll: { options: ['a', 'b'], durationSeconds: 3600 } }] })).toContain('error:polls_unsupported');
    expect(codes({ idempotencyKey: 'k', firstComment: 'hi', parts: [{ text: 'x' }] })).toContain('error:first_comment_unsupported');
    expect(codes({ idempotencyKey: 'k', visibility: 'followers', parts: [{ text: 'x' }] })).toContain('error:visibility_unsupported');
    expect(codes({ idempotencyKey: 'k', language: 'nl-NL', parts: [{ text: 'x' }] })).toEqual([]);
    expect(codes({ idempotencyKey: 'k', language: 'Dutch!', parts: [{ text: 'x' }] })).toEqual(['error:language_invalid']);
  });

  it('warns that images win over a link card, and refuses a non-web link', () => {
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'x', media: [img()], link: { url: 'https://regie.test' } }] })).toEqual(['warning:link_card_with_media']);
    expect(codes({ idempotencyKey: 'k', parts: [{ text: 'x', link: { url: 'javascript:alert(1)' } }] })).toEqual(['error:link_invalid']);
  });
});
