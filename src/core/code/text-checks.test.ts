import { describe, expect, it } from 'vitest';
import { checkText, compileCode } from './check';
import { inWindow, parseHHMM } from './quiet-hours';
import { checkOf, clauseWith, findingsFor, spansOf } from './test-helpers';
import type { CheckSpec } from './types';
import { verdictOf } from './verdict';

const tone: CheckSpec = { kind: 'tone', maxCapsRatio: 0.5, minLettersForCaps: 10, maxExclamations: 1 };

describe('tone', () => {
  it('flags text mostly in capitals, as a whole', () => {
    const [f, ...rest] = findingsFor(tone, 'DIT IS ECHT HEEL BELANGRIJK');
    expect(rest).toEqual([]);
    expect(f.span).toBeUndefined();
    expect(f.message.nl).toBe('100% van de letters zijn hoofdletters; dat leest als schreeuwen. Zo kan het niet verstuurd worden. (Regel: Testregel)');
    expect(findingsFor(tone, 'ÉÉN GROTE ÜBERSTRAßE')[0].message.en).toContain('94%');
  });

  it('leaves short texts, acronyms and texts at the limit alone', () => {
    expect(findingsFor(tone, 'OK DOEI')).toEqual([]);
    expect(findingsFor(tone, 'NASA lanceert vandaag een nieuwe raket')).toEqual([]);
    expect(findingsFor(tone, 'ABCDEfghij')).toEqual([]);
    expect(findingsFor(tone, 'ABCDEFghij')).toHaveLength(1);
  });

  it('points at the first exclamation mark too many and at every run of them', () => {
    expect(spansOf(findingsFor(tone, 'Wat leuk! Echt!'))).toEqual([[[14, 15], '!']]);
    expect(spansOf(findingsFor(tone, 'Wat leuk!!'))).toEqual([
      [[8, 10], '!!'],
      [[9, 10], '!'],
    ]);
    expect(findingsFor(tone, 'Wat leuk!')).toEqual([]);
    expect(findingsFor({ ...tone, maxExclamations: 5 }, 'Ja!! Nee')[0].message.nl).toContain('“!!”');
  });
});

describe('quiet hours', () => {
  const night: CheckSpec = { kind: 'quiet_hours', from: '22:00', to: '07:00', timeZone: 'Europe/Amsterdam' };
  const at = (sendAt: string | undefined, spec: CheckSpec = night) => findingsFor(spec, 'Hallo', { sendAt }).length;

  it('wraps midnight in Amsterdam time, summer and winter', () => {
    expect(at('2026-07-01T20:30:00Z')).toBe(1); // 22:30 CEST
    expect(at('2026-07-01T19:59:00Z')).toBe(0); // 21:59 CEST
    expect(at('2026-01-15T20:30:00Z')).toBe(0); // 21:30 CET
    expect(at('2026-01-15T21:30:00Z')).toBe(1); // 22:30 CET
    expect(at('2026-07-01T04:59:00Z')).toBe(1); // 06:59 CEST
    expect(at('2026-07-01T05:00:00Z')).toBe(0); // 07:00 CEST: the end is not included
    expect(at('2026-07-01T20:00:00Z')).toBe(1); // 22:00 CEST: the start is
  });

  it('follows the switch to summer time', () => {
    expect(at('2026-03-28T05:00:00Z')).toBe(1); // 06:00 CET
    expect(at('2026-03-29T05:00:00Z')).toBe(0); // 07:00 CEST, the first morning of summer time
    expect(at('2026-10-25T05:30:00Z')).toBe(1); // 06:30 CET, the first morning of winter time
  });

  it('says when the text leaves, in local time', () => {
    const [f] = findingsFor(night, 'Hallo', { sendAt: '2026-07-01T21:15:00+00:00' });
    expect(f.message.nl).toBe('Dit vertrekt om 23:15 (Europe/Amsterdam), binnen de stille uren van 22:00 tot 07:00. Zo kan het niet verstuurd worden. (Regel: Testregel)');
  });

  it('handles windows within one day and other time zones', () => {
    const lunch: CheckSpec = { kind: 'quiet_hours', from: '12:00', to: '13:00', timeZone: 'UTC' };
    expect(at('2026-05-05T12:30:00Z', lunch)).toBe(1);
    expect(at('2026-05-05T13:00:00Z', lunch)).toBe(0);
    expect(at('2026-05-05T11:59:00Z', lunch)).toBe(0);
    expect(at('2026-07-02T03:00:00Z', { ...night, timeZone: 'America/New_York' })).toBe(1); // 23:00 EDT
    expect(at('2026-07-02T12:00:00Z', { ...night, timeZone: 'America/New_York' })).toBe(0);
  });

  it('judges nothing without a (valid) send time', () => {
    expect(at(undefined)).toBe(0);
    expect(at('gisteren')).toBe(0);
  });

  it('parses times and windows exactly', () => {
    expect(parseHHMM('07:05')).toBe(425);
    expect(parseHHMM('23:59')).toBe(1439);
    for (const bad of ['24:00', '7:00', '07:60', '0700', ' 07:00']) expect(parseHHMM(bad), bad).toBeNull();
    expect(inWindow(0, 1320, 420)).toBe(true);
    expect(inWindow(600, 600, 600)).toBe(false);
  });
});

describe('language of the channel', () => {
  const lang: CheckSpec = { kind: 'language' };
  const english = 'We are happy to tell you that the new library will open its doors next week.';
  const dutch = 'We zijn blij dat we kunnen vertellen dat de nieuwe bibliotheek volgende week de deuren opent.';

  it('flags a text clearly in the other language', () => {
    const [f, ...rest] = findingsFor(lang, english, { channelLanguage: 'nl' });
    expect(rest).toEqual([]);
    expect(f.message.nl).toBe('De tekst lijkt Engels, maar het kanaal is Nederlands. Zo kan het niet verstuurd worden. (Regel: Testregel)');
    expect(findingsFor(lang, dutch, { channelLanguage: 'en' })).toHaveLength(1);
  });

  it('says nothing for the right language, short or mixed texts, or a channel without a language', () => {
    expect(findingsFor(lang, dutch, { channelLanguage: 'nl' })).toEqual([]);
    expect(findingsFor(lang, 'Top!', { channelLanguage: 'nl' })).toEqual([]);
    expect(findingsFor(lang, 'Check onze nieuwe website, we are so excited about it', { channelLanguage: 'nl' })).toEqual([]);
    expect(findingsFor(lang, english)).toEqual([]);
  });
});

describe('order of findings and the verdict', () => {
  it('orders findings by start, whole-text findings last, and takes the worst severity', () => {
    const code = compileCode([
      clauseWith([checkOf({ kind: 'forbidden_words', words: ['kut'], starterLists: [] }, 'block', 'w')], 'a'),
      clauseWith([checkOf({ kind: 'personal_data', types: ['phone'] }, 'needs_approval', 'p')], 'b'),
      clauseWith([checkOf({ kind: 'quiet_hours', from: '00:00', to: '23:59', timeZone: 'UTC' }, 'warn', 'q')], 'c'),
    ]);
    const found = checkText(code, { text: 'Bel 0612345678, kut', context: 'message', sendAt: '2026-01-01T10:00:00Z' });
    expect(found.map((f) => [f.clauseId, f.span])).toEqual([
      ['b', [4, 14]],
      ['a', [16, 19]],
      ['c', undefined],
    ]);
    expect(verdictOf(found)).toBe('block');
    expect(verdictOf(found.filter((f) => f.severity !== 'block'))).toBe('needs_approval');
    expect(verdictOf(found.filter((f) => f.severity === 'warn'))).toBe('warn');
    expect(verdictOf([])).toBe('ok');
  });
});
