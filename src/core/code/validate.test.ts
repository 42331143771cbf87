import { describe, expect, it } from 'vitest';
import { starterCode } from './starter-code';
import { clauseWith, checkOf } from './test-helpers';
import type { CheckSpec } from './types';
import { validateClauses } from './validate';

const problemsOf = (input: unknown): string[] => {
  const r = validateClauses(input);
  return r.ok ? [] : r.problems;
};
const withSpec = (spec: unknown, severity: unknown = 'block') => [{ ...clauseWith([]), id: 'rule', checks: [{ id: 'k', severity, spec }] }];

describe('validateClauses', () => {
  it('accepts the starter code and returns an equal copy', () => {
    const r = validateClauses(starterCode());
    expect(r).toEqual({ ok: true, clauses: starterCode() });
  });

  it('returns a clean copy: trimmed ids and texts, unknown fields dropped', () => {
    const r = validateClauses([{ ...clauseWith([checkOf({ kind: 'language' }, 'warn', ' lang ')]), id: ' c1 ', extra: 1, title: { nl: ' Titel ', en: 'Title', de: 'x' } }]);
    expect(r).toEqual({
      ok: true,
      clauses: [{ id: 'c1', title: { nl: 'Titel', en: 'Title' }, text: { nl: 'Tekst', en: 'Text' }, explanation: { nl: '', en: '' }, checks: [{ id: 'lang', severity: 'warn', spec: { kind: 'language' } }] }],
    });
  });

  it('refuses what is not a list of clauses', () => {
    expect(problemsOf({})).toEqual(['The code must be a list of clauses.']);
    expect(problemsOf([null, 'x'])).toEqual(['Clause 1 is not a clause.', 'Clause 2 is not a clause.']);
  });

  it('names clauses without ids, with duplicate ids, or without titles and texts', () => {
    expect(problemsOf([{ ...clauseWith([]), id: '' }])).toEqual(['Clause 1 needs an id of 1 to 100 characters.']);
    expect(problemsOf([clauseWith([], 'a'), clauseWith([], 'a')])).toEqual(['Clause "a": the id is used by another clause too.']);
    expect(problemsOf([{ ...clauseWith([], 'a'), title: { nl: 'Titel', en: ' ' }, text: 'x', checks: {} }])).toEqual([
      'Clause "a" needs a title in Dutch and in English.',
      'Clause "a" needs its text in Dutch and in English.',
      'Clause "a": its checks must be a list.',
    ]);
  });

  it('names the check with a bad severity, a duplicate id or an unknown kind', () => {
    expect(problemsOf(withSpec({ kind: 'language' }, 'stop'))).toEqual(['Clause "rule", check "k": its severity must be block, needs_approval or warn.']);
    expect(problemsOf(withSpec({ kind: 'vibes' }))).toEqual(['Clause "rule", check "k": "vibes" is not a kind of check.']);
    expect(problemsOf(withSpec(null))).toEqual(['Clause "rule", check "k": it says nothing about what to check.']);
    const twice = [{ ...clauseWith([checkOf({ kind: 'language' }, 'warn', 'x'), checkOf({ kind: 'language' }, 'warn', 'x')]), id: 'r' }];
    expect(problemsOf(twice)).toEqual(['Clause "r", check "x": its id is used more than once in this clause.']);
    expect(problemsOf([{ ...clauseWith([]), id: 'r', checks: [{ severity: 'warn', spec: { kind: 'language' } }] }])).toEqual(['Clause "r", check 1: it needs an id of 1 to 100 characters.']);
  });

  it('checks quiet hours: HH:MM times, different start and end, a known time zone', () => {
    expect(problemsOf(withSpec({ kind: 'quiet_hours', from: '24:00', to: '7:00', timeZone: 'Europe/Amsterdma' }))).toEqual([
      'Clause "rule", check "k": the start of the quiet hours ("24:00") is not a time like "22:00".',
      'Clause "rule", check "k": the end of the quiet hours ("7:00") is not a time like "07:00".',
      'Clause "rule", check "k": "Europe/Amsterdma" is not a known time zone (such as "Europe/Amsterdam").',
    ]);
    expect(problemsOf(withSpec({ kind: 'quiet_hours', from: '22:00', to: '22:00', timeZone: 'Europe/Amsterdam' }))).toEqual(['Clause "rule", check "k": the quiet hours start and end at the same time.']);
    expect(problemsOf(withSpec({ kind: 'quiet_hours', from: '22:00', to: '07:00', timeZone: 'America/New_York' }))).toEqual([]);
  });

  it('checks domains', () => {
    expect(problemsOf(withSpec({ kind: 'link_domains', allow: ['gemeente.nl', 'https://x.nl/pad'], deny: [42] }))).toEqual([
      'Clause "rule", check "k": the allowed domains: "https://x.nl/pad" is not a domain; write it like "example.nl", without https:// or a path.',
      'Clause "rule", check "k": the denied domains: "42" is not a domain; write it like "example.nl", without https:// or a path.',
    ]);
    expect(problemsOf(withSpec({ kind: 'link_domains', allow: [], deny: [] }))).toEqual(['Clause "rule", check "k": it lists no domains to allow or deny.']);
    expect(problemsOf(withSpec({ kind: 'link_domains', allow: ['*.gemeente.nl'], deny: [] }))).toEqual([]);
  });

  it('checks word lists: usable words, "*" only at the end of one word, known starter lists', () => {
    expect(problemsOf(withSpec({ kind: 'forbidden_words', words: ['ok', 'a', ' ', '!!', 'k*t', 'rot op*'], starterLists: ['nl', 'fr'] }))).toEqual([
      'Clause "rule", check "k": the word list: "a" is too short to match reliably (use at least two letters or digits).',
      'Clause "rule", check "k": the word list: one of the entries is empty.',
      'Clause "rule", check "k": the word list: "!!" is too short to match reliably (use at least two letters or digits).',
      'Clause "rule", check "k": the word list: "k*t" may only use "*" at the end of a single word.',
      'Clause "rule", check "k": the word list: "rot op*" may only use "*" at the end of a single word.',
      'Clause "rule", check "k": the starter lists must be "nl", "en" or both.',
    ]);
    expect(problemsOf(withSpec({ kind: 'forbidden_words', words: 'kut', starterLists: [] }))).toEqual(['Clause "rule", check "k": the word list must be a list.']);
  });

  it('checks topics, competitors, disclosures and personal data', () => {
    expect(problemsOf(withSpec({ kind: 'sensitive_topics', topics: [{ name: ' ', terms: ['dood'] }, { name: 'politiek', terms: [] }] }))).toEqual([
      'Clause "rule", check "k": topic 1 has no name.',
      'Clause "rule", check "k": the terms of topic "politiek" are empty.',
    ]);
    expect(problemsOf(withSpec({ kind: 'sensitive_topics', topics: [] }))).toEqual(['Clause "rule", check "k": it names no topics.']);
    expect(problemsOf(withSpec({ kind: 'competitors', names: ['Jumbo', ''] }))).toEqual(['Clause "rule", check "k": the competitor names: one of the entries is empty.']);
    expect(problemsOf(withSpec({ kind: 'competitors', names: [] }))).toEqual([]);
    expect(problemsOf(withSpec({ kind: 'disclosure', triggers: [], disclosures: [] }))).toEqual(['Clause "rule", check "k": it lists no disclosures (such as "#ad").']);
    expect(problemsOf(withSpec({ kind: 'personal_data', types: ['passport'] }))).toEqual(['Clause "rule", check "k": the kinds of personal data must be among email, phone, iban and bsn (at least one).']);
    expect(problemsOf(withSpec({ kind: 'personal_data', types: [] }))).toHaveLength(1);
  });

  it('checks tone numbers', () => {
    expect(problemsOf(withSpec({ kind: 'tone', maxCapsRatio: 1.5, minLettersForCaps: 0.5, maxExclamations: -1 }))).toEqual([
      'Clause "rule", check "k": the largest share of capitals must be a number above 0 and at most 1.',
      'Clause "rule", check "k": the number of letters before capitals count must be a whole number of at least 1.',
      'Clause "rule", check "k": the number of exclamation marks allowed must be a whole number of 0 or more.',
    ]);
    const ok: CheckSpec = { kind: 'tone', maxCapsRatio: 1, minLettersForCaps: 1, maxExclamations: 0 };
    expect(problemsOf(withSpec(ok))).toEqual([]);
  });

  it('limits the size of lists and words', () => {
    expect(problemsOf(withSpec({ kind: 'competitors', names: Array.from({ length: 2001 }, (_, i) => `naam${i}`) }))).toEqual(['Clause "rule", check "k": the competitor names: 2001 entries, but at most 2000 are allowed.']);
    expect(problemsOf(withSpec({ kind: 'competitors', names: ['x'.repeat(101)] }))[0]).toContain('is longer than 100 characters');
  });
});
