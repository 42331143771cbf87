import type { Check, CheckKind, CheckSpec, Clause } from './api';

/** Helpers for the code editor: fresh clauses and checks, and turning an edited draft into a clean code to send. */

export const CHECK_KINDS: CheckKind[] = [
  'forbidden_words',
  'sensitive_topics',
  'disclosure',
  'link_domains',
  'personal_data',
  'tone',
  'quiet_hours',
  'language',
  'competitors',
];

/** An id like `prefix`, `prefix-2`, … that is not in `taken`. */
export function uniqueId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(prefix)) return prefix;
  let n = 2;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** A readable id from a title ("Eerlijk over geld" → "eerlijk-over-geld"), or `fallback` when nothing is left. */
export function slug(title: string, fallback: string): string {
  const s = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return s || fallback;
}

/** An empty clause with an id not used by `clauses`. */
export function newClause(clauses: readonly Clause[]): Clause {
  return {
    id: uniqueId('regel', clauses.map((c) => c.id)),
    title: { nl: '', en: '' },
    text: { nl: '', en: '' },
    explanation: { nl: '', en: '' },
    checks: [],
  };
}

/** The starting settings of a check of `kind`: sensible values the person then adapts. */
export function defaultSpec(kind: CheckKind): CheckSpec {
  switch (kind) {
    case 'forbidden_words':
      return { kind, words: [], starterLists: ['nl', 'en'] };
    case 'sensitive_topics':
      return { kind, topics: [{ name: '', terms: [] }] };
    case 'disclosure':
      return { kind, triggers: [], disclosures: ['#advertentie', '#ad'] };
    case 'link_domains':
      return { kind, allow: [], deny: [] };
    case 'personal_data':
      return { kind, types: ['bsn', 'iban', 'phone', 'email'] };
    case 'tone':
      return { kind, maxCapsRatio: 0.5, minLettersForCaps: 20, maxExclamations: 2 };
    case 'quiet_hours':
      return { kind, from: '22:00', to: '07:00', timeZone: 'Europe/Amsterdam' };
    case 'language':
      return { kind };
    case 'competitors':
      return { kind, names: [] };
  }
}

/** A new check of `kind` with an id not used by the other checks of its clause. */
export function newCheck(kind: CheckKind, checks: readonly Check[]): Check {
  return { id: uniqueId(kind.replace(/_/g, '-'), checks.map((c) => c.id)), severity: 'warn', spec: defaultSpec(kind) };
}

/** Lines of a one-per-line textarea as entries (the draft keeps them raw so typing stays natural). */
export function linesOf(text: string): string[] {
  return text.split('\n');
}

const tidy = (xs: readonly string[]) => xs.map((x) => x.trim()).filter(Boolean);

function cleanSpec(spec: CheckSpec): CheckSpec {
  switch (spec.kind) {
    case 'forbidden_words':
      return { ...spec, words: tidy(spec.words) };
    case 'sensitive_topics':
      return { ...spec, topics: spec.topics.map((t) => ({ name: t.name.trim(), terms: tidy(t.terms) })) };
    case 'disclosure':
      return { ...spec, triggers: tidy(spec.triggers), disclosures: tidy(spec.disclosures) };
    case 'link_domains':
      return { ...spec, allow: tidy(spec.allow), deny: tidy(spec.deny) };
    case 'competitors':
      return { ...spec, names: tidy(spec.names) };
    case 'quiet_hours':
      return { ...spec, timeZone: spec.timeZone.trim() };
    default:
      return spec;
  }
}

/** The draft as the server expects it: texts trimmed, empty lines of word lists dropped. */
export function cleanClauses(clauses: readonly Clause[]): Clause[] {
  return clauses.map((c) => ({
    id: c.id.trim(),
    title: { nl: c.title.nl.trim(), en: c.title.en.trim() },
    text: { nl: c.text.nl.trim(), en: c.text.en.trim() },
    explanation: { nl: c.explanation.nl.trim(), en: c.explanation.en.trim() },
    checks: c.checks.map((k) => ({ ...k, spec: cleanSpec(k.spec) })),
  }));
}

/** Ids of clauses whose title or text is missing in Dutch or English (the server refuses those). */
export function incompleteClauses(clauses: readonly Clause[]): string[] {
  return clauses
    .filter((c) => !c.title.nl.trim() || !c.title.en.trim() || !c.text.nl.trim() || !c.text.en.trim())
    .map((c) => c.id);
}

/** A deep copy, so the editor never changes the code it was opened with. */
export function copyClauses(clauses: readonly Clause[]): Clause[] {
  return JSON.parse(JSON.stringify(clauses)) as Clause[];
}
