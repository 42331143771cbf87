import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../text/language';
import { NEUTRAL_BAND, sentimentOf } from './sentiment';
import { DUTCH, EMOJI, EMOTICONS, ENGLISH } from './sentiment-lexicon';

const label = (text: string, language: 'nl' | 'en' | null = detectLanguage(text).language) => sentimentOf(text, language).label;
const score = (text: string, language: 'nl' | 'en' | null) => sentimentOf(text, language).score;

describe('sentimentOf: webcare messages', () => {
  it('reads Dutch complaints as negative', () => {
    for (const text of [
      'Schandalig! Mijn pakket is al drie weken onderweg en nog steeds niet bezorgd.',
      'Waardeloze service, ik wacht nog steeds op antwoord.',
      'Mijn pas werkt al 3 weken niet 🙁',
      'Ik heb al twee keer gebeld en nog altijd geen reactie. Belachelijk.',
      'Ik ben echt heel teleurgesteld in jullie klantenservice',
      'De app doet het niet en niemand helpt me 😡',
      'Van het kastje naar de muur gestuurd, ik ben het zat',
      'Waarom is jullie service zo slecht?',
    ]) expect(label(text, 'nl'), text).toBe('negative');
  });

  it('reads English complaints as negative', () => {
    for (const text of [
      'Still waiting for my refund. Unacceptable.',
      "My order still hasn't arrived after two weeks",
      'I have been on hold for 3 weeks, this is ridiculous!!',
      'Really disappointed with the service 👎',
      'The app is not working and nobody answers',
      'Worst customer service ever, never again',
    ]) expect(label(text, 'en'), text).toBe('negative');
  });

  it('reads Dutch and English praise as positive', () => {
    for (const [text, language] of [
      ['Dank jullie wel voor de snelle hulp, echt top! 👍', 'nl'],
      ['Heel erg bedankt, het werkt weer!', 'nl'],
      ['Wat een vriendelijke medewerker, complimenten 🙂', 'nl'],
      ['Super geholpen door jullie team ❤️', 'nl'],
      ['Thank you so much for the quick help 🙂', 'en'],
      ['Great job team, really impressed!', 'en'],
      ['Problem solved, you guys are awesome', 'en'],
    ] as const) expect(label(text, language), text).toBe('positive');
  });

  it('reads questions and plain messages as neutral', () => {
    for (const [text, language] of [
      ['Hoe laat gaat het zwembad open op zaterdag?', 'nl'],
      ['Wanneer wordt het grofvuil bij ons opgehaald?', 'nl'],
      ['Is er een probleem met de website?', 'nl'],
      ['Wat is de beste manier om mijn pas te verlengen?', 'nl'],
      ['Beste meneer, ik heb een vraag over mijn factuur. Met vriendelijke groet, Jan', 'nl'],
      ['Kan iemand mij helpen met mijn aanvraag? Alvast bedankt!', 'nl'],
      ['What are your opening hours on Saturday?', 'en'],
      ['What is the best way to renew my parking permit?', 'en'],
      ['Could you send me the form again? Thanks in advance. Best regards, Anna', 'en'],
    ] as const) expect(sentimentOf(text, language), text).toEqual({ label: 'neutral', score: expect.any(Number) });
    expect(sentimentOf('Hoe laat gaat het zwembad open op zaterdag?', 'nl')).toEqual({ label: 'neutral', score: 0 });
    expect(sentimentOf('What are your opening hours on Saturday?', 'en')).toEqual({ label: 'neutral', score: 0 });
  });

  it('weighs the second half of a contrast more ("goed maar waardeloos")', () => {
    expect(sentimentOf('De bezorging was goed maar de kwaliteit is waardeloos.', 'nl')).toEqual({ label: 'negative', score: -0.583 });
    expect(sentimentOf('It took long but it is solved now, great!', 'en').label).toBe('positive');
  });
});

describe('sentimentOf: the mechanics', () => {
  it('scores single words by their weight', () => {
    expect(sentimentOf('goed', 'nl')).toEqual({ label: 'positive', score: 0.583 });
    expect(sentimentOf('slecht', 'nl')).toEqual({ label: 'negative', score: -0.583 });
    expect(sentimentOf('schandalig', 'nl')).toEqual({ label: 'negative', score: -0.762 });
    expect(sentimentOf('unacceptable', 'en')).toEqual({ label: 'negative', score: -0.762 });
  });

  it('turns a negated word around, a negated negative only mildly', () => {
    expect(score('niet goed', 'nl')).toBe(-0.462);
    expect(score('Het is niet goed.', 'nl')).toBe(-0.462);
    expect(score('Ik ben niet tevreden over de afhandeling', 'nl')).toBe(-0.462);
    expect(score('I am not happy', 'en')).toBe(-0.462);
    expect(score("I don't think this is good", 'en')).toBe(-0.462);
    expect(score('It isn’t good', 'en')).toBe(-0.462);
    expect(sentimentOf('Niet slecht', 'nl')).toEqual({ label: 'positive', score: 0.322 });
    expect(sentimentOf('not bad', 'en')).toEqual({ label: 'positive', score: 0.322 });
    expect(sentimentOf('Zonder problemen geregeld', 'nl')).toEqual({ label: 'neutral', score: 0.124 });
  });

  it('knows idioms with a negation in them', () => {
    expect(sentimentOf('geen probleem', 'nl')).toEqual({ label: 'positive', score: 0.462 });
    expect(sentimentOf('no problem', 'en')).toEqual({ label: 'positive', score: 0.462 });
    expect(sentimentOf('Niet alleen snel maar ook vriendelijk', 'nl').label).toBe('positive');
    expect(sentimentOf('De app doet het niet', 'nl')).toEqual({ label: 'negative', score: -0.462 });
    expect(sentimentOf('werkt het niet?', 'nl')).toEqual({ label: 'negative', score: -0.462 });
    expect(sentimentOf('Ik heb geen idee waarom dit niet werkt', 'nl')).toEqual({ label: 'negative', score: -0.462 });
    expect(sentimentOf("It's not working", 'en')).toEqual({ label: 'negative', score: -0.462 });
  });

  it('ends a negation at a comma, a full stop or after a few words', () => {
    expect(score('Niet, goed', 'nl')).toBe(0.583);
    expect(score('Niet. Goed', 'nl')).toBe(0.583);
    expect(score('niet dat ik het weet maar het is goed', 'nl')).toBe(0.583);
    expect(score('nog steeds niet opgelost', 'nl')).toBe(-0.779);
  });

  it('strengthens with intensifiers and softens with diminishers', () => {
    expect(score('heel goed', 'nl')).toBe(0.762);
    expect(score('heel erg slecht', 'nl')).toBe(-0.905);
    expect(score('super snel', 'nl')).toBe(0.488);
    expect(score('very good', 'en')).toBe(0.762);
    expect(score('really good', 'en')).toBe(0.732);
    expect(score('een beetje teleurgesteld', 'nl')).toBe(-0.38);
    expect(score('heel', 'nl')).toBe(0);
  });

  it('reads a word that can intensify as a sentiment word when nothing follows ("erg", "super")', () => {
    expect(score('Dat is erg.', 'nl')).toBe(-0.462);
    expect(score('Super!', 'nl')).toBe(0.732);
    expect(sentimentOf('Dat is niet erg', 'nl').label).toBe('neutral');
  });

  it('does not let an intensifier inside a negation strengthen it ("niet zo heel goed")', () => {
    expect(score('Het was niet zo heel goed', 'nl')).toBe(-0.462);
    expect(score('niet heel slecht', 'nl')).toBe(0.322);
    expect(score('Absoluut niet goed', 'nl')).toBe(-0.635);
  });

  it('amplifies with exclamation marks (at most three count), capitals and stretched words', () => {
    expect(score('Slecht', 'nl')).toBe(-0.583);
    expect(score('Slecht!', 'nl')).toBe(-0.645);
    expect(score('Slecht!!!', 'nl')).toBe(-0.747);
    expect(score('Slecht!!!!!!', 'nl')).toBe(-0.747);
    expect(score('SLECHT', 'nl')).toBe(-0.762);
    expect(score('goeeed', 'nl')).toBe(0.664);
    expect(score('slechtttt', 'nl')).toBe(-0.664);
    expect(score('!!!', 'nl')).toBe(0);
  });

  it('weighs words in a question less, but not complaint phrases', () => {
    expect(score('Is er een probleem met de website?', 'nl')).toBe(-0.087);
    expect(score('Waarom is jullie service zo slecht?', 'nl')).toBe(-0.294);
    expect(score('Waarom is jullie service zo slecht?!', 'nl')).toBe(-0.747);
    expect(score('Waarom werkt de app nog steeds niet?', 'nl')).toBe(-0.583);
  });

  it('knows webcare complaint phrasing', () => {
    for (const [text, language] of [
      ['al drie weken', 'nl'], ['al 3 weken', 'nl'], ['nog steeds niet', 'nl'], ['still waiting', 'en'], ['for two weeks', 'en'],
    ] as const) expect(sentimentOf(text, language), text).toEqual({ label: 'negative', score: expect.any(Number) });
    expect(score('al drie weken', 'nl')).toBe(-0.583);
    expect(score('al maanden', 'nl')).toBe(-0.682);
    expect(score('still waiting', 'en')).toBe(-0.583);
    expect(score('waardeloos', 'nl')).toBe(-0.762);
  });

  it('reads emoji (with or without variation selector) and emoticons, not URLs or a colon before a word', () => {
    expect(score('😡', null)).toBe(-0.762);
    expect(score('🙁', null)).toBe(-0.462);
    expect(score('🙂', null)).toBe(0.462);
    expect(score('👍', null)).toBe(0.462);
    expect(score('❤️', null)).toBe(0.682);
    expect(score('❤', null)).toBe(0.682);
    expect(score(':)', null)).toBe(0.462);
    expect(score(':-(', null)).toBe(-0.462);
    expect(score('<3', null)).toBe(0.682);
    expect(score(':D', null)).toBe(0.583);
    expect(score('zie http://voorbeeld.nl', null)).toBe(0);
    expect(score('Let op:Dit is het adres', null)).toBe(0);
    expect(score('om 10:30 uur', null)).toBe(0);
  });

  it('keeps polite formulas neutral', () => {
    for (const [text, language] of [
      ['Met vriendelijke groet', 'nl'], ['Beste Jan', 'nl'], ['Goede morgen', 'nl'], ['Alvast bedankt', 'nl'],
      ['Thanks in advance', 'en'], ['Best regards', 'en'], ['Kind regards', 'en'], ['Good morning', 'en'],
    ] as const) expect(score(text, language), text).toBe(0);
  });

  it('uses the list of the given language, and both when the language is unknown (without false friends)', () => {
    expect(score('waardeloos', null)).toBe(-0.762);
    expect(score('useless', null)).toBe(-0.682);
    expect(score('waardeloos', 'en')).toBe(0);
    expect(score('useless', 'nl')).toBe(0);
    expect(score('Dat lost het op', 'nl')).toBe(0);
    expect(score('Dat lost het op', null)).toBe(0);
    expect(score('The parcel is lost', 'en')).toBe(-0.462);
  });

  it('answers neutral for empty and odd input, and stays within -1..1', () => {
    expect(sentimentOf('', null)).toEqual({ label: 'neutral', score: 0 });
    expect(sentimentOf('   \n\t', 'nl')).toEqual({ label: 'neutral', score: 0 });
    expect(sentimentOf(undefined as unknown as string, 'en')).toEqual({ label: 'neutral', score: 0 });
    expect(sentimentOf('\ud83d', null)).toEqual({ label: 'neutral', score: 0 });
    expect(score('schandalig '.repeat(5000), 'nl')).toBe(-1);
    expect(score('geweldig '.repeat(5000), 'nl')).toBe(1);
    const mixed = sentimentOf('goed slecht '.repeat(100), 'nl');
    expect(mixed).toEqual({ label: 'neutral', score: 0 });
    expect(NEUTRAL_BAND).toBe(0.25);
  });

  it('handles 10,000 messages of 200 characters well within a second', () => {
    const base = [
      'Schandalig! Mijn pakket is al drie weken onderweg en nog steeds niet bezorgd. Ik heb al drie keer gebeld en niemand helpt me. 😡 Wat een waardeloze service, echt niet normaal!! Graag snel een reactie van jullie.',
      'Thank you so much for the quick help yesterday 🙂 The new app works really well and the team was very friendly. I would still like to know when the pool opens on Saturday though, cheers and have a nice day!',
    ].map((t) => t.slice(0, 200));
    const messages = Array.from({ length: 10_000 }, (_, i) => `${base[i % 2]} ${i}`);
    const languages = [null, 'nl', 'en'] as const;
    for (let i = 0; i < 1000; i++) sentimentOf(messages[i], languages[i % 3]);
    const started = performance.now();
    let negative = 0;
    for (let i = 0; i < messages.length; i++) if (sentimentOf(messages[i], languages[i % 3]).label === 'negative') negative++;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(negative).toBeGreaterThan(3000);
  });
});

describe('sentiment lexicon', () => {
  it('holds about 150 to 300+ Dutch and English entries, weighted within -3..3, written in their normal form', () => {
    for (const lex of [DUTCH, ENGLISH]) {
      const entries = Object.entries(lex.terms);
      expect(entries.length).toBeGreaterThanOrEqual(150);
      expect(entries.length).toBeLessThanOrEqual(400);
      for (const [term, weight] of entries) {
        expect(term, term).toMatch(/^([a-z0-9]+|#n|\*)( ([a-z0-9]+|#n|\*))*$/);
        expect(Math.abs(weight), term).toBeLessThanOrEqual(3);
      }
      for (const w of [...lex.negators, ...Object.keys(lex.intensifiers), ...lex.numbers]) expect(w).toMatch(/^[a-z]+$/);
    }
    for (const w of [...Object.values(EMOJI), ...Object.values(EMOTICONS)]) expect(Math.abs(w)).toBeLessThanOrEqual(3);
  });
});
