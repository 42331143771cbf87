import type { Clause } from './api';

/** A clause-level comparison of two versions of the code, for judging a proposal. */

export type ClausePart = 'title' | 'text' | 'explanation' | 'checks';

export interface ClauseChange {
  before: Clause;
  after: Clause;
  parts: ClausePart[];
}

export interface CodeComparison {
  added: Clause[];
  removed: Clause[];
  changed: ClauseChange[];
  unchanged: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Which clauses `proposed` adds, removes and changes (matched by id) compared with `current`, and in which parts. */
export function compareCodes(current: readonly Clause[], proposed: readonly Clause[]): CodeComparison {
  const before = new Map(current.map((c) => [c.id, c]));
  const after = new Set(proposed.map((c) => c.id));
  const out: CodeComparison = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const c of proposed) {
    const old = before.get(c.id);
    if (!old) {
      out.added.push(c);
      continue;
    }
    const parts = (['title', 'text', 'explanation', 'checks'] as const).filter((p) => !same(old[p], c[p]));
    if (parts.length) out.changed.push({ before: old, after: c, parts });
    else out.unchanged++;
  }
  for (const c of current) if (!after.has(c.id)) out.removed.push(c);
  return out;
}

/** True when nothing differs. */
export function isSameCode(c: CodeComparison): boolean {
  return c.added.length + c.removed.length + c.changed.length === 0;
}
