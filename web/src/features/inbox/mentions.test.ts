import { describe, expect, it } from 'vitest';
import { insertMention, matchMentions, mentionAt } from './mentions';

const people = [
  { userId: '1', name: 'Els de Vries', email: 'els.devries@gemeente-voorbeeld.nl' },
  { userId: '2', name: 'Mark Peters', email: 'mark.peters@bureauhelder.nl' },
  { userId: '3', name: 'Ömer Çelik', email: 'omer@gemeente-voorbeeld.nl' },
];

describe('mentionAt', () => {
  it('finds the @ being typed at the caret', () => {
    expect(mentionAt('Hoi @Ma', 7)).toEqual({ start: 4, query: 'Ma' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionAt('@Els de', 7)).toEqual({ start: 0, query: 'Els de' });
  });

  it('is null outside a mention', () => {
    expect(mentionAt('mail@example.nl', 15)).toBeNull();
    expect(mentionAt('Hoi @Mark\nverder', 16)).toBeNull();
    expect(mentionAt('@ spatie', 8)).toBeNull();
    expect(mentionAt('geen apenstaart', 5)).toBeNull();
    expect(mentionAt(`@${'x'.repeat(41)}`, 42)).toBeNull();
  });

  it('only looks before the caret', () => {
    expect(mentionAt('@Mark en meer', 5)).toEqual({ start: 0, query: 'Mark' });
  });
});

describe('matchMentions', () => {
  it('matches the start of any word of the name or the e-mail, ignoring case and accents', () => {
    expect(matchMentions(people, 'pet').map((p) => p.userId)).toEqual(['2']);
    expect(matchMentions(people, 'VRI').map((p) => p.userId)).toEqual(['1']);
    expect(matchMentions(people, 'omer').map((p) => p.userId)).toEqual(['3']);
    expect(matchMentions(people, 'celik').map((p) => p.userId)).toEqual(['3']);
    expect(matchMentions(people, 'els.dev').map((p) => p.userId)).toEqual(['1']);
    expect(matchMentions(people, 'zzz')).toEqual([]);
  });

  it('offers everyone for an empty query, up to the limit', () => {
    expect(matchMentions(people, '', 2).map((p) => p.userId)).toEqual(['1', '2']);
  });
});

describe('insertMention', () => {
  it('replaces the typed part with the full name and a space, and puts the caret after it', () => {
    expect(insertMention('Hoi @Ma, bel je?', { start: 4, query: 'Ma' }, 'Mark Peters')).toEqual({ text: 'Hoi @Mark Peters , bel je?', caret: 17 });
    expect(insertMention('@El wil je', { start: 0, query: 'El' }, 'Els de Vries')).toEqual({ text: '@Els de Vries wil je', caret: 14 });
  });
});
