import { describe, expect, it } from 'vitest';
import { checkText, compileCode } from './check';
import { clauseWith, checkOf, findingsFor, spansOf } from './test-helpers';
import type { CheckSpec } from './types';

const words = (list: string[], starterLists: Array<'nl' | 'en'> = []): CheckSpec => ({ kind: 'forbidden_words', words: list, starterLists });
const starter: CheckSpec = words([], ['nl', 'en']);

describe('forbidden words', () => {
  it('finds a whole word with its exact span, check, clause and message', () => {
    const [f, ...rest] = findingsFor(words(['kut']), 'Wat een kut dag');
    expect(rest).toEqual([]);
    expect(f).toEqual({
      clauseId: 'c1',
      checkId: 'k1',
      kind: 'forbidden_words',
      severity: 'block',
      span: [8, 11],
      match: 'kut',
      message: {
        nl: '“kut” is een scheldwoord of een woord dat we niet gebruiken. Zo kan het niet verstuurd worden. (Regel: Testregel)',
        en: '“kut” is a swear word or a word we do not use. It cannot be sent like this. (Rule: Test rule)',
      },
    });
  });

  it('ignores case and accents, also decomposed ones, and points at the original text', () => {
    expect(spansOf(findingsFor(words(['kut']), 'KÚT! en Ku\u0301t'))).toEqual([
      [[0, 3], 'KÚT'],
      [[8, 12], 'Ku\u0301t'],
    ]);
    expect(spansOf(findingsFor(words(['café']), 'naar het CAFE'))).toEqual([[[9, 13], 'CAFE']]);
  });

  it('keeps offsets right after emoji and other characters outside the basic plane', () => {
    expect(spansOf(findingsFor(words(['kut']), '😀😀 kut 𝒳'))).toEqual([[[5, 8], 'kut']]);
  });

  it('never matches inside other words (the Scunthorpe problem)', () => {
    const text = 'The class assessment in Scunthorpe, a cocktail in Essex, a passing grade. Hello, Dick.';
    expect(findingsFor(starter, text)).toEqual([]);
    expect(findingsFor(starter, 'De ambassade in Kutaisi, een lullig klassiek concert, de kutter voer uit, hoerastemming.')).toEqual([]);
    expect(findingsFor(words(['ass']), 'assessment, bass, ASS')).toHaveLength(1);
  });

  it('sees through stretched letters (three or more) but not through doubled ones', () => {
    expect(spansOf(findingsFor(words(['kut']), 'kuuuut en KUUUT'))).toEqual([
      [[0, 6], 'kuuuut'],
      [[10, 15], 'KUUUT'],
    ]);
    expect(findingsFor(words(['lul']), 'a lull in the talk')).toEqual([]);
    expect(spansOf(findingsFor(words(['ass']), 'what an asssss'))).toEqual([[[8, 14], 'asssss']]);
  });

  it('sees words spelled out with one repeated separator', () => {
    expect(spansOf(findingsFor(words(['kut']), 'k.u.t, k u t, k-u-t en k*u*t'))).toEqual([
      [[0, 5], 'k.u.t'],
      [[7, 12], 'k u t'],
      [[14, 19], 'k-u-t'],
      [[23, 28], 'k*u*t'],
    ]);
    expect(findingsFor(words(['kut']), 'k.u-t en k. u. t')).toEqual([]);
    expect(findingsFor(words(['tav']), 'Dit is t.a. v. niemand')).toEqual([]);
  });

  it('ignores zero-width characters and soft hyphens hidden inside a word', () => {
    expect(spansOf(findingsFor(words(['kut']), 'k\u200But en ku\u00adt'))).toEqual([
      [[0, 4], 'k\u200But'],
      [[8, 12], 'ku\u00adt'],
    ]);
  });

  it('matches phrases across spaces and hyphens, not across commas', () => {
    expect(spansOf(findingsFor(words(['rot op']), 'Rot  op! rot-op. rot, op'))).toEqual([
      [[0, 7], 'Rot  op'],
      [[9, 15], 'rot-op'],
    ]);
    expect(spansOf(findingsFor(starter, "Lik m'n reet"))).toEqual([[[0, 12], "Lik m'n reet"]]);
  });

  it('matches longer words only for a term ending in *', () => {
    expect(spansOf(findingsFor(words(['klote*']), 'Klotesysteem, klote, klotsen'))).toEqual([
      [[0, 12], 'Klotesysteem'],
      [[14, 19], 'klote'],
    ]);
  });

  it('reports overlapping terms of one check once, by the longest', () => {
    expect(spansOf(findingsFor(words(['klote', 'klote zooi', 'KLOTE']), 'wat een klote zooi'))).toEqual([[[8, 18], 'klote zooi']]);
  });

  it('uses the starter lists only when asked, together with custom words', () => {
    expect(findingsFor(words(['foo']), 'klootzak foo')).toHaveLength(1);
    expect(spansOf(findingsFor(words(['foo'], ['nl']), 'klootzak foo fuck'))).toEqual([
      [[0, 8], 'klootzak'],
      [[9, 12], 'foo'],
      [[13, 17], 'fuck'],
    ]);
    expect(spansOf(findingsFor(words([], ['en']), 'klootzak, what the fuck'))).toEqual([[[19, 23], 'fuck']]);
  });

  it('finds hashtags and mentions of a word', () => {
    expect(spansOf(findingsFor(words(['kut']), '#kut @kut'))).toEqual([
      [[1, 4], 'kut'],
      [[6, 9], 'kut'],
    ]);
  });
});

describe('sensitive topics and competitors', () => {
  const topics: CheckSpec = { kind: 'sensitive_topics', topics: [{ name: 'death', terms: ['overleden', 'passed away'] }, { name: 'politics', terms: ['verkiezingen'] }] };

  it('names the topic in the message and points at the term', () => {
    const found = findingsFor(topics, 'Onze oud-collega is overleden; she passed away before the verkiezingen.');
    expect(spansOf(found)).toEqual([
      [[20, 29], 'overleden'],
      [[35, 46], 'passed away'],
      [[58, 70], 'verkiezingen'],
    ]);
    expect(found[0].message.en).toContain('(death)');
    expect(found[2].message.nl).toContain('(politics)');
  });

  it('finds competitor names, also as one word of a domain, but not inside longer words', () => {
    const found = findingsFor({ kind: 'competitors', names: ['Albert Heijn', 'Jumbo'] }, 'Goedkoper dan Albert  Heijn en jumbo.com, niet bij de Jumbotron.');
    expect(spansOf(found)).toEqual([
      [[14, 27], 'Albert  Heijn'],
      [[31, 36], 'jumbo'],
    ]);
    expect(found[0].message.nl).toBe('“Albert  Heijn” noemt een concurrent (Albert Heijn). Zo kan het niet verstuurd worden. (Regel: Testregel)');
  });
});

describe('disclosure of paid partnerships', () => {
  const disclosure: CheckSpec = { kind: 'disclosure', triggers: ['gesponsord', 'kortingscode'], disclosures: ['#ad', 'in samenwerking met'] };

  it('asks for a disclosure when the post is marked as a paid partnership', () => {
    const [f, ...rest] = findingsFor(disclosure, 'Probeer onze nieuwe fiets!', { paidPartnership: true });
    expect(rest).toEqual([]);
    expect(f.span).toBeUndefined();
    expect(f.kind).toBe('disclosure');
    expect(f.message.nl).toBe('Dit is betaalde samenwerking, maar dat staat er niet bij: vermeld het, bijvoorbeeld met “#ad” of “in samenwerking met”. Zo kan het niet verstuurd worden. (Regel: Testregel)');
  });

  it('accepts a hashtag disclosure in any case, but not the bare word', () => {
    expect(findingsFor(disclosure, 'Nieuwe fiets #AD', { paidPartnership: true })).toEqual([]);
    expect(findingsFor(disclosure, 'Nieuwe fiets ad', { paidPartnership: true })).toHaveLength(1);
    expect(findingsFor(disclosure, 'In samenwerking met Merk X: een nieuwe fiets', { paidPartnership: true })).toEqual([]);
  });

  it('is triggered by a trigger word, pointing at it', () => {
    expect(spansOf(findingsFor(disclosure, 'Gebruik kortingscode ZOMER'))).toEqual([[[8, 20], 'kortingscode']]);
    expect(findingsFor(disclosure, 'Gebruik kortingscode ZOMER #ad')).toEqual([]);
  });

  it('says nothing without a trigger or the paid-partnership mark', () => {
    expect(findingsFor(disclosure, 'Een gewone post over fietsen', { paidPartnership: false })).toEqual([]);
  });
});

describe('one code, several clauses', () => {
  it('keeps each finding with its own clause and check, sorted by where it starts', () => {
    const code = compileCode([
      clauseWith([checkOf(words(['kut']), 'block', 'swear')], 'respect'),
      clauseWith([checkOf({ kind: 'competitors', names: ['jumbo'] }, 'needs_approval', 'names')], 'rivals'),
    ]);
    const found = checkText(code, { text: 'Jumbo is kut', context: 'reply' });
    expect(found.map((f) => [f.clauseId, f.checkId, f.severity, f.span])).toEqual([
      ['rivals', 'names', 'needs_approval', [0, 5]],
      ['respect', 'swear', 'block', [9, 12]],
    ]);
  });

  it('checks an empty code and an empty text without findings', () => {
    expect(checkText(compileCode([]), { text: 'kut', context: 'post' })).toEqual([]);
    expect(findingsFor(starter, '')).toEqual([]);
  });
});
