/**
 * One index over every word list of a code (forbidden words, topic terms, competitor names, disclosure triggers and
 * disclosures), so that a text is scanned once however many clauses there are.
 */
import { collapse, isPhraseGap, spelledOut, tokenize, type Token } from './normalize';

export type TermRole = 'word' | 'topic' | 'competitor' | 'trigger' | 'disclosure';

export interface Term {
  /** Index of the compiled check the term belongs to. */
  check: number;
  role: TermRole;
  /** What the term stands for in messages: the topic's or competitor's name, or the term as written. */
  label: string;
  words: string[];
  collapsed: string[];
  hashtag: boolean;
  prefix: boolean;
}

export interface TermHit {
  term: Term;
  start: number;
  end: number;
}

export interface TermIndex {
  size: number;
  exact: Map<string, Term[]>;
  collapsed: Map<string, Term[]>;
  prefix: Map<string, Term[]>;
  prefixCollapsed: Map<string, Term[]>;
  prefixLengths: number[];
}

/** A term as written in a list, normalized: "#Ad" → hashtag "ad"; "kut*" → prefix "kut"; null when it has no words. */
export function parseTerm(raw: string): { words: string[]; hashtag: boolean; prefix: boolean } | null {
  let text = raw.trim();
  const hashtag = text.startsWith('#');
  if (hashtag) text = text.slice(1);
  const prefix = text.endsWith('*');
  if (prefix) text = text.slice(0, -1);
  const words = tokenize(text).map((t) => t.norm);
  if (words.length === 0) return null;
  return { words, hashtag, prefix: prefix && words.length === 1 };
}

/** An index without terms, to fill with `addTerms`. */
export function emptyTermIndex(): TermIndex {
  return { size: 0, exact: new Map(), collapsed: new Map(), prefix: new Map(), prefixCollapsed: new Map(), prefixLengths: [] };
}

function add(map: Map<string, Term[]>, key: string, term: Term): void {
  const list = map.get(key);
  if (list) list.push(term);
  else map.set(key, [term]);
}

/** Adds the terms of one check to the index; a term already listed for the same check and role is skipped. */
export function addTerms(index: TermIndex, check: number, role: TermRole, terms: readonly string[], label?: string, seen = new Set<string>()): void {
  for (const raw of terms) {
    const parsed = parseTerm(raw);
    if (!parsed) continue;
    const key = `${role}|${parsed.hashtag ? '#' : ''}${parsed.words.join(' ')}${parsed.prefix ? '*' : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const term: Term = { check, role, label: label ?? raw.trim(), ...parsed, collapsed: parsed.words.map(collapse) };
    const sigil = parsed.hashtag ? '#' : '';
    add(index.exact, sigil + parsed.words[0], term);
    add(index.collapsed, sigil + term.collapsed[0], term);
    if (parsed.prefix) {
      const p = sigil + parsed.words[0];
      const c = sigil + term.collapsed[0];
      add(index.prefix, p, term);
      add(index.prefixCollapsed, c, term);
      for (const len of [p.length, c.length]) if (!index.prefixLengths.includes(len)) index.prefixLengths.push(len);
    }
    index.size++;
  }
}

function pushAll(into: Term[], list: Term[] | undefined): void {
  if (!list) return;
  for (const t of list) if (!into.includes(t)) into.push(t);
}

function candidatesFor(index: TermIndex, key: string, stretched: boolean, into: Term[]): void {
  pushAll(into, index.exact.get(key));
  const folded = stretched ? collapse(key) : key;
  if (stretched) pushAll(into, index.collapsed.get(folded));
  for (const len of index.prefixLengths) {
    if (len < key.length) pushAll(into, index.prefix.get(key.slice(0, len)));
    if (stretched && len < folded.length) pushAll(into, index.prefixCollapsed.get(folded.slice(0, len)));
  }
}

function wordMatches(token: Token, term: Term, k: number): boolean {
  return token.norm === term.words[k] || (token.stretched && collapse(token.norm) === term.collapsed[k]);
}

/** The end offset of `term` when its words follow from token `i` on, or -1. */
function phraseEnd(text: string, tokens: Token[], i: number, term: Term): number {
  let j = i;
  for (let k = 1; k < term.words.length; k++) {
    const next = tokens[j + 1];
    if (!next || !isPhraseGap(text, tokens[j].end, next.start) || !wordMatches(next, term, k)) return -1;
    j++;
  }
  return tokens[j].end;
}

/** Every place in `text` where a term of the index occurs, in text order. */
export function findTerms(index: TermIndex, text: string): TermHit[] {
  const hits: TermHit[] = [];
  if (index.size === 0) return hits;
  const tokens = tokenize(text);
  const candidates: Term[] = [];
  const scan = (list: Token[], phrases: boolean) => {
    for (let i = 0; i < list.length; i++) {
      const tok = list[i];
      candidates.length = 0;
      candidatesFor(index, tok.norm, tok.stretched, candidates);
      if (tok.hashtag) candidatesFor(index, '#' + tok.norm, tok.stretched, candidates);
      for (const term of candidates) {
        if (term.hashtag && !tok.hashtag) continue;
        const start = term.hashtag ? tok.start - 1 : tok.start;
        if (term.words.length === 1) hits.push({ term, start, end: tok.end });
        else if (phrases) {
          const end = phraseEnd(text, list, i, term);
          if (end >= 0) hits.push({ term, start, end });
        }
      }
    }
  };
  scan(tokens, true);
  const extra = spelledOut(text, tokens);
  if (extra.length) {
    scan(extra, false);
    hits.sort((a, b) => a.start - b.start);
  }
  return hits;
}
