/**
 * The door for a code that comes from outside (an edit form, an import, the database): checks its shape and
 * returns a clean copy, or plain-English problems that name the clause and check they are about.
 */
import { normalizeDomain } from './links';
import { isTimeZone, parseHHMM } from './quiet-hours';
import { parseTerm } from './term-index';
import type { Check, CheckSpec, Clause, Localized, PersonalDataType, Severity } from './types';

const SEVERITIES: readonly Severity[] = ['block', 'needs_approval', 'warn'];
const PERSONAL_DATA: readonly PersonalDataType[] = ['email', 'phone', 'iban', 'bsn'];
const MAX_TERMS = 2000;
const MAX_TERM_LENGTH = 100;
const MAX_ID_LENGTH = 100;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const quote = (s: string) => `"${s.length > 40 ? `${s.slice(0, 40)}…` : s}"`;

function localized(v: unknown, required: boolean): Localized | null {
  if (!isObj(v) || typeof v.nl !== 'string' || typeof v.en !== 'string') return null;
  if (required && (!v.nl.trim() || !v.en.trim())) return null;
  return { nl: v.nl.trim(), en: v.en.trim() };
}

/** A list of words or phrases, each usable by the matcher; problems go to `problem`. */
function termList(v: unknown, what: string, problem: (m: string) => void): string[] {
  if (!Array.isArray(v)) {
    problem(`${what} must be a list.`);
    return [];
  }
  if (v.length > MAX_TERMS) problem(`${what}: ${v.length} entries, but at most ${MAX_TERMS} are allowed.`);
  const out: string[] = [];
  for (const item of v.slice(0, MAX_TERMS)) {
    if (typeof item !== 'string' || !item.trim()) {
      problem(`${what}: one of the entries is empty.`);
      continue;
    }
    const term = item.trim();
    const parsed = parseTerm(term);
    if (term.length > MAX_TERM_LENGTH) problem(`${what}: ${quote(term)} is longer than ${MAX_TERM_LENGTH} characters.`);
    else if (!parsed || parsed.words.join('').length < 2) problem(`${what}: ${quote(term)} is too short to match reliably (use at least two letters or digits).`);
    else if (term.slice(0, -1).includes('*') || (term.endsWith('*') && parsed.words.length > 1)) problem(`${what}: ${quote(term)} may only use "*" at the end of a single word.`);
    else out.push(term);
  }
  return out;
}

function domainList(v: unknown, what: string, problem: (m: string) => void): string[] {
  if (!Array.isArray(v)) {
    problem(`${what} must be a list.`);
    return [];
  }
  const out: string[] = [];
  for (const item of v) {
    if (typeof item === 'string' && normalizeDomain(item)) out.push(item.trim().toLowerCase());
    else problem(`${what}: ${quote(String(item))} is not a domain; write it like "example.nl", without https:// or a path.`);
  }
  return out;
}

function spec(v: unknown, problem: (m: string) => void): CheckSpec | null {
  if (!isObj(v) || typeof v.kind !== 'string') {
    problem('it says nothing about what to check.');
    return null;
  }
  switch (v.kind) {
    case 'forbidden_words': {
      const words = termList(v.words, 'the word list', problem);
      const lists = Array.isArray(v.starterLists) ? v.starterLists : null;
      if (!lists || lists.some((l) => l !== 'nl' && l !== 'en')) problem('the starter lists must be "nl", "en" or both.');
      return { kind: 'forbidden_words', words, starterLists: [...new Set((lists ?? []).filter((l): l is 'nl' | 'en' => l === 'nl' || l === 'en'))] };
    }
    case 'sensitive_topics': {
      if (!Array.isArray(v.topics) || v.topics.length === 0) {
        problem('it names no topics.');
        return null;
      }
      const topics = v.topics.map((t, i) => {
        const name = isObj(t) && typeof t.name === 'string' ? t.name.trim() : '';
        if (!name) problem(`topic ${i + 1} has no name.`);
        const what = `the terms of topic ${quote(name || String(i + 1))}`;
        const terms = termList(isObj(t) ? t.terms : undefined, what, problem);
        if (isObj(t) && Array.isArray(t.terms) && t.terms.length === 0) problem(`${what} are empty.`);
        return { name, terms };
      });
      return { kind: 'sensitive_topics', topics };
    }
    case 'disclosure': {
      const triggers = termList(v.triggers, 'the trigger words', problem);
      const disclosures = termList(v.disclosures, 'the disclosures', problem);
      if (Array.isArray(v.disclosures) && v.disclosures.length === 0) problem('it lists no disclosures (such as "#ad").');
      return { kind: 'disclosure', triggers, disclosures };
    }
    case 'link_domains': {
      const allow = domainList(v.allow, 'the allowed domains', problem);
      const deny = domainList(v.deny, 'the denied domains', problem);
      if (Array.isArray(v.allow) && Array.isArray(v.deny) && v.allow.length + v.deny.length === 0) problem('it lists no domains to allow or deny.');
      return { kind: 'link_domains', allow, deny };
    }
    case 'personal_data': {
      const types = Array.isArray(v.types) ? v.types : [];
      if (types.length === 0 || types.some((t) => !PERSONAL_DATA.includes(t as PersonalDataType))) problem('the kinds of personal data must be among email, phone, iban and bsn (at least one).');
      return { kind: 'personal_data', types: [...new Set(types.filter((t): t is PersonalDataType => PERSONAL_DATA.includes(t as PersonalDataType)))] };
    }
    case 'tone': {
      const { maxCapsRatio: caps, minLettersForCaps: letters, maxExclamations: marks } = v;
      if (typeof caps !== 'number' || !(caps > 0 && caps <= 1)) problem('the largest share of capitals must be a number above 0 and at most 1.');
      if (typeof letters !== 'number' || !Number.isInteger(letters) || letters < 1) problem('the number of letters before capitals count must be a whole number of at least 1.');
      if (typeof marks !== 'number' || !Number.isInteger(marks) || marks < 0) problem('the number of exclamation marks allowed must be a whole number of 0 or more.');
      return { kind: 'tone', maxCapsRatio: Number(caps), minLettersForCaps: Number(letters), maxExclamations: Number(marks) };
    }
    case 'quiet_hours': {
      const from = typeof v.from === 'string' ? parseHHMM(v.from) : null;
      const to = typeof v.to === 'string' ? parseHHMM(v.to) : null;
      if (from === null) problem(`the start of the quiet hours (${quote(String(v.from))}) is not a time like "22:00".`);
      if (to === null) problem(`the end of the quiet hours (${quote(String(v.to))}) is not a time like "07:00".`);
      if (from !== null && from === to) problem('the quiet hours start and end at the same time.');
      const timeZone = typeof v.timeZone === 'string' ? v.timeZone.trim() : '';
      if (!isTimeZone(timeZone)) problem(`${quote(timeZone)} is not a known time zone (such as "Europe/Amsterdam").`);
      return { kind: 'quiet_hours', from: String(v.from), to: String(v.to), timeZone };
    }
    case 'language':
      return { kind: 'language' };
    case 'competitors': {
      const names = termList(v.names, 'the competitor names', problem);
      return { kind: 'competitors', names };
    }
    default:
      problem(`${quote(v.kind)} is not a kind of check.`);
      return null;
  }
}

function check(v: unknown, where: string, ids: Set<string>, problems: string[]): Check | null {
  if (!isObj(v)) {
    problems.push(`${where} is not a check.`);
    return null;
  }
  const id = typeof v.id === 'string' ? v.id.trim() : '';
  const name = id ? `${where.replace(/ \d+$/, '')} ${quote(id)}` : where;
  const before = problems.length;
  const problem = (m: string) => problems.push(`${name}: ${m}`);
  if (!id || id.length > MAX_ID_LENGTH) problem('it needs an id of 1 to 100 characters.');
  else if (ids.has(id)) problem('its id is used more than once in this clause.');
  ids.add(id);
  if (!SEVERITIES.includes(v.severity as Severity)) problem('its severity must be block, needs_approval or warn.');
  const s = spec(v.spec, problem);
  return problems.length === before && s ? { id, severity: v.severity as Severity, spec: s } : null;
}

/**
 * `clauses` as a clean code when it is one: a list of clauses with unique ids, titles and texts in Dutch and
 * English, and checks that make sense (known kinds and severities, usable words, domains, times and time zones).
 * Otherwise every problem found, in plain English naming the clause (and check).
 */
export function validateClauses(clauses: unknown): { ok: true; clauses: Clause[] } | { ok: false; problems: string[] } {
  if (!Array.isArray(clauses)) return { ok: false, problems: ['The code must be a list of clauses.'] };
  const problems: string[] = [];
  const out: Clause[] = [];
  const clauseIds = new Set<string>();
  clauses.forEach((c, i) => {
    if (!isObj(c)) {
      problems.push(`Clause ${i + 1} is not a clause.`);
      return;
    }
    const id = typeof c.id === 'string' ? c.id.trim() : '';
    const where = id ? `Clause ${quote(id)}` : `Clause ${i + 1}`;
    if (!id || id.length > MAX_ID_LENGTH) problems.push(`${where} needs an id of 1 to 100 characters.`);
    else if (clauseIds.has(id)) problems.push(`${where}: the id is used by another clause too.`);
    clauseIds.add(id);
    const title = localized(c.title, true);
    const text = localized(c.text, true);
    const explanation = localized(c.explanation, false);
    if (!title) problems.push(`${where} needs a title in Dutch and in English.`);
    if (!text) problems.push(`${where} needs its text in Dutch and in English.`);
    if (!explanation) problems.push(`${where} needs an explanation in Dutch and in English (it may be empty).`);
    if (!Array.isArray(c.checks)) {
      problems.push(`${where}: its checks must be a list.`);
      return;
    }
    const ids = new Set<string>();
    const checks = c.checks.map((k, j) => check(k, `${where}, check ${j + 1}`, ids, problems));
    if (title && text && explanation && checks.every((k) => k !== null)) out.push({ id, title, text, explanation, checks: checks as Check[] });
  });
  return problems.length ? { ok: false, problems } : { ok: true, clauses: out };
}
