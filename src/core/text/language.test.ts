import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('recognises ordinary Dutch posts and messages', () => {
    for (const text of [
      'Vanaf maandag 3 juni is het zwembad aan de Parklaan weer open. Kom je ook een baantje trekken?',
      'Goedemorgen! Heeft u vragen over de afvalkalender? Bel ons of kijk op de website van de gemeente.',
      'Wij zijn op zoek naar een enthousiaste collega voor ons team. Lees de vacature via de link in onze bio.',
      'Dank voor je bericht. We kijken er vandaag nog naar en laten het je zo snel mogelijk weten.',
    ]) {
      const r = detectLanguage(text);
      expect(r.language, text).toBe('nl');
      expect(r.confidence, text).toBeGreaterThanOrEqual(0.75);
    }
  });

  it('recognises ordinary English posts and messages', () => {
    for (const text of [
      'From Monday 3 June the swimming pool on Park Lane is open again. Will you come and swim a few laps?',
      'Good morning! Do you have questions about the waste calendar? Call us or have a look at our website.',
      'We are looking for an enthusiastic colleague to join our team. Read the vacancy through the link in our bio.',
      'Thanks for your message. We will look into it today and let you know as soon as possible.',
    ]) {
      const r = detectLanguage(text);
      expect(r.language, text).toBe('en');
      expect(r.confidence, text).toBeGreaterThanOrEqual(0.75);
    }
  });

  it('is not thrown by English loanwords in Dutch, or links, hashtags and mentions', () => {
    expect(detectLanguage('Check onze nieuwe website en laat ons weten wat je van het design vindt! https://www.example.com/the-new-thing #update @team').language).toBe('nl');
    expect(detectLanguage('The new playground in the Vondelpark is open. Thanks @gemeente for the #speeltuin!').language).toBe('en');
  });

  it('says nothing for short texts', () => {
    expect(detectLanguage('')).toEqual({ language: null, confidence: 0 });
    expect(detectLanguage('Top!')).toEqual({ language: null, confidence: 0 });
    expect(detectLanguage('Dank je wel')).toEqual({ language: null, confidence: 0 });
    expect(detectLanguage('😀 👍 🎉 https://example.com')).toEqual({ language: null, confidence: 0 });
  });

  it('says nothing for mixed texts', () => {
    expect(detectLanguage('Check onze nieuwe website, we are so excited about it').language).toBeNull();
    expect(detectLanguage('Vandaag is de opening van het park. Today is the opening of the park.').language).toBeNull();
  });
});
