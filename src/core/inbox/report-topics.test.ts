import { describe, expect, it } from 'vitest';
import { topicTerms, topTopics } from './report-topics';

describe('topicTerms', () => {
  it('keeps meaningful words of 3+ characters, lower case, once', () => {
    expect([...topicTerms('Het AFVAL ligt al weken op straat, afval overal! Kan dat?')]).toEqual(['afval', 'ligt', 'weken', 'straat', 'overal']);
  });
  it('drops English stop words, links, handles, e-mail addresses and bare numbers', () => {
    expect([...topicTerms('Hello @gemeente, please check https://x.nl/afval or info@x.nl about the 2027 parking permit')]).toEqual(['check', 'parking', 'permit']);
  });
  it('keeps accented letters and words with digits', () => {
    expect([...topicTerms('Café in de A12-tunnel is één ramp')]).toEqual(['café', 'a12-tunnel', 'één', 'ramp']);
  });
  it('gives nothing for empty or noise-only text', () => {
    expect(topicTerms('').size).toBe(0);
    expect(topicTerms('ok ja 12 :)').size).toBe(0);
  });
});

describe('topTopics', () => {
  it('counts a term once per message, most first then alphabetical, and leaves single mentions out', () => {
    const out = topTopics(['Afval afval afval', 'Het afval en de parkeervergunning', 'Parkeervergunning kwijt', 'Waar is de bibliotheek?', 'afval weer']);
    expect(out).toEqual([
      { term: 'afval', count: 3 },
      { term: 'parkeervergunning', count: 2 },
    ]);
  });
  it('respects the limit and breaks ties by term', () => {
    const out = topTopics(['beta alfa gamma', 'gamma beta alfa'], 2);
    expect(out).toEqual([{ term: 'alfa', count: 2 }, { term: 'beta', count: 2 }]);
    expect(topTopics([])).toEqual([]);
    expect(topTopics(['alfa', 'alfa'], 0)).toEqual([]);
  });
});
