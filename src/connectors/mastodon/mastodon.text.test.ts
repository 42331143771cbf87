import { describe, expect, it } from 'vitest';
import { countableText, findUrls, mastodonLength, partText } from './mastodon.text';

describe('Mastodon text counting', () => {
  it('counts grapheme clusters, like Mastodon', () => {
    expect(mastodonLength('héllo 👍🏽')).toBe(7);
    expect(mastodonLength('👨‍👩‍👧‍👦')).toBe(1);
  });

  it('counts every http(s) URL as 23 characters, long or short', () => {
    expect(mastodonLength(`Lees https://example.com/${'a'.repeat(200)}`)).toBe(5 + 23);
    expect(mastodonLength('http://a.nl')).toBe(23);
    expect(mastodonLength('https://a.example/x https://b.example/y')).toBe(23 + 1 + 23);
  });

  it('leaves sentence punctuation out of a URL but keeps balanced brackets', () => {
    expect(mastodonLength('zie https://example.com/x.')).toBe(4 + 23 + 1);
    expect(findUrls('(https://en.wikipedia.org/wiki/Foo_(bar))').map((u) => u.url)).toEqual(['https://en.wikipedia.org/wiki/Foo_(bar)']);
    expect(findUrls('https://example.com/?q=1!')[0].url).toBe('https://example.com/?q=1');
  });

  it('does not take non-links for links', () => {
    expect(mastodonLength('http://localhost/abc')).toBe(20);
    expect(mastodonLength('xhttps://example.com')).toBe(20);
    expect(findUrls('ftp://example.com')).toEqual([]);
  });

  it('counts a remote mention without its domain, and leaves e-mail addresses alone', () => {
    expect(countableText('@anna@very.long.domain.example hoi')).toBe('@anna hoi');
    expect(mastodonLength('@anna@very.long.domain.example hoi')).toBe(9);
    expect(countableText('mail piet@example.com')).toBe('mail piet@example.com');
  });

  it('posts a given link with the text when the text does not contain it', () => {
    expect(partText({ text: 'Nieuw plan', link: { url: 'https://example.com/plan' } })).toBe('Nieuw plan\n\nhttps://example.com/plan');
    expect(partText({ text: 'Zie https://example.com/plan', link: { url: 'https://example.com/plan' } })).toBe('Zie https://example.com/plan');
    expect(partText({ text: '', link: { url: 'https://example.com/plan' } })).toBe('https://example.com/plan');
  });
});
