/**
 * The whole code as a readable, printable page: every clause with its text and explanation, and each check
 * described in plain words in Dutch or English. Custom words are listed; the starter lists are only named.
 */
import type { CheckSpec, Clause, PersonalDataType, Severity } from './types';

type Locale = 'nl' | 'en';

export interface CodeDocument {
  sections: Array<{ clauseId: string; title: string; text: string; explanation: string; rules: string[] }>;
}

const CONSEQUENCE: Record<Locale, Record<Severity, string>> = {
  nl: { block: 'worden tegengehouden', needs_approval: 'hebben eerst goedkeuring van een regiehouder nodig', warn: 'krijgen een waarschuwing' },
  en: { block: 'are stopped', needs_approval: "first need an owner's approval", warn: 'get a warning' },
};

const DATA_NAMES: Record<Locale, Record<PersonalDataType, string>> = {
  nl: { bsn: 'BSN', iban: 'rekeningnummer (IBAN)', phone: 'telefoonnummer', email: 'e-mailadres' },
  en: { bsn: 'citizen service number (BSN)', iban: 'bank account number (IBAN)', phone: 'phone number', email: 'e-mail address' },
};

const q = (s: string) => `“${s}”`;

function list(items: readonly string[], locale: Locale, quoteThem = true): string {
  const xs = quoteThem ? items.map(q) : [...items];
  if (xs.length <= 1) return xs.join('');
  const and = locale === 'nl' ? ' en ' : ' and ';
  return `${xs.slice(0, -1).join(', ')}${and}${xs[xs.length - 1]}`;
}

function orList(items: readonly string[], locale: Locale, quoteThem = true): string {
  const xs = quoteThem ? items.map(q) : [...items];
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')}${locale === 'nl' ? ' of ' : ' or '}${xs[xs.length - 1]}`;
}

/** One plain sentence describing what `spec` does and what happens to a message it finds something in. */
export function describeCheck(spec: CheckSpec, severity: Severity, locale: Locale): string {
  const then = CONSEQUENCE[locale][severity];
  const nl = locale === 'nl';
  switch (spec.kind) {
    case 'forbidden_words': {
      const langs = spec.starterLists.map((l) => (l === 'nl' ? (nl ? 'Nederlands' : 'Dutch') : nl ? 'Engels' : 'English'));
      const starter = langs.length ? (nl ? `scheldwoorden en kwetsende woorden (standaardlijst ${list(langs, locale, false)})` : `swear words and slurs (standard ${list(langs, locale, false)} list)`) : '';
      const own = spec.words.length ? (nl ? `deze woorden: ${list(spec.words, locale)}` : `these words: ${list(spec.words, locale)}`) : '';
      const what = [starter, own].filter(Boolean).join(nl ? ' of met ' : ' or with ');
      return nl ? `Berichten met ${what || 'verboden woorden (de lijst is nog leeg)'} ${then}.` : `Messages with ${what || 'forbidden words (the list is still empty)'} ${then}.`;
    }
    case 'sensitive_topics': {
      const topics = spec.topics.map((t) => `${t.name} (${t.terms.join(', ')})`);
      return nl ? `Berichten over ${orList(topics, locale, false)} ${then}.` : `Messages about ${orList(topics, locale, false)} ${then}.`;
    }
    case 'disclosure': {
      const triggers = spec.triggers.length ? (nl ? `, of waarin ${orList(spec.triggers, locale)} staat` : `, or that mention ${orList(spec.triggers, locale)}`) : '';
      return nl
        ? `Berichten over betaalde samenwerking${triggers}, moeten dat vermelden met ${orList(spec.disclosures, locale)}; berichten zonder die vermelding ${then}.`
        : `Messages about a paid partnership${triggers} must disclose it with ${orList(spec.disclosures, locale)}; messages without it ${then}.`;
    }
    case 'link_domains': {
      const parts: string[] = [];
      if (spec.allow.length) parts.push(nl ? `Links mogen alleen naar ${list(spec.allow, locale, false)} (en hun subdomeinen); berichten met andere links ${then}.` : `Links may only go to ${list(spec.allow, locale, false)} (and their subdomains); messages with other links ${then}.`);
      if (spec.deny.length) parts.push(nl ? `Berichten met links naar ${orList(spec.deny, locale, false)} ${then}.` : `Messages with links to ${orList(spec.deny, locale, false)} ${then}.`);
      return parts.join(' ');
    }
    case 'personal_data': {
      const kinds = orList(spec.types.map((t) => DATA_NAMES[locale][t]), locale, false);
      return nl ? `Berichten met persoonsgegevens (${kinds}) ${then}.` : `Messages with personal data (${kinds}) ${then}.`;
    }
    case 'tone': {
      const pct = Math.round(spec.maxCapsRatio * 100);
      return nl
        ? `Berichten met meer dan ${pct}% hoofdletters (vanaf ${spec.minLettersForCaps} letters), meer dan ${spec.maxExclamations} uitroeptekens of meerdere uitroeptekens achter elkaar (“!!”) ${then}.`
        : `Messages with more than ${pct}% capitals (from ${spec.minLettersForCaps} letters on), more than ${spec.maxExclamations} exclamation marks, or several in a row (“!!”) ${then}.`;
    }
    case 'quiet_hours':
      return nl ? `Berichten die tussen ${spec.from} en ${spec.to} vertrekken (tijd in ${spec.timeZone}) ${then}.` : `Messages that leave between ${spec.from} and ${spec.to} (time in ${spec.timeZone}) ${then}.`;
    case 'language':
      return nl ? `Berichten die duidelijk niet in de taal van het kanaal zijn geschreven ${then}.` : `Messages clearly not written in the channel's language ${then}.`;
    case 'competitors': {
      const names = spec.names.length ? list(spec.names, locale) : nl ? 'er staan nog geen namen op de lijst' : 'no names are listed yet';
      return nl ? `Berichten die een concurrent noemen (${names}) ${then}.` : `Messages that name a competitor (${names}) ${then}.`;
    }
  }
}

/** The code as sections for a readable page in `locale`: per clause its title, text, explanation and rules. */
export function codeDocument(clauses: readonly Clause[], locale: Locale): CodeDocument {
  return {
    sections: clauses.map((c) => ({
      clauseId: c.id,
      title: c.title[locale],
      text: c.text[locale],
      explanation: c.explanation[locale],
      rules: c.checks.map((k) => describeCheck(k.spec, k.severity, locale)),
    })),
  };
}
