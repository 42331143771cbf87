import { describe, expect, it } from 'vitest';
import { blocksOf, piecesOf, sortFindings, worstSeverity } from './highlight';

describe('blocksOf', () => {
  it('gives each part and the first comment its start in the joined text', () => {
    expect(blocksOf(['abc', 'de'], 'fg')).toEqual([
      { kind: 'part', index: 0, text: 'abc', offset: 0 },
      { kind: 'part', index: 1, text: 'de', offset: 5 },
      { kind: 'firstComment', index: 0, text: 'fg', offset: 9 },
    ]);
    const joined = ['abc', 'de', 'fg'].join('\n\n');
    expect(joined.slice(5, 7)).toBe('de');
    expect(joined.slice(9, 11)).toBe('fg');
  });

  it('leaves out an empty or missing first comment', () => {
    expect(blocksOf(['x'], null)).toHaveLength(1);
    expect(blocksOf(['x'], '')).toHaveLength(1);
  });
});

describe('piecesOf', () => {
  const block = { text: 'Hello big world', offset: 0 };

  it('returns the whole text as one plain piece without findings', () => {
    expect(piecesOf(block, [])).toEqual([{ text: 'Hello big world', findings: [] }]);
    expect(piecesOf(block, [{}])).toEqual([{ text: 'Hello big world', findings: [] }]);
  });

  it('marks a span and keeps the text intact', () => {
    const pieces = piecesOf(block, [{ span: [6, 9] }]);
    expect(pieces).toEqual([
      { text: 'Hello ', findings: [] },
      { text: 'big', findings: [0] },
      { text: ' world', findings: [] },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(block.text);
  });

  it('splits overlapping spans into pieces covered by both', () => {
    expect(piecesOf(block, [{ span: [0, 9] }, { span: [6, 15] }])).toEqual([
      { text: 'Hello ', findings: [0] },
      { text: 'big', findings: [0, 1] },
      { text: ' world', findings: [1] },
    ]);
  });

  it('shifts by the block offset and clips spans that run past the block', () => {
    const second = { text: 'abcdef', offset: 10 };
    expect(piecesOf(second, [{ span: [8, 12] }, { span: [15, 40] }, { span: [0, 5] }])).toEqual([
      { text: 'ab', findings: [0] },
      { text: 'cde', findings: [] },
      { text: 'f', findings: [1] },
    ]);
  });

  it('ignores empty and inverted spans', () => {
    expect(piecesOf(block, [{ span: [3, 3] }, { span: [5, 2] }])).toEqual([{ text: 'Hello big world', findings: [] }]);
  });

  it('gives no pieces for an empty block', () => {
    expect(piecesOf({ text: '', offset: 0 }, [{ span: [0, 4] }])).toEqual([]);
  });
});

describe('worstSeverity and sortFindings', () => {
  it('ranks block above needs_approval above warn', () => {
    expect(worstSeverity([])).toBeNull();
    expect(worstSeverity(['warn', 'block', 'needs_approval'])).toBe('block');
    expect(worstSeverity(['warn', 'needs_approval'])).toBe('needs_approval');
  });

  it('sorts most serious first, then by position, spanless last', () => {
    const sorted = sortFindings([
      { severity: 'warn' as const, span: [1, 2] as [number, number] },
      { severity: 'block' as const },
      { severity: 'block' as const, span: [5, 6] as [number, number] },
      { severity: 'warn' as const, span: [0, 1] as [number, number] },
    ]);
    expect(sorted.map((f) => `${f.severity}:${f.span?.[0] ?? '-'}`)).toEqual(['block:5', 'block:-', 'warn:0', 'warn:1']);
  });
});
