import { describe, expect, it } from 'vitest';
import { emailKey, handleKey, nameKey, suggestMerges, type ContactFacts } from './contact-merge';

const c = (id: string, name: string, over: Partial<ContactFacts> = {}): ContactFacts => ({ id, name, email: null, mergedInto: null, identities: [], ...over });
const pairs = (xs: ReturnType<typeof suggestMerges>) => xs.map((x) => `${x.a.id}-${x.b.id}:${x.reason}`);

describe('keys', () => {
  it('compares e-mail addresses without case or space and ignores non-addresses', () => {
    expect(emailKey('  Jan@Voorbeeld.NL ')).toBe('jan@voorbeeld.nl');
    expect(emailKey('geen adres')).toBeNull();
    expect(emailKey('')).toBeNull();
    expect(emailKey(null)).toBeNull();
  });
  it('compares handles without case or a leading @', () => {
    expect(handleKey('@JanJ')).toBe('janj');
    expect(handleKey('janj')).toBe('janj');
    expect(handleKey(' @ ')).toBeNull();
    expect(handleKey('@@')).toBeNull();
    expect(handleKey(null)).toBeNull();
  });
  it('normalises names and needs two words', () => {
    expect(nameKey('  José   DE  Vries ')).toBe('jose de vries');
    expect(nameKey('Jose de-Vries.')).toBe('jose de vries');
    expect(nameKey('Jan')).toBeNull();
    expect(nameKey(' - ')).toBeNull();
  });
});

describe('suggestMerges', () => {
  it('finds the same e-mail, the same handle across channels and the same full name', () => {
    const out = suggestMerges([
      c('01', 'Jan Jansen', { email: 'jan@x.nl' }),
      c('02', 'J.', { email: 'JAN@x.nl' }),
      c('03', 'Piet', { identities: [{ channelId: 'bsky', handle: '@piet' }] }),
      c('04', 'Pietje', { identities: [{ channelId: 'masto', handle: 'Piet' }] }),
      c('05', 'Anna de Wit'),
      c('06', 'anna  de  wit'),
    ]);
    expect(out).toEqual([
      { a: { id: '01', name: 'Jan Jansen' }, b: { id: '02', name: 'J.' }, reason: 'same_email' },
      { a: { id: '03', name: 'Piet' }, b: { id: '04', name: 'Pietje' }, reason: 'same_handle' },
      { a: { id: '05', name: 'Anna de Wit' }, b: { id: '06', name: 'anna  de  wit' }, reason: 'same_name' },
    ]);
  });

  it('gives each pair once, with its strongest reason, and a.id < b.id', () => {
    const out = suggestMerges([
      c('b', 'Jan Jansen', { email: 'jan@x.nl', identities: [{ channelId: 'x', handle: 'jj' }] }),
      c('a', 'Jan Jansen', { email: 'jan@x.nl', identities: [{ channelId: 'y', handle: 'jj' }] }),
    ]);
    expect(pairs(out)).toEqual(['a-b:same_email']);
    const handleAndName = suggestMerges([
      c('b', 'Jan Jansen', { identities: [{ channelId: 'x', handle: 'jj' }] }),
      c('a', 'Jan Jansen', { identities: [{ channelId: 'y', handle: 'jj' }] }),
    ]);
    expect(pairs(handleAndName)).toEqual(['a-b:same_handle']);
  });

  it('never suggests merged contacts, one contact with itself, or a handle on the same channel only', () => {
    expect(suggestMerges([c('a', 'Jan Jansen', { email: 'j@x.nl' }), c('b', 'Jan Jansen', { email: 'j@x.nl', mergedInto: 'a' })])).toEqual([]);
    expect(suggestMerges([c('a', 'Jan Jansen', { email: 'j@x.nl', identities: [{ channelId: 'x', handle: 'jj' }, { channelId: 'y', handle: 'jj' }] })])).toEqual([]);
    expect(suggestMerges([c('a', 'Jan Jansen'), c('a', 'Jan Jansen')])).toEqual([]);
    expect(suggestMerges([c('a', 'Jan', { identities: [{ channelId: 'x', handle: 'jj' }] }), c('b', 'Kees', { identities: [{ channelId: 'x', handle: 'jj' }] })])).toEqual([]);
  });

  it('does not pair one-word names or different names', () => {
    expect(suggestMerges([c('a', 'Jan'), c('b', 'jan'), c('c', 'Jan Jansen'), c('d', 'Jan Janssen')])).toEqual([]);
  });

  it('pairs a group of look-alikes with its first member: n − 1 pairs, not n²', () => {
    const many = Array.from({ length: 500 }, (_, i) => c(`id${String(i).padStart(3, '0')}`, 'Maria van Dam'));
    const out = suggestMerges(many, 1000);
    expect(out).toHaveLength(499);
    expect(out.every((p) => p.a.id === 'id000' && p.reason === 'same_name')).toBe(true);
  });

  it('pairs a handle with the first contact that carries it on another channel', () => {
    const out = suggestMerges([
      c('a', 'A', { identities: [{ channelId: 'x', handle: 'jj' }] }),
      c('b', 'B', { identities: [{ channelId: 'x', handle: 'jj' }] }),
      c('c', 'C', { identities: [{ channelId: 'y', handle: 'jj' }] }),
    ]);
    expect(pairs(out)).toEqual(['a-c:same_handle']);
  });

  it('is deterministic whatever the input order, and respects the limit', () => {
    const list = [c('d', 'Kim Bos', { email: 'k@x.nl' }), c('c', 'Kim Bos'), c('b', 'Ed Mol', { email: 'k@x.nl' }), c('a', 'Ed Mol')];
    const expected = ['b-d:same_email', 'a-b:same_name', 'c-d:same_name'];
    expect(pairs(suggestMerges(list))).toEqual(expected);
    expect(pairs(suggestMerges([...list].reverse()))).toEqual(expected);
    expect(pairs(suggestMerges(list, 2))).toEqual(expected.slice(0, 2));
    expect(suggestMerges(list, 0)).toEqual([]);
    expect(suggestMerges([])).toEqual([]);
  });
});
