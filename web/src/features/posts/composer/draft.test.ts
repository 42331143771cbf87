import { describe, expect, it } from 'vitest';
import { emptyContent } from '../../../../../src/core/content/post-content';
import { adaptChannel, contentOf, draftFromContent, emptyDraft, followCore, isFullUrl, partsFor, setInstrument, toggleChannel, updateVariant } from './draft';

const A = '01900000-0000-7000-8000-00000000000a';
const B = '01900000-0000-7000-8000-00000000000b';

function withChannels(core = 'Kern') {
  return toggleChannel(toggleChannel({ ...emptyDraft(), core }, A, true), B, true);
}

describe('emptyDraft', () => {
  it('starts from a brief: key message as core, wished channels chosen', () => {
    const d = emptyDraft({ briefId: 'b1', keyMessage: 'Boodschap', channelIds: [A] });
    expect(d.core).toBe('Boodschap');
    expect(d.channelIds).toEqual([A]);
    expect(d.briefId).toBe('b1');
    expect(contentOf(d, { strict: true }).variants).toEqual([{ channelId: A, parts: ['Boodschap'], firstComment: null }]);
  });
});

describe('variants follow the core until adapted', () => {
  it('uses the core message for every channel that is not adapted', () => {
    const d = withChannels('Eerst');
    expect(partsFor(d, A)).toEqual(['Eerst']);
    const later = { ...d, core: 'Later' };
    expect(partsFor(later, B)).toEqual(['Later']);
  });

  it('keeps an adapted text when the core changes', () => {
    let d = updateVariant(withChannels('Kern'), A, (v) => ({ ...v, parts: ['Eigen tekst'] }));
    d = { ...d, core: 'Nieuwe kern' };
    expect(partsFor(d, A)).toEqual(['Eigen tekst']);
    expect(partsFor(d, B)).toEqual(['Nieuwe kern']);
  });

  it('adapting starts from the current core; following again drops the adaptation but keeps the first comment', () => {
    let d = adaptChannel(withChannels('Kern'), A);
    expect(d.variants[A]).toEqual({ custom: true, parts: ['Kern'], firstComment: null });
    d = updateVariant(d, A, (v) => ({ ...v, parts: ['X'], firstComment: 'Reactie' }));
    d = followCore({ ...d, core: 'Nieuw' }, A);
    expect(partsFor(d, A)).toEqual(['Nieuw']);
    expect(contentOf(d, { strict: true }).variants[0].firstComment).toBe('Reactie');
  });

  it('removing and adding a channel brings back its adapted text', () => {
    let d = updateVariant(withChannels(), A, (v) => ({ ...v, parts: ['Apart'] }));
    d = toggleChannel(d, A, false);
    expect(d.channelIds).toEqual([B]);
    d = toggleChannel(d, A, true);
    expect(partsFor(d, A)).toEqual(['Apart']);
    expect(toggleChannel(d, A, true)).toBe(d);
  });
});

describe('threads', () => {
  it('keeps parts for a thread and joins them for other instruments', () => {
    let d = setInstrument(withChannels(), 'thread');
    d = updateVariant(d, A, (v) => ({ ...v, parts: ['Een', 'Twee'] }));
    expect(partsFor(d, A)).toEqual(['Een', 'Twee']);
    d = setInstrument(d, 'post');
    expect(d.variants[A].parts).toEqual(['Een\n\nTwee']);
    expect(partsFor(d, A)).toEqual(['Een\n\nTwee']);
  });
});

describe('contentOf', () => {
  it('sets only the chosen instrument and trims the title', () => {
    let d = { ...withChannels(), title: '  Titel ', instrument: 'cta' as const };
    d = { ...d, cta: { type: 'sign_up' as const, text: 'Meld je aan', url: ' https://voorbeeld.nl/a ' }, link: { url: 'https://x.nl', utm: false } };
    const c = contentOf(d, { strict: true });
    expect(c.title).toBe('Titel');
    expect(c.cta).toEqual({ type: 'sign_up', text: 'Meld je aan', url: 'https://voorbeeld.nl/a' });
    expect(c.link).toBeNull();
    expect(c.poll).toBeNull();
    expect(c.media).toEqual([]);
  });

  it('lenient mode leaves out incomplete fields; strict mode sends them for the server to judge', () => {
    const d = { ...withChannels(), instrument: 'link' as const, link: { url: 'voorbeeld.nl', utm: true } };
    expect(contentOf(d, { strict: false }).link).toBeNull();
    expect(contentOf(d, { strict: true }).link).toEqual({ url: 'voorbeeld.nl', utm: true });
  });

  it('drops empty poll options and needs two for the live check', () => {
    const d = { ...withChannels(), instrument: 'poll' as const, poll: { question: 'Welke?', options: ['Ja', ' ', 'Nee'], durationHours: 24, surveyUrl: '' } };
    expect(contentOf(d, { strict: false }).poll).toEqual({ question: 'Welke?', options: ['Ja', 'Nee'], durationHours: 24, surveyUrl: null });
    const one = { ...d, poll: { ...d.poll, options: ['Ja', ''] } };
    expect(contentOf(one, { strict: false }).poll).toBeNull();
  });

  it('turns a local event time into an ISO instant and leaves an empty comment out', () => {
    const d = { ...updateVariant(withChannels(), A, (v) => ({ ...v, firstComment: '   ' })), instrument: 'event' as const, event: { name: 'Avond', startsAt: '2026-05-01T19:30', place: 'Stadhuis' } };
    const c = contentOf(d, { strict: true });
    expect(c.event).toEqual({ name: 'Avond', startsAt: new Date('2026-05-01T19:30').toISOString(), place: 'Stadhuis' });
    expect(c.variants[0].firstComment).toBeNull();
    expect(contentOf({ ...d, event: { ...d.event, startsAt: '' } }, { strict: false }).event).toBeNull();
  });
});

describe('draftFromContent', () => {
  it('round-trips a saved post and recognises adapted variants', () => {
    const c = { ...emptyContent(), title: 'T', core: 'Kern', instrument: 'link' as const, link: { url: 'https://a.nl', utm: false }, variants: [
      { channelId: A, parts: ['Kern'], firstComment: null },
      { channelId: B, parts: ['Anders'], firstComment: 'Eerste' },
    ] };
    const d = draftFromContent(c, 'b', 'c');
    expect(d.variants[A].custom).toBe(false);
    expect(d.variants[B].custom).toBe(true);
    expect([d.briefId, d.campaignId]).toEqual(['b', 'c']);
    expect(contentOf(d, { strict: true })).toEqual(c);
  });
});

describe('isFullUrl', () => {
  it('accepts http(s) addresses without spaces only', () => {
    expect(isFullUrl('https://a.nl/x?y=1')).toBe(true);
    expect(isFullUrl(' http://a.nl ')).toBe(true);
    expect(isFullUrl('a.nl')).toBe(false);
    expect(isFullUrl('https://a .nl')).toBe(false);
    expect(isFullUrl('javascript:alert(1)')).toBe(false);
  });
});
