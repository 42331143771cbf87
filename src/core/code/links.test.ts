import { describe, expect, it } from 'vitest';
import { domainProblem, findLinks, hostOf, normalizeDomain, underDomain } from './links';
import { findingsFor, spansOf } from './test-helpers';

describe('finding links', () => {
  it('finds full URLs and bare domains with their offsets, without trailing punctuation', () => {
    const text = 'Lees https://www.gemeente.nl/afval, of kijk op bit.ly/abc.';
    expect(findLinks(text)).toEqual([
      { url: 'https://www.gemeente.nl/afval', host: 'www.gemeente.nl', start: 5, end: 34 },
      { url: 'bit.ly/abc', host: 'bit.ly', start: 47, end: 57 },
    ]);
    expect(findLinks('(zie www.voorbeeld.org)')).toEqual([{ url: 'www.voorbeeld.org', host: 'www.voorbeeld.org', start: 5, end: 22 }]);
  });

  it('does not take e-mail addresses, abbreviations or a missing space after a full stop for links', () => {
    expect(findLinks('Mail info@gemeente.nl, e.g. zo, o.a. hier, klaar.De volgende')).toEqual([]);
    expect(findLinks('Geen punt hier')).toEqual([]);
  });

  it('reads the host of a URL or a bare address', () => {
    expect(hostOf('https://user@Www.Example.nl:8080/x?y#z')).toBe('www.example.nl');
    expect(hostOf('example.com:8080/x')).toBe('example.com');
    expect(hostOf('gemeente.nl.')).toBe('gemeente.nl');
    expect(hostOf('https://bücher.de/')).toBe('xn--bcher-kva.de');
    expect(hostOf('mailto:jan@gemeente.nl')).toBeNull();
    expect(hostOf('  ')).toBeNull();
  });
});

describe('domain lists', () => {
  it('normalizes list entries and refuses what is not a domain', () => {
    expect(normalizeDomain(' *.Example.com. ')).toBe('example.com');
    expect(normalizeDomain('www.gemeente.nl')).toBe('gemeente.nl');
    expect(normalizeDomain('bücher.de')).toBe('xn--bcher-kva.de');
    for (const bad of ['https://x.nl', 'x.nl/pad', 'localhost', '', 'a..nl', '-x.nl', 'x.1']) expect(normalizeDomain(bad), bad).toBeNull();
  });

  it('lets a subdomain match its parent, never a look-alike', () => {
    expect(underDomain('news.example.com', 'example.com')).toBe(true);
    expect(underDomain('example.com', 'example.com')).toBe(true);
    expect(underDomain('badexample.com', 'example.com')).toBe(false);
    expect(underDomain('example.com.evil.io', 'example.com')).toBe(false);
  });

  it('puts deny before allow, and allows everything when the allow list is empty', () => {
    expect(domainProblem('a.bit.ly', [], ['bit.ly'])).toBe('denied');
    expect(domainProblem('bit.ly', ['bit.ly'], ['bit.ly'])).toBe('denied');
    expect(domainProblem('evil.com', ['gemeente.nl'], [])).toBe('not_allowed');
    expect(domainProblem('afval.gemeente.nl', ['gemeente.nl'], [])).toBeNull();
    expect(domainProblem('evil.com', [], ['bit.ly'])).toBeNull();
  });
});

describe('the link-domains check', () => {
  it('checks links in the text (with spans) and links given outside it (without)', () => {
    const found = findingsFor(
      { kind: 'link_domains', allow: ['gemeente.nl'], deny: ['bit.ly'] },
      'Zie https://afval.gemeente.nl/x en https://evil.com/y en bit.ly/1',
      { links: ['https://partner.nl/actie', 'https://www.gemeente.nl', 'geen link'] },
    );
    expect(spansOf(found)).toEqual([
      [[35, 53], 'https://evil.com/y'],
      [[57, 65], 'bit.ly/1'],
      [undefined, 'https://partner.nl/actie'],
    ]);
    expect(found[0].message.en).toContain('evil.com, which is not on the list of allowed domains');
    expect(found[1].message.nl).toContain('bit.ly, een domein waar we niet naar linken');
  });

  it('denies subdomains of a denied domain', () => {
    expect(spansOf(findingsFor({ kind: 'link_domains', allow: [], deny: ['example.com'] }, 'Kijk op https://shop.Example.com!'))).toEqual([[[8, 32], 'https://shop.Example.com']]);
  });
});
