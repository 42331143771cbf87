import { describe, expect, it } from 'vitest';
import { utmSourceFor, withUtm } from './utm';

const tags = { source: 'bluesky', medium: 'social' };

describe('withUtm', () => {
  it('adds source and medium to a bare link, keeping its exact spelling', () => {
    expect(withUtm('https://www.gemeente.nl/afval', tags)).toBe('https://www.gemeente.nl/afval?utm_source=bluesky&utm_medium=social');
    expect(withUtm('https://Gemeente.NL', tags)).toBe('https://Gemeente.NL?utm_source=bluesky&utm_medium=social');
    expect(withUtm('HTTP://gemeente.nl/', tags)).toBe('HTTP://gemeente.nl/?utm_source=bluesky&utm_medium=social');
  });

  it('adds campaign and content in a fixed order, encoded', () => {
    expect(withUtm('https://a.nl/', { source: 'facebook', medium: 'social', campaign: 'Zomer 2026 & meer', content: 'variant/b' })).toBe(
      'https://a.nl/?utm_source=facebook&utm_medium=social&utm_campaign=Zomer%202026%20%26%20meer&utm_content=variant%2Fb',
    );
  });

  it('keeps the existing query and the fragment', () => {
    expect(withUtm('https://a.nl/p?id=7&x=%20y#sectie-2', tags)).toBe('https://a.nl/p?id=7&x=%20y&utm_source=bluesky&utm_medium=social#sectie-2');
    expect(withUtm('https://a.nl/#top', tags)).toBe('https://a.nl/?utm_source=bluesky&utm_medium=social#top');
    expect(withUtm('https://a.nl/#/route?q=1', tags)).toBe('https://a.nl/?utm_source=bluesky&utm_medium=social#/route?q=1');
  });

  it('does not add a stray & after an empty query or a trailing &', () => {
    expect(withUtm('https://a.nl/?', tags)).toBe('https://a.nl/?utm_source=bluesky&utm_medium=social');
    expect(withUtm('https://a.nl/?a=1&', tags)).toBe('https://a.nl/?a=1&utm_source=bluesky&utm_medium=social');
  });

  it('never overwrites or duplicates utm parameters the link already has, in any letter case', () => {
    expect(withUtm('https://a.nl/?utm_source=nieuwsbrief', { ...tags, campaign: 'c' })).toBe('https://a.nl/?utm_source=nieuwsbrief&utm_medium=social&utm_campaign=c');
    expect(withUtm('https://a.nl/?UTM_Medium=print&utm_source=x', tags)).toBe('https://a.nl/?UTM_Medium=print&utm_source=x');
    expect(withUtm('https://a.nl/?utm_source', tags)).toBe('https://a.nl/?utm_source&utm_medium=social');
  });

  it('leaves out empty or blank tag values', () => {
    expect(withUtm('https://a.nl/', { source: ' ', medium: 'social', campaign: '', content: '  ' })).toBe('https://a.nl/?utm_medium=social');
    expect(withUtm('https://a.nl/', { source: '', medium: '' })).toBe('https://a.nl/');
  });

  it('returns anything but an absolute http(s) URL unchanged, without throwing', () => {
    for (const input of ['', 'www.gemeente.nl', '/afval', 'mailto:info@a.nl', 'ftp://a.nl/f', 'javascript:alert(1)', 'https:a.nl', 'https://', 'http://[::1', ' https://a.nl', 'tel:+31201234567']) {
      expect(withUtm(input, tags)).toBe(input);
    }
    expect(withUtm(undefined as unknown as string, tags)).toBeUndefined();
  });

  it('survives a malformed percent escape in the query', () => {
    expect(withUtm('https://a.nl/?q=%E0%A4%A', tags)).toBe('https://a.nl/?q=%E0%A4%A&utm_source=bluesky&utm_medium=social');
  });
});

describe('utmSourceFor', () => {
  it('names the known channel kinds', () => {
    expect(utmSourceFor('bluesky')).toBe('bluesky');
    expect(utmSourceFor('facebook')).toBe('facebook');
    expect(utmSourceFor('x')).toBe('twitter');
    expect(utmSourceFor('sandbox')).toBe('sandbox');
    expect(utmSourceFor('mastodon')).toBe('mastodon');
    expect(utmSourceFor('instagram')).toBe('instagram');
    expect(utmSourceFor('linkedin')).toBe('linkedin');
    expect(utmSourceFor('webform')).toBe('website');
    expect(utmSourceFor(' X ')).toBe('twitter');
  });

  it('cleans unknown kinds and never returns an empty source', () => {
    expect(utmSourceFor('Threads.net')).toBe('threadsnet');
    expect(utmSourceFor('tik tok')).toBe('tiktok');
    expect(utmSourceFor('')).toBe('unknown');
    expect(utmSourceFor('***')).toBe('unknown');
    expect(utmSourceFor('constructor')).toBe('constructor');
    expect(utmSourceFor('__proto__')).toBe('__proto__');
  });
});
