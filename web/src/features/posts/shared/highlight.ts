import type { Finding, Severity } from '../../../../../src/core/code/types';

/**
 * Placing the code's findings in a rendered variant. The server checks one text per variant: the parts, then the
 * first comment, joined by a blank line; a finding's span points into that text. These helpers split it back into
 * the blocks the preview shows and cut each block into pieces, each marked with the findings that cover it.
 */

export const JOINER = '\n\n';

export interface TextBlock {
  kind: 'part' | 'firstComment';
  /** Position among the parts (0 for the first comment). */
  index: number;
  text: string;
  /** Where the block starts in the checked text. */
  offset: number;
}

/** The parts and the first comment with their start in the checked text (parts, then the comment, joined by JOINER). */
export function blocksOf(parts: string[], firstComment: string | null): TextBlock[] {
  const blocks: TextBlock[] = [];
  let offset = 0;
  parts.forEach((text, index) => {
    blocks.push({ kind: 'part', index, text, offset });
    offset += text.length + JOINER.length;
  });
  if (firstComment) blocks.push({ kind: 'firstComment', index: 0, text: firstComment, offset });
  return blocks;
}

export interface Piece {
  text: string;
  /** Indices (into the findings given) of the findings that cover this piece; empty for plain text. */
  findings: number[];
}

/**
 * Cuts `block` into pieces at every edge of a finding's span that falls inside it. Findings without a span, or whose
 * span lies outside the block, mark nothing; spans are clipped to the block. The pieces' texts join to the block's
 * text exactly, and no piece is empty.
 */
export function piecesOf(block: Pick<TextBlock, 'text' | 'offset'>, findings: Pick<Finding, 'span'>[]): Piece[] {
  const len = block.text.length;
  const local: Array<{ i: number; start: number; end: number }> = [];
  findings.forEach((f, i) => {
    if (!f.span) return;
    const start = Math.max(0, f.span[0] - block.offset);
    const end = Math.min(len, f.span[1] - block.offset);
    if (end > start) local.push({ i, start, end });
  });
  const cuts = new Set<number>([0, len]);
  for (const s of local) cuts.add(s.start).add(s.end);
  const edges = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    const [a, b] = [edges[k], edges[k + 1]];
    if (b <= a) continue;
    const covering = local.filter((s) => s.start <= a && s.end >= b).map((s) => s.i);
    const last = pieces[pieces.length - 1];
    if (last && sameSet(last.findings, covering)) last.text += block.text.slice(a, b);
    else pieces.push({ text: block.text.slice(a, b), findings: covering });
  }
  return pieces;
}

function sameSet(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

const RANK: Record<Severity, number> = { warn: 1, needs_approval: 2, block: 3 };

/** The most serious severity among `severities`, or null when there are none. */
export function worstSeverity(severities: Severity[]): Severity | null {
  let worst: Severity | null = null;
  for (const s of severities) if (!worst || RANK[s] > RANK[worst]) worst = s;
  return worst;
}

/** Findings ordered most serious first, then by where they start in the text (those without a span last). */
export function sortFindings<T extends Pick<Finding, 'severity' | 'span'>>(findings: T[]): T[] {
  return [...findings].sort((a, b) => RANK[b.severity] - RANK[a.severity] || (a.span?.[0] ?? Infinity) - (b.span?.[0] ?? Infinity));
}
