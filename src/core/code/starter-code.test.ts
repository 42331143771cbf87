import { describe, expect, it } from 'vitest';
import { checkText, compileCode } from './check';
import { codeDocument, describeCheck } from './document';
import { starterCode } from './starter-code';
import { STARTER_EN, STARTER_NL } from './starter-lists';
import { parseTerm } from './term-index';
import type { CheckKind } from './types';
import { validateClauses } from './validate';
import { verdictOf } from './verdict';

const ALL_KINDS: CheckKind[] = ['forbidden_words', 'sensitive_topics', 'disclosure', 'link_domains', 'personal_data', 'tone', 'quiet_hours', 'language', 'competitors'];

describe('the starter code', () => {
  it('covers every kind of check with the severity that fits it', () => {
    // The first check of each kind decides (privacy also warns about phone numbers and e-mail addresses).
    const bySeverity = Object.fromEntries(starterCode().flatMap((c) => c.checks.map((k) => [k.spec.kind, k.severity])).reverse());
    expect(Object.keys(bySeverity).sort()).toEqual([...ALL_KINDS].sort());
    expect(bySeverity).toMatchObject({
      forbidden_words: 'block',
      sensitive_topics: 'needs_approval',
      personal_data: 'block',
      disclosure: 'block',
      tone: 'warn',
      quiet_hours: 'warn',
      language: 'warn',
      competitors: 'needs_approval',
    });
    const privacy = starterCode().find((c) => c.id === 'privacy')!.checks;
    expect(privacy.map((k) => [k.severity, k.spec.kind === 'personal_data' && k.spec.types])).toEqual([
      ['block', ['bsn', 'iban']],
      ['warn', ['phone', 'email']],
    ]);
  });

  it('has unique ids, and titles, texts and explanations in both languages', () => {
    const clauses = starterCode();
    expect(new Set(clauses.map((c) => c.id)).size).toBe(clauses.length);
    for (const c of clauses) for (const t of [c.title, c.text, c.explanation]) expect(t.nl && t.en, c.id).toBeTruthy();
    expect(validateClauses(clauses).ok).toBe(true);
  });

  it('gives a fresh copy each time', () => {
    const a = starterCode();
    a[0].checks.length = 0;
    expect(starterCode()[0].checks).toHaveLength(1);
  });

  it('judges everyday posts as they should be judged', () => {
    const code = compileCode(starterCode());
    const check = (text: string, extra = {}) => verdictOf(checkText(code, { text, context: 'post', channelLanguage: 'nl', sendAt: '2026-06-01T10:00:00Z', ...extra }));
    expect(check('Vanaf maandag is het zwembad weer open. Kom je ook een baantje trekken?')).toBe('ok');
    expect(check('Wat een klootzak, die buurman.')).toBe('block');
    expect(check('Met verdriet hebben we vernomen dat onze oud-wethouder is overleden.')).toBe('needs_approval');
    expect(check('Stuur je BSN 111222333 naar ons.')).toBe('block');
    expect(check('Nieuw bij ons: de fiets van het jaar.', { paidPartnership: true })).toBe('block');
    expect(check('Nieuw bij ons: de fiets van het jaar. #ad', { paidPartnership: true })).toBe('ok');
    expect(check('Lees meer op https://bit.ly/3abc over het nieuwe park.')).toBe('warn');
    expect(check('Vanaf maandag is het zwembad weer open.', { sendAt: '2026-06-01T23:00:00Z' })).toBe('warn');
  });
});

describe('the starter lists', () => {
  it('hold a reasonable number of distinct, usable entries', () => {
    for (const list of [STARTER_NL, STARTER_EN]) {
      expect(list.length).toBeGreaterThanOrEqual(60);
      expect(list.length).toBeLessThanOrEqual(150);
      expect(new Set(list).size).toBe(list.length);
      for (const w of list) expect(parseTerm(w)?.words.join('').length ?? 0, w).toBeGreaterThanOrEqual(2);
    }
  });

  it('leave out words that are ordinary words too', () => {
    for (const w of ['hoe', 'kanker', 'dick', 'tit', 'cum', 'homo', 'eikel', 'pik', 'as', 'class']) {
      expect([...STARTER_NL, ...STARTER_EN], w).not.toContain(w);
    }
  });
});

describe('the code as a document', () => {
  it('describes every clause in the chosen language', () => {
    const nl = codeDocument(starterCode(), 'nl');
    expect(nl.sections.map((s) => s.clauseId)).toEqual(starterCode().map((c) => c.id));
    expect(nl.sections[0]).toEqual({
      clauseId: 'respect',
      title: 'Respectvol taalgebruik',
      text: 'We schelden niet en gebruiken geen woorden die mensen kwetsen of buitensluiten.',
      explanation: 'Alles wat we plaatsen spreekt namens de hele organisatie. Een scheldwoord blijft hangen, ook als het als grap bedoeld was.',
      rules: ['Berichten met scheldwoorden en kwetsende woorden (standaardlijst Nederlands en Engels) worden tegengehouden.'],
    });
    const en = codeDocument(starterCode(), 'en');
    expect(en.sections[0].rules).toEqual(['Messages with swear words and slurs (standard Dutch and English list) are stopped.']);
    expect(en.sections.find((s) => s.clauseId === 'night')?.rules).toEqual(['Messages that leave between 22:00 and 07:00 (time in Europe/Amsterdam) get a warning.']);
    for (const s of [...nl.sections, ...en.sections]) expect(s.rules.length, s.clauseId).toBeGreaterThan(0);
  });

  it('lists custom words but never the starter lists', () => {
    const text = JSON.stringify([codeDocument(starterCode(), 'nl'), codeDocument(starterCode(), 'en')]);
    for (const w of ['klootzak', 'fuck', 'kutwijf']) expect(text).not.toContain(w);
    expect(describeCheck({ kind: 'forbidden_words', words: ['foo', 'bar'], starterLists: ['nl'] }, 'block', 'en')).toBe(
      'Messages with swear words and slurs (standard Dutch list) or with these words: “foo” and “bar” are stopped.',
    );
    expect(describeCheck({ kind: 'forbidden_words', words: ['foo'], starterLists: [] }, 'warn', 'nl')).toBe('Berichten met deze woorden: “foo” krijgen een waarschuwing.');
  });

  it('describes the other kinds in plain words', () => {
    expect(describeCheck({ kind: 'link_domains', allow: ['gemeente.nl'], deny: ['bit.ly'] }, 'needs_approval', 'nl')).toBe(
      'Links mogen alleen naar gemeente.nl (en hun subdomeinen); berichten met andere links hebben eerst goedkeuring van een regiehouder nodig. Berichten met links naar bit.ly hebben eerst goedkeuring van een regiehouder nodig.',
    );
    expect(describeCheck({ kind: 'personal_data', types: ['bsn', 'email'] }, 'block', 'en')).toBe('Messages with personal data (citizen service number (BSN) or e-mail address) are stopped.');
    expect(describeCheck({ kind: 'competitors', names: ['Jumbo', 'Lidl'] }, 'needs_approval', 'en')).toBe("Messages that name a competitor (“Jumbo” and “Lidl”) first need an owner's approval.");
    expect(describeCheck({ kind: 'tone', maxCapsRatio: 0.5, minLettersForCaps: 20, maxExclamations: 2 }, 'warn', 'nl')).toBe(
      'Berichten met meer dan 50% hoofdletters (vanaf 20 letters), meer dan 2 uitroeptekens of meerdere uitroeptekens achter elkaar (“!!”) krijgen een waarschuwing.',
    );
    expect(describeCheck({ kind: 'sensitive_topics', topics: [{ name: 'dood', terms: ['overleden'] }] }, 'needs_approval', 'nl')).toBe(
      'Berichten over dood (overleden) hebben eerst goedkeuring van een regiehouder nodig.',
    );
  });
});
