/**
 * The organization's code (socialmediacode): clauses in plain language, each backed by checks with a severity.
 * Plain data, stored as JSON; `validateClauses` is the door for anything that comes from outside.
 */

export type Severity = 'block' | 'needs_approval' | 'warn';
export type Localized = { nl: string; en: string };

/**
 * What one check looks for. Word lists (words, topic terms, triggers, disclosures, names) match whole words,
 * case- and accent-insensitively; a term of several words matches them as a phrase; a term that starts with "#"
 * matches only that hashtag; a single word ending in "*" also matches longer words that start with it.
 */
export type CheckSpec =
  | { kind: 'forbidden_words'; words: string[]; starterLists: Array<'nl' | 'en'> }
  | { kind: 'sensitive_topics'; topics: Array<{ name: string; terms: string[] }> }
  /** When `paidPartnership` is set or a trigger appears, one of the disclosures must be present. */
  | { kind: 'disclosure'; triggers: string[]; disclosures: string[] }
  /** `allow` empty: every domain except `deny`. A subdomain matches its parent domain. */
  | { kind: 'link_domains'; allow: string[]; deny: string[] }
  | { kind: 'personal_data'; types: Array<'email' | 'phone' | 'iban' | 'bsn'> }
  /** Caps: share of uppercase among cased letters, judged only from `minLettersForCaps` letters on. */
  | { kind: 'tone'; maxCapsRatio: number; minLettersForCaps: number; maxExclamations: number }
  /** 'HH:MM' local time in `timeZone`, `from` inclusive, `to` exclusive; may wrap midnight. */
  | { kind: 'quiet_hours'; from: string; to: string; timeZone: string }
  | { kind: 'language' }
  | { kind: 'competitors'; names: string[] };

export type CheckKind = CheckSpec['kind'];
export type PersonalDataType = Extract<CheckSpec, { kind: 'personal_data' }>['types'][number];

export interface Check {
  id: string;
  severity: Severity;
  spec: CheckSpec;
}

export interface Clause {
  id: string;
  title: Localized;
  text: Localized;
  explanation: Localized;
  checks: Check[];
}

export interface CheckInput {
  text: string;
  context: 'post' | 'reply' | 'message';
  /** ISO time the text will leave (quiet hours); without it quiet hours are not judged. */
  sendAt?: string;
  channelLanguage?: 'nl' | 'en';
  paidPartnership?: boolean;
  /** Links outside the text (link field, call-to-action URL); URLs inside the text are found too. */
  links?: string[];
}

export interface Finding {
  clauseId: string;
  checkId: string;
  kind: CheckSpec['kind'];
  severity: Severity;
  /** [start, end) UTF-16 offsets into input.text, when the finding points at text. */
  span?: [number, number];
  /** The offending text; masked for personal data. */
  match?: string;
  message: Localized;
}

export type Verdict = 'ok' | 'warn' | 'needs_approval' | 'block';
