import { describe, expect, it } from 'vitest';
import { emptyContent, type PostContent } from './post-content';
import { featuresOf, renderVariant } from './render-variant';

const caps = { kind: 'bluesky', nativePolls: false, linkCards: true, firstComment: false, threads: true };
const tag = (url: string, kind: string) => `${url}?utm_source=${kind}`;
const base = (over: Partial<PostContent>): PostContent => ({ ...emptyContent(), title: 'T', core: 'Kern', ...over });

describe('renderVariant: the exact words that leave', () => {
  it('adds the call to action with a tagged link to the last part of a thread', () => {
    const c = base({ instrument: 'cta', cta: { type: 'register', text: 'Meld je aan', url: 'https://x.nl/a' } });
    const r = renderVariant(c, { channelId: 'c', parts: ['Deel 1', 'Deel 2'], firstComment: null }, caps, tag);
    expect(r.parts.map((p) => p.text)).toEqual(['Deel 1', 'Deel 2\n\nMeld je aan https://x.nl/a?utm_source=bluesky']);
    expect(r.links).toEqual(['https://x.nl/a?utm_source=bluesky']);
  });
  it('joins thread parts where the channel has no threads, and puts a first comment into the text where it has none', () => {
    const r = renderVariant(base({}), { channelId: 'c', parts: ['Een', 'Twee'], firstComment: 'Meer info' }, { ...caps, threads: false }, tag);
    expect(r.parts).toEqual([{ text: 'Een\n\nTwee\n\nMeer info' }]);
    expect(r.firstComment).toBeNull();
    const keep = renderVariant(base({}), { channelId: 'c', parts: ['Een'], firstComment: 'Meer info' }, { ...caps, firstComment: true }, tag);
    expect(keep.firstComment).toBe('Meer info');
  });
  it('a native poll where the channel has one, else the survey link', () => {
    const poll = { question: 'Wat vind je?', options: ['Ja', 'Nee'], durationHours: 24, surveyUrl: 'https://enquete.nl/1' };
    const native = renderVariant(base({ instrument: 'poll', poll }), { channelId: 'c', parts: ['Stem!'], firstComment: null }, { ...caps, nativePolls: true }, tag);
    expect(native.parts[0].poll).toEqual({ options: ['Ja', 'Nee'], durationSeconds: 86400 });
    const link = renderVariant(base({ instrument: 'poll', poll }), { channelId: 'c', parts: ['Stem!'], firstComment: null }, caps, tag);
    expect(link.parts[0]).toEqual({ text: 'Stem!\n\nhttps://enquete.nl/1?utm_source=bluesky' });
  });
  it('a link is added once, as a card where the channel makes cards', () => {
    const r = renderVariant(base({ instrument: 'link', link: { url: 'https://x.nl/b', utm: true } }), { channelId: 'c', parts: ['Lees dit'], firstComment: null }, caps, tag);
    expect(r.parts[0]).toEqual({ text: 'Lees dit\n\nhttps://x.nl/b?utm_source=bluesky', link: 'https://x.nl/b?utm_source=bluesky' });
  });
  it('records what insights need', () => {
    const f = featuresOf(base({ instrument: 'cta', cta: { type: 'buy', text: 'Koop', url: 'https://x.nl' } }), { channelId: 'c', parts: ['Zin je?', 'Twee'], firstComment: 'x' }, { campaignId: 'k', pillar: 'wonen', authorOrg: 'agency' });
    expect(f).toEqual({ instrument: 'cta', cta: 'buy', question: true, poll: false, media: 0, link: false, firstComment: true, threadParts: 2, campaignId: 'k', pillar: 'wonen', authorOrg: 'agency' });
  });
});
