/**
 * The code checker: a code is compiled once (one word index for all lists, normalized domains, time-zone clocks),
 * then every text is checked in a single pass per concern, however many clauses the code has.
 */
import { detectLanguage } from '../text/language';
import { domainProblem, findLinks, hostOf, normalizeDomain, type LinkHit } from './links';
import { findingMessage, reasons } from './messages';
import { findPersonalData } from './personal-data';
import { formatHHMM, inWindow, localClock, localMinutes, parseHHMM } from './quiet-hours';
import { STARTER_LISTS } from './starter-lists';
import { addTerms, emptyTermIndex, findTerms, type TermIndex } from './term-index';
import { capsRatio, toneStats } from './tone';
import type { CheckInput, CheckSpec, Clause, Finding, Localized, PersonalDataType, Severity } from './types';

interface CompiledCheck {
  clauseId: string;
  checkId: string;
  severity: Severity;
  spec: CheckSpec;
  title: Localized;
}

/** A code prepared for checking; build it with `compileCode` and reuse it for every text. */
export interface CompiledCode {
  readonly checks: readonly CompiledCheck[];
  readonly terms: TermIndex;
  readonly personalData: ReadonlySet<PersonalDataType>;
  readonly personalDataChecks: readonly number[];
  readonly linkChecks: ReadonlyArray<{ at: number; allow: string[]; deny: string[] }>;
  readonly toneChecks: readonly number[];
  readonly quietChecks: ReadonlyArray<{ at: number; clock: Intl.DateTimeFormat; from: number; to: number }>;
  readonly languageChecks: readonly number[];
  readonly disclosureChecks: readonly number[];
}

const domains = (list: readonly string[]) => list.map(normalizeDomain).filter((d): d is string => d !== null);

/**
 * Prepares `clauses` for checking. Expects clauses that passed `validateClauses`; parts it cannot use (an unknown
 * time zone, a malformed domain or time) are left out rather than failing.
 */
export function compileCode(clauses: readonly Clause[]): CompiledCode {
  const checks: CompiledCheck[] = [];
  const terms = emptyTermIndex();
  const personalData = new Set<PersonalDataType>();
  const personalDataChecks: number[] = [];
  const linkChecks: Array<{ at: number; allow: string[]; deny: string[] }> = [];
  const toneChecks: number[] = [];
  const quietChecks: Array<{ at: number; clock: Intl.DateTimeFormat; from: number; to: number }> = [];
  const languageChecks: number[] = [];
  const disclosureChecks: number[] = [];
  for (const clause of clauses) {
    for (const check of clause.checks) {
      const at = checks.length;
      const spec = check.spec;
      checks.push({ clauseId: clause.id, checkId: check.id, severity: check.severity, spec, title: clause.title });
      switch (spec.kind) {
        case 'forbidden_words': {
          const seen = new Set<string>();
          addTerms(terms, at, 'word', spec.words, undefined, seen);
          for (const list of spec.starterLists) addTerms(terms, at, 'word', STARTER_LISTS[list] ?? [], undefined, seen);
          break;
        }
        case 'sensitive_topics':
          for (const topic of spec.topics) addTerms(terms, at, 'topic', topic.terms, topic.name);
          break;
        case 'competitors':
          for (const name of spec.names) addTerms(terms, at, 'competitor', [name], name);
          break;
        case 'disclosure':
          addTerms(terms, at, 'trigger', spec.triggers);
          addTerms(terms, at, 'disclosure', spec.disclosures);
          disclosureChecks.push(at);
          break;
        case 'personal_data':
          for (const t of spec.types) personalData.add(t);
          personalDataChecks.push(at);
          break;
        case 'link_domains':
          linkChecks.push({ at, allow: domains(spec.allow), deny: domains(spec.deny) });
          break;
        case 'tone':
          toneChecks.push(at);
          break;
        case 'quiet_hours': {
          const from = parseHHMM(spec.from);
          const to = parseHHMM(spec.to);
          try {
            if (from !== null && to !== null) quietChecks.push({ at, clock: localClock(spec.timeZone), from, to });
          } catch {
            // an unknown time zone: validateClauses reports it
          }
          break;
        }
        case 'language':
          languageChecks.push(at);
          break;
      }
    }
  }
  return { checks, terms, personalData, personalDataChecks, linkChecks, toneChecks, quietChecks, languageChecks, disclosureChecks };
}

/**
 * Every finding of `code` on `input`, ordered by where it starts in the text; findings about the text as a whole
 * (tone ratio, quiet hours, language, a missing disclosure, links outside the text) come last.
 */
export function checkText(code: CompiledCode, input: CheckInput): Finding[] {
  const text = typeof input.text === 'string' ? input.text : '';
  const findings: Finding[] = [];
  const add = (at: number, reason: Localized, span?: [number, number], match?: string) => {
    const c = code.checks[at];
    const f: Finding = { clauseId: c.clauseId, checkId: c.checkId, kind: c.spec.kind, severity: c.severity, message: findingMessage(reason, c.severity, c.title) };
    if (span) f.span = span;
    if (match !== undefined) f.match = match;
    findings.push(f);
  };

  const triggers = new Map<number, { start: number; end: number } | null>();
  const disclosed = new Set<number>();
  const hits = findTerms(code.terms, text).sort((a, b) => a.start - b.start || b.end - a.end);
  const coveredUntil = new Map<number, number>();
  for (const hit of hits) {
    const { term, start, end } = hit;
    if (term.role === 'trigger') {
      if (!triggers.get(term.check)) triggers.set(term.check, { start, end });
      continue;
    }
    if (term.role === 'disclosure') {
      disclosed.add(term.check);
      continue;
    }
    if (start < (coveredUntil.get(term.check) ?? -1)) continue;
    coveredUntil.set(term.check, end);
    const match = text.slice(start, end);
    const reason = term.role === 'word' ? reasons.forbiddenWord(match) : term.role === 'topic' ? reasons.sensitiveTopic(match, term.label) : reasons.competitor(match, term.label);
    add(term.check, reason, [start, end], match);
  }
  for (const at of code.disclosureChecks) {
    if (disclosed.has(at)) continue;
    const trigger = triggers.get(at);
    const spec = code.checks[at].spec as Extract<CheckSpec, { kind: 'disclosure' }>;
    if (trigger) {
      const match = text.slice(trigger.start, trigger.end);
      add(at, reasons.disclosure(match, spec.disclosures), [trigger.start, trigger.end], match);
    } else if (input.paidPartnership) add(at, reasons.disclosure(null, spec.disclosures));
  }

  if (code.personalData.size > 0) {
    for (const hit of findPersonalData(text, code.personalData)) {
      for (const at of code.personalDataChecks) {
        const spec = code.checks[at].spec as Extract<CheckSpec, { kind: 'personal_data' }>;
        if (spec.types.includes(hit.type)) add(at, reasons.personalData(hit.type, hit.masked), [hit.start, hit.end], hit.masked);
      }
    }
  }

  if (code.linkChecks.length > 0) {
    const links: LinkHit[] = findLinks(text);
    for (const url of input.links ?? []) {
      const host = typeof url === 'string' ? hostOf(url) : null;
      if (host) links.push({ url, host });
    }
    for (const link of links) {
      for (const check of code.linkChecks) {
        const problem = domainProblem(link.host, check.allow, check.deny);
        if (!problem) continue;
        const reason = problem === 'denied' ? reasons.linkDenied(link.host) : reasons.linkNotAllowed(link.host);
        add(check.at, reason, link.start === undefined ? undefined : [link.start, link.end as number], link.url);
      }
    }
  }

  if (code.toneChecks.length > 0) {
    const stats = toneStats(text);
    for (const at of code.toneChecks) {
      const spec = code.checks[at].spec as Extract<CheckSpec, { kind: 'tone' }>;
      for (const [s, e] of stats.runs) add(at, reasons.exclamationRun(text.slice(s, e)), [s, e], text.slice(s, e));
      if (stats.exclamations.length > spec.maxExclamations) {
        const first = stats.exclamations[spec.maxExclamations];
        add(at, reasons.exclamations(stats.exclamations.length, spec.maxExclamations), [first, first + 1], '!');
      }
      const ratio = capsRatio(stats, spec.minLettersForCaps);
      if (ratio !== null && ratio > spec.maxCapsRatio) add(at, reasons.caps(Math.round(ratio * 100)));
    }
  }

  if (code.quietChecks.length > 0 && input.sendAt) {
    const when = new Date(input.sendAt);
    if (!Number.isNaN(when.getTime())) {
      for (const q of code.quietChecks) {
        const minutes = localMinutes(q.clock, when);
        if (!inWindow(minutes, q.from, q.to)) continue;
        const spec = code.checks[q.at].spec as Extract<CheckSpec, { kind: 'quiet_hours' }>;
        add(q.at, reasons.quietHours(formatHHMM(minutes), spec.from, spec.to, spec.timeZone));
      }
    }
  }

  if (code.languageChecks.length > 0 && input.channelLanguage) {
    const detected = detectLanguage(text).language;
    if (detected && detected !== input.channelLanguage) {
      for (const at of code.languageChecks) add(at, reasons.language(detected, input.channelLanguage));
    }
  }

  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.span?.[0] ?? Infinity) - (b.f.span?.[0] ?? Infinity) || (a.f.span?.[1] ?? 0) - (b.f.span?.[1] ?? 0) || a.i - b.i)
    .map((x) => x.f);
}
