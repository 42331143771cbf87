import { describe, expect, it } from 'vitest';
import { type DiffOp, diffWords, tokenize } from './text-diff';

const join = (ops: DiffOp[], side: 'before' | 'after') => ops.filter((o) => o.op === 'eq' || o.op === (side === 'before' ? 'del' : 'ins')).map((o) => o.text).join('');

/** A small deterministic generator (mulberry32), so a failing case can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['de', 'het', 'een', 'afval', 'Afval', 'milieupark', ' ', '  ', '\n', '\r\n', '\t', ',', '.', '!', '?', '—', 'é', 'café', '😀', '👍🏽', '#zomer', '@gemeente', 'https://a.nl/x?y=1', '3', '2026', "'"];
function randomText(r: () => number, maxPieces: number): string {
  const n = Math.floor(r() * maxPieces);
  let s = '';
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(r() * PIECES.length)];
  return s;
}
/** `text` with a few random pieces inserted, removed or replaced, so that the two versions share a lot. */
function edit(r: () => number, text: string): string {
  const parts = tokenize(text);
  const edits = 1 + Math.floor(r() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(r() * (parts.length + 1));
    const kind = r();
    if (kind < 0.33) parts.splice(at, 0, PIECES[Math.floor(r() * PIECES.length)]);
    else if (kind < 0.66) parts.splice(at, 1);
    else parts.splice(at, 1, PIECES[Math.floor(r() * PIECES.length)]);
  }
  return parts.join('');
}

function checkShape(ops: DiffOp[]) {
  for (let k = 0; k < ops.length; k++) {
    expect(ops[k].text).not.toBe('');
    if (k > 0) expect(ops[k].op).not.toBe(ops[k - 1].op);
    if (k > 0 && ops[k].op === 'del') expect(ops[k - 1].op).toBe('eq');
  }
}

describe('tokenize', () => {
  it('splits into words, runs of white space and single other characters', () => {
    expect(tokenize('Hallo, wereld!  Tot 10:30.')).toEqual(['Hallo', ',', ' ', 'wereld', '!', '  ', 'Tot', ' ', '10', ':', '30', '.']);
    expect(tokenize('café naïve_x\r\n😀')).toEqual(['café', ' ', 'naïve_x', '\r\n', '😀']);
    expect(tokenize('')).toEqual([]);
  });
});

describe('diffWords', () => {
  it('reports a replaced word between equal parts', () => {
    expect(diffWords('Het milieupark is open.', 'Het milieupark is dicht.')).toEqual([
      { op: 'eq', text: 'Het milieupark is ' },
      { op: 'del', text: 'open' },
      { op: 'ins', text: 'dicht' },
      { op: 'eq', text: '.' },
    ]);
  });

  it('reports insertions and deletions on their own', () => {
    expect(diffWords('Kom langs', 'Kom morgen langs')).toEqual([
      { op: 'eq', text: 'Kom ' },
      { op: 'ins', text: 'morgen ' },
      { op: 'eq', text: 'langs' },
    ]);
    expect(diffWords('Kom morgen langs!', 'Kom langs!')).toEqual([
      { op: 'eq', text: 'Kom ' },
      { op: 'del', text: 'morgen ' },
      { op: 'eq', text: 'langs!' },
    ]);
  });

  it('folds single white space between two changes into one changed stretch', () => {
    expect(diffWords('de kat zat hier', 'een hond zat hier')).toEqual([
      { op: 'del', text: 'de kat' },
      { op: 'ins', text: 'een hond' },
      { op: 'eq', text: ' zat hier' },
    ]);
  });

  it('keeps an equal word between two changes', () => {
    expect(diffWords('a b c', 'x b y')).toEqual([
      { op: 'del', text: 'a' },
      { op: 'ins', text: 'x' },
      { op: 'eq', text: ' b ' },
      { op: 'del', text: 'c' },
      { op: 'ins', text: 'y' },
    ]);
  });

  it('handles empty and identical texts', () => {
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('', 'nieuw')).toEqual([{ op: 'ins', text: 'nieuw' }]);
    expect(diffWords('weg', '')).toEqual([{ op: 'del', text: 'weg' }]);
    expect(diffWords('zelfde tekst\n', 'zelfde tekst\n')).toEqual([{ op: 'eq', text: 'zelfde tekst\n' }]);
  });

  it('sees a change of white space or letter case', () => {
    expect(diffWords('a b', 'a  b')).toEqual([
      { op: 'eq', text: 'a' },
      { op: 'del', text: ' ' },
      { op: 'ins', text: '  ' },
      { op: 'eq', text: 'b' },
    ]);
    expect(diffWords('Afval', 'afval')).toEqual([
      { op: 'del', text: 'Afval' },
      { op: 'ins', text: 'afval' },
    ]);
  });

  it('finds the longest common part, not the first match', () => {
    const ops = diffWords('x a b c d', 'a b c d x');
    expect(ops.filter((o) => o.op === 'eq').map((o) => o.text).join('')).toBe('a b c d');
  });

  it('rebuilds both texts exactly from the ops, for many random pairs', () => {
    const r = rng(20260329);
    for (let round = 0; round < 1500; round++) {
      const before = randomText(r, 40);
      const after = r() < 0.7 ? edit(r, before) : randomText(r, 40);
      const ops = diffWords(before, after);
      expect(join(ops, 'before'), JSON.stringify({ before, after })).toBe(before);
      expect(join(ops, 'after'), JSON.stringify({ before, after })).toBe(after);
      checkShape(ops);
    }
  });

  it('falls back to one deletion and one insertion for the middle when the comparison is too big', () => {
    expect(diffWords('begin a b c eind', 'begin x y z eind', { maxCells: 4 })).toEqual([
      { op: 'eq', text: 'begin ' },
      { op: 'del', text: 'a b c' },
      { op: 'ins', text: 'x y z' },
      { op: 'eq', text: ' eind' },
    ]);
    const r = rng(7);
    for (let round = 0; round < 200; round++) {
      const before = randomText(r, 30);
      const after = randomText(r, 30);
      const ops = diffWords(before, after, { maxCells: 10 });
      expect(join(ops, 'before')).toBe(before);
      expect(join(ops, 'after')).toBe(after);
      checkShape(ops);
    }
  });

  it('compares two unrelated 5,000-character texts quickly', () => {
    const r = rng(1);
    const words = (n: number) => Array.from({ length: n }, () => PIECES[Math.floor(r() * 6)]).join(' ');
    let before = words(1200).slice(0, 5000);
    let after = words(1200).slice(0, 5000);
    before = before.padEnd(5000, 'x');
    after = after.padEnd(5000, 'y');
    const t0 = performance.now();
    const ops = diffWords(before, after);
    const ms = performance.now() - t0;
    expect(join(ops, 'before')).toBe(before);
    expect(join(ops, 'after')).toBe(after);
    expect(ops.filter((o) => o.op === 'eq').length).toBeGreaterThan(10);
    expect(ms).toBeLessThan(1000);
  });

  it('falls back for huge texts instead of running out of memory', () => {
    const before = 'a '.repeat(50_000);
    const after = 'b '.repeat(50_000);
    const ops = diffWords(before, after);
    expect(ops).toEqual([
      { op: 'del', text: 'a '.repeat(50_000).slice(0, -1) },
      { op: 'ins', text: 'b '.repeat(50_000).slice(0, -1) },
      { op: 'eq', text: ' ' },
    ]);
  });
});
