/**
 * A word-level difference between two versions of a text, for showing what an edit or a suggestion changed.
 * Tokens keep every character (words, runs of white space, single punctuation marks), so the parts always add up
 * to the two texts exactly.
 */

export type DiffOp = { op: 'eq' | 'ins' | 'del'; text: string };

/**
 * Above this many cells (tokens before × tokens after, once the common start and end are set aside) the changed
 * middle is shown as one deletion and one insertion instead of being compared word by word. Two 5,000-character
 * texts that share nothing stay well below it.
 */
export const DIFF_MAX_CELLS = 6_000_000;

const TOKEN = /\s+|[\p{L}\p{M}\p{N}_]+|[^]/gu;

/** Splits a text into tokens: runs of white space, runs of letters and digits, and every other character alone. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * The word-level difference from `before` to `after` as a list of operations. Joining the `eq` and `del` texts gives
 * `before` exactly, joining the `eq` and `ins` texts gives `after` exactly. It is a longest-common-subsequence
 * comparison of tokens; within each changed stretch the deletion comes before the insertion, no two neighbours have
 * the same op, no text is empty, and white space alone between two changes is folded into them. When the comparison
 * would take more than `maxCells` cells, the changed middle becomes a single deletion and insertion.
 */
export function diffWords(before: string, after: string, opts: { maxCells?: number } = {}): DiffOp[] {
  const maxCells = opts.maxCells ?? DIFF_MAX_CELLS;
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }

  const raw: DiffOp[] = [];
  if (start > 0) raw.push({ op: 'eq', text: a.slice(0, start).join('') });
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > maxCells) {
    raw.push({ op: 'del', text: midA.join('') }, { op: 'ins', text: midB.join('') });
  } else {
    raw.push(...compareTokens(midA, midB));
  }
  if (endA < a.length) raw.push({ op: 'eq', text: a.slice(endA).join('') });
  return tidy(raw);
}

/** One op per token from a longest-common-subsequence table of the two token lists. */
function compareTokens(a: string[], b: string[]): DiffOp[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [...a.map((text) => ({ op: 'del' as const, text })), ...b.map((text) => ({ op: 'ins' as const, text }))];
  const ids = new Map<string, number>();
  const idOf = (t: string) => {
    let id = ids.get(t);
    if (id === undefined) ids.set(t, (id = ids.size));
    return id;
  };
  const x = Int32Array.from(a, idOf);
  const y = Int32Array.from(b, idOf);

  // lcs[i * w + j]: length of the longest common subsequence of a[i..] and b[j..].
  const w = m + 1;
  const lcs = Math.min(n, m) < 65_535 ? new Uint16Array((n + 1) * w) : new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    const row = i * w;
    const next = row + w;
    const xi = x[i];
    for (let j = m - 1; j >= 0; j--) {
      lcs[row + j] = xi === y[j] ? lcs[next + j + 1] + 1 : Math.max(lcs[next + j], lcs[row + j + 1]);
    }
  }

  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      ops.push({ op: 'eq', text: a[i++] });
      j++;
    } else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
      ops.push({ op: 'del', text: a[i++] });
    } else {
      ops.push({ op: 'ins', text: b[j++] });
    }
  }
  while (i < n) ops.push({ op: 'del', text: a[i++] });
  while (j < m) ops.push({ op: 'ins', text: b[j++] });
  return ops;
}

const BLANK = /^\s+$/;

/** Groups each changed stretch into one deletion then one insertion, folding lone white space between changes in. */
function tidy(ops: DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  let del = '';
  let ins = '';
  let k = 0;
  while (k < ops.length) {
    const { op, text } = ops[k];
    if (op === 'del') del += text;
    else if (op === 'ins') ins += text;
    else if (BLANK.test(text) && (del || ins) && k + 1 < ops.length && ops[k + 1].op !== 'eq') {
      del += text;
      ins += text;
    } else {
      if (del) out.push({ op: 'del', text: del });
      if (ins) out.push({ op: 'ins', text: ins });
      del = ins = '';
      const last = out[out.length - 1];
      if (last?.op === 'eq') last.text += text;
      else if (text) out.push({ op, text });
    }
    k++;
  }
  if (del) out.push({ op: 'del', text: del });
  if (ins) out.push({ op: 'ins', text: ins });
  return out;
}
